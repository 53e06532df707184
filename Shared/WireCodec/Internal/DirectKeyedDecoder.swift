/// The keyed container of one unpacked C message: each property reads the field of the same name.
///
/// Only plain values (pointers, an unmanaged owner), so that the copies the standard library's container box
/// makes of it for every call cost no reference counting.
struct DirectKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The message's decoding state, in the arena (see `SlotDecoder`); it also keeps the hint, since the
    /// protocol's methods are not mutating.
    private let owner: UnsafeMutablePointer<DecodeSlot>
    private let plan: PlanRef
    /// The C message; nil when the message itself is absent, so that every field reads as absent.
    private let memory: UnsafeRawPointer?

    init(owner: UnsafeMutablePointer<DecodeSlot>, plan: PlanRef, memory: UnsafeRawPointer?) {
        self.owner = owner
        self.plan = plan
        self.memory = memory
        owner.pointee.hint = 0
    }

    var codingPath: [any CodingKey] { DecodeSlot.codingPath(owner) }

    var allKeys: [Key] {
        plan.fields.indices.filter { plan.fields[$0].isPresent(in: memory) }.compactMap {
            Key(stringValue: plan.schema.fields[$0].swiftName)
        }
    }

    private func index(_ key: Key) throws(WireError) -> Int {
        let name = key.stringValue
        guard let index = plan.fieldIndex(name, hint: owner.pointee.hint) else { throw plan.unknownField(name) }
        owner.pointee.hint = index + 1
        return index
    }

    /// Where field `index`'s value is, or nil when it is absent and reads as zero. Implicit proto3 fields are
    /// zero in the C struct when absent, so only oneof members and `has_` fields need their presence checked.
    private func slot(_ index: Int) -> UnsafeRawPointer? {
        guard let memory else { return nil }
        let field = plan.fields[index]
        if (field.isOneof || field.hasFlag) && !field.isPresent(in: memory) { return nil }
        return memory + field.offset
    }

    /// The index of the field `key` names when it is present; nil when it is absent or no field has that name.
    private func present(_ key: Key) -> Int? {
        let name = key.stringValue
        guard let index = plan.fieldIndex(name, hint: owner.pointee.hint) else { return nil }
        owner.pointee.hint = index + 1
        return plan.fields[index].isPresent(in: memory) ? index : nil
    }

    func contains(_ key: Key) -> Bool {
        guard let index = plan.schema.fieldIndex(named: key.stringValue) else { return false }
        return plan.fields[index].isPresent(in: memory)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        !plan.fields[try index(key)].isPresent(in: memory)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let index = try index(key)
        return try SlotReader.bool(plan, index, slot(index), inList: false)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let index = try index(key)
        return try SlotReader.string(plan, index, slot(index), inList: false)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let index = try index(key)
        return try SlotReader.double(plan, index, slot(index), inList: false)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let index = try index(key)
        return try SlotReader.float(plan, index, slot(index), inList: false)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    @inline(__always)
    private func integer<T: FixedWidthInteger>(_ key: Key) throws -> T {
        let index = try index(key)
        return try SlotReader.integer(plan, index, slot(index), inList: false)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(T.self, index(key), key)
    }

    private func value<T: Decodable>(_ type: T.Type, _ index: Int, _ key: Key) throws -> T {
        let field = plan.fields[index]
        let slot = slot(index)
        if T.self == [UInt8].self, field.type == .bytes, !field.isRepeated {
            return unsafeBitCast(SlotReader.bytes(slot), to: T.self)
        }
        return try T(from: SlotDecoder(DecodeSlot.make(in: owner.pointee.arena, plan: plan, field: index,
                                                       message: memory, slot: slot, inList: false, parent: owner)))
    }

    // One lookup instead of the default's three (contains, decodeNil, decode).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = present(key) else { return nil }
        return try value(T.self, index, key)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = present(key) else { return nil }
        return try SlotReader.string(plan, index, slot(index), inList: false)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let index = present(key) else { return nil }
        return try SlotReader.integer(plan, index, slot(index), inList: false)
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        guard let index = present(key) else { return nil }
        return try SlotReader.integer(plan, index, slot(index), inList: false)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = present(key) else { return nil }
        return try SlotReader.integer(plan, index, slot(index), inList: false)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = present(key) else { return nil }
        return try SlotReader.bool(plan, index, slot(index), inList: false)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let index = present(key) else { return nil }
        return try SlotReader.double(plan, index, slot(index), inList: false)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw plan.misuse("nested containers are not supported")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw plan.misuse("nested containers are not supported")
    }
    func superDecoder() throws -> any Decoder { superDecoderOfThisMessage() }
    func superDecoder(forKey key: Key) throws -> any Decoder { superDecoderOfThisMessage() }

    /// A decoder of this same message, as the record-based codec gives.
    private func superDecoderOfThisMessage() -> SlotDecoder {
        SlotDecoder(DecodeSlot.make(in: owner.pointee.arena, plan: plan, field: -1, message: memory, slot: memory,
                                    inList: false, parent: nil))
    }
}
