internal import CWireProtos

/// Decodes a `Decodable` value straight from the C struct `protobuf_c_message_unpack` fills.
///
/// protobuf-c allocates the unpacked graph from a `BumpArena` (its per-piece frees are no-ops), each keyed
/// container reads its fields at the descriptor's offsets, strings and bytes are copied out, and the arena goes
/// as a whole: no `free_unpacked` walk and no intermediate `WireRecord`. Proto3 rules are those `WireMessage`
/// documents (and `MessageUnpacker` follows): an absent field reads as its zero value, or as nil into an optional.
enum DirectDecoder {
    /// Decodes a `T`, whose properties are the fields of `plan`'s message, from `bytes`.
    /// - Throws: `WireError.malformed` when protobuf-c cannot read the bytes, or a string field is not clean UTF-8;
    ///   else what decoding throws.
    static func decode<T: Decodable>(_ type: T.Type, plan: MessagePlan, from bytes: UnsafeRawBufferPointer) throws
        -> T
    {
        if let problem = StringFieldCheck.problem(in: bytes, plan.descriptor) { throw problem }
        var result: T?
        try BumpArena.withArena { arena in
            var allocator = BumpArena.allocator(for: arena)
            let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            guard let message = protobuf_c_message_unpack(plan.descriptor, &allocator, bytes.count, base) else {
                throw WireError(.malformed, messageType: plan.schema.name,
                                "\(bytes.count) bytes are not a valid encoding of this message")
            }
            let root = DecodeSlot.make(in: arena, plan: PlanRef(plan), field: -1, message: UnsafeRawPointer(message),
                                       slot: UnsafeRawPointer(message), inList: false, parent: nil)
            result = try T(from: SlotDecoder(root))
        }
        return result!
    }
}

/// Where one value being decoded is. Kept in the arena, so that the decoders and containers that point at it are
/// one word wide: they fit an existential's inline buffer and cost no allocation, unlike a class per value.
struct DecodeSlot: CodecSlot {
    /// The message that holds the field (for the root: the message itself).
    var plan: PlanRef
    /// The field's index in `plan`, or -1 for the root message.
    var field: Int
    /// The C message that holds the field (for the root: the message itself); nil for an absent message.
    var message: UnsafeRawPointer?
    /// Where the value is: the field's slot or one element of its array; nil when the field is absent.
    var slot: UnsafeRawPointer?
    var inList: Bool
    var arena: UnsafeMutablePointer<BumpArena>
    /// The value this one is part of, for `codingPath`.
    var parent: UnsafeMutablePointer<DecodeSlot>?
    /// The element's index for one element of a list, else -1.
    var position: Int
    /// The field the keyed container of this message expects next (see `PlanRef.fieldIndex`).
    var hint = 0
    /// The next element, for the list container of a repeated field.
    var currentIndex = 0

    static func make(in arena: UnsafeMutablePointer<BumpArena>, plan: PlanRef, field: Int, message: UnsafeRawPointer?,
                     slot: UnsafeRawPointer?, inList: Bool, parent: UnsafeMutablePointer<DecodeSlot>?,
                     position: Int = -1) -> UnsafeMutablePointer<DecodeSlot> {
        place(DecodeSlot(plan: plan, field: field, message: message, slot: slot, inList: inList, arena: arena,
                               parent: parent, position: position), in: arena)
    }
}

/// The decoder of one message (`field` < 0) or of one field's value, which is also its single-value container.
struct SlotDecoder: Decoder, SingleValueDecodingContainer {
    // Everything lives in the arena, which outlives every decoder: `DirectDecoder.decode` returns only after
    // `init(from:)` has, and the C memory the state points into is only valid until then in any case.
    let state: UnsafeMutablePointer<DecodeSlot>

    init(_ state: UnsafeMutablePointer<DecodeSlot>) { self.state = state }

    private var plan: PlanRef { state.pointee.plan }
    private var field: Int { state.pointee.field }
    private var slot: UnsafeRawPointer? { state.pointee.slot }
    private var inList: Bool { state.pointee.inList }

    var codingPath: [any CodingKey] { DecodeSlot.codingPath(state) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard field >= 0 else {
            return KeyedDecodingContainer(
                DirectKeyedDecoder<Key>(owner: state, plan: plan, memory: state.pointee.message))
        }
        let fieldPlan = plan.fields[field]
        guard fieldPlan.type == .message, fieldPlan.child != nil, inList || !fieldPlan.isRepeated else {
            throw plan.mismatch(field, inList: inList, swift: "a message")
        }
        let child = slot?.load(as: UnsafeRawPointer?.self)
        return KeyedDecodingContainer(DirectKeyedDecoder<Key>(owner: state, plan: fieldPlan.childPlan, memory: child))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard field >= 0 else { throw plan.misuse("a message decodes as keyed fields, not a list") }
        guard plan.fields[field].isRepeated, !inList else {
            throw plan.mismatch(field, inList: inList, swift: "a list")
        }
        return DirectListDecoder(field: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard field >= 0 else { throw plan.misuse("a message decodes as keyed fields, not one value") }
        return self
    }

    // MARK: SingleValueDecodingContainer (field < 0 never gets here: singleValueContainer() refuses)

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try SlotReader.bool(plan, field, slot, inList: inList) }
    func decode(_ type: String.Type) throws -> String { try SlotReader.string(plan, field, slot, inList: inList) }
    func decode(_ type: Double.Type) throws -> Double { try SlotReader.double(plan, field, slot, inList: inList) }
    func decode(_ type: Float.Type) throws -> Float { try SlotReader.float(plan, field, slot, inList: inList) }
    func decode(_ type: Int.Type) throws -> Int { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: Int8.Type) throws -> Int8 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: Int16.Type) throws -> Int16 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: Int32.Type) throws -> Int32 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: Int64.Type) throws -> Int64 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: UInt.Type) throws -> UInt { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try SlotReader.integer(plan, field, slot, inList: inList) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try SlotReader.integer(plan, field, slot, inList: inList) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let fieldPlan = plan.fields[field]
        if T.self == [UInt8].self, fieldPlan.type == .bytes, inList || !fieldPlan.isRepeated {
            return unsafeBitCast(SlotReader.bytes(slot), to: T.self)
        }
        // A wrapper (a RawRepresentable enum, an ID type) decodes its one value from this same slot.
        return try T(from: self)
    }
}
