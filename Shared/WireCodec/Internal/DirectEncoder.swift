internal import CWireProtos
internal import NIOCore

/// Encodes an `Encodable` value straight into protobuf-c's C struct for its message, then packs it.
///
/// Each keyed container writes its fields at the descriptor's offsets in a C message allocated from a
/// `BumpArena`; strings, bytes, arrays and nested messages are copied into the same arena, which is released
/// as a whole after `protobuf_c_message_pack`. There is no intermediate `WireRecord`, and the only heap objects
/// per encode are the Codable containers themselves. Proto3 rules are those of `MessagePacker`.
enum DirectEncoder {
    /// Appends the encoding of `value`, whose properties are the fields of `plan`'s message, to `buffer`.
    static func encode(_ value: some Encodable, plan: MessagePlan, into buffer: inout ByteBuffer) throws {
        try BumpArena.withArena { arena in
            let message = try build(value, plan: plan, arena: arena)
            let size = protobuf_c_message_get_packed_size(message)
            guard size > 0 else { return }
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
                protobuf_c_message_pack(message, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The encoding of `value` in a buffer of exactly its size (one allocation, no growing).
    static func encoded(_ value: some Encodable, plan: MessagePlan) throws -> ByteBuffer {
        var buffer: ByteBuffer?
        try BumpArena.withArena { arena in
            let message = try build(value, plan: plan, arena: arena)
            let size = protobuf_c_message_get_packed_size(message)
            var packed = ByteBufferAllocator().buffer(capacity: size)
            if size > 0 {
                packed.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
                    protobuf_c_message_pack(message, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
            buffer = packed
        }
        return buffer!
    }

    private static func build(_ value: some Encodable, plan: MessagePlan, arena: UnsafeMutablePointer<BumpArena>)
        throws -> UnsafeMutablePointer<ProtobufCMessage>
    {
        let ref = PlanRef(plan)
        let memory = ref.makeMessage(in: arena)
        try value.encode(to: SlotEncoder(EncodeSlot.make(in: arena, plan: ref, field: -1, message: memory, slot: memory,
                                                         inList: false, parent: nil)))
        return memory.assumingMemoryBound(to: ProtobufCMessage.self)
    }
}

/// Where one value being encoded goes. Kept in the arena, so that the encoders and containers that point at it
/// are one word wide: they fit an existential's inline buffer and cost no allocation, unlike a class per value.
struct EncodeSlot: CodecSlot {
    /// The message that holds the field (for the root: the message itself).
    var plan: PlanRef
    /// The field's index in `plan`, or -1 for the root message.
    var field: Int
    /// The C message that holds the field (for the root: the message itself).
    var message: UnsafeMutableRawPointer
    /// Where the value goes: the field's slot, or one element of a repeated field's array.
    var slot: UnsafeMutableRawPointer
    /// True for one element of a repeated field.
    var inList: Bool
    var arena: UnsafeMutablePointer<BumpArena>
    /// The value this one is part of, for `codingPath`.
    var parent: UnsafeMutablePointer<EncodeSlot>?
    /// The element's index for one element of a list, else -1.
    var position: Int
    /// Set once a value was written: a value that writes nothing (nil) leaves the field absent.
    var wrote = false
    /// For the list container of a repeated field: its C array, as grown so far.
    var array: UnsafeMutableRawPointer?
    var capacity = 0
    var count = 0

    static func make(in arena: UnsafeMutablePointer<BumpArena>, plan: PlanRef, field: Int,
                     message: UnsafeMutableRawPointer, slot: UnsafeMutableRawPointer, inList: Bool,
                     parent: UnsafeMutablePointer<EncodeSlot>?, position: Int = -1)
        -> UnsafeMutablePointer<EncodeSlot>
    {
        place(EncodeSlot(plan: plan, field: field, message: message, slot: slot, inList: inList, arena: arena,
                               parent: parent, position: position), in: arena)
    }
}

/// The encoder of one message (`field` < 0) or of one field's value, which is also its single-value container.
struct SlotEncoder: Encoder, SingleValueEncodingContainer {
    // Everything lives in the arena, which outlives every encoder: `DirectEncoder` packs and releases it only
    // after `encode(to:)` has returned.
    let state: UnsafeMutablePointer<EncodeSlot>

    init(_ state: UnsafeMutablePointer<EncodeSlot>) { self.state = state }

    private var plan: PlanRef { state.pointee.plan }
    private var field: Int { state.pointee.field }
    private var slot: UnsafeMutableRawPointer { state.pointee.slot }
    private var inList: Bool { state.pointee.inList }
    private var arena: UnsafeMutablePointer<BumpArena> { state.pointee.arena }
    /// Whether anything was written through this encoder.
    var wrote: Bool { state.pointee.wrote }

    var codingPath: [any CodingKey] { EncodeSlot.codingPath(state) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        guard field >= 0 else {
            return KeyedEncodingContainer(DirectKeyedEncoder<Key>(owner: state, plan: plan,
                                                                  memory: state.pointee.message))
        }
        let fieldPlan = plan.fields[field]
        guard fieldPlan.type == .message, fieldPlan.child != nil, inList || !fieldPlan.isRepeated else {
            return KeyedEncodingContainer(
                FailingKeyed(error: plan.mismatch(field, inList: inList, swift: "a message"), codingPath: codingPath))
        }
        let childPlan = fieldPlan.childPlan
        let child = childPlan.makeMessage(in: arena)
        slot.storeBytes(of: child, as: UnsafeMutableRawPointer.self)
        state.pointee.wrote = true
        return KeyedEncodingContainer(DirectKeyedEncoder<Key>(owner: state, plan: childPlan, memory: child))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        guard field >= 0 else {
            return FailingUnkeyed(error: plan.misuse("a message encodes as keyed fields, not a list"),
                                  codingPath: codingPath)
        }
        guard plan.fields[field].isRepeated, !inList else {
            return FailingUnkeyed(error: plan.mismatch(field, inList: inList, swift: "a list"), codingPath: codingPath)
        }
        state.pointee.wrote = true
        return DirectListEncoder(field: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        guard field >= 0 else {
            return FailingSingle(error: plan.misuse("a message encodes as keyed fields, not one value"),
                                 codingPath: codingPath)
        }
        return self
    }

    // MARK: SingleValueEncodingContainer (field < 0 never gets here: singleValueContainer() refuses)

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws {
        try SlotWriter.bool(value, plan, field, slot, inList: inList)
        state.pointee.wrote = true
    }
    mutating func encode(_ value: String) throws {
        try SlotWriter.string(value, plan, field, slot, inList: inList, arena: arena)
        state.pointee.wrote = true
    }
    mutating func encode(_ value: Double) throws {
        try SlotWriter.double(value, plan, field, slot, inList: inList)
        state.pointee.wrote = true
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }

    @inline(__always)
    private func integer(_ value: some BinaryInteger) throws {
        try SlotWriter.integer(value, plan, field, slot, inList: inList)
        state.pointee.wrote = true
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let fieldPlan = plan.fields[field]
        if T.self == [UInt8].self, fieldPlan.type == .bytes, inList || !fieldPlan.isRepeated {
            SlotWriter.bytes(unsafeBitCast(value, to: [UInt8].self), slot, arena: arena)
            state.pointee.wrote = true
            return
        }
        // A wrapper (a RawRepresentable enum, an ID type) encodes its one value into this same slot.
        try value.encode(to: self)
    }
}
