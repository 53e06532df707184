/// The keyed container of one C message being built: each property goes to the field of the same name.
///
/// Only plain values (pointers, an unmanaged owner), so that the copies the standard library's container box
/// makes of it cost no reference counting.
struct DirectKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The message's encoding state, in the arena (see `SlotEncoder`).
    private let owner: UnsafeMutablePointer<EncodeSlot>
    private let plan: PlanRef
    private let memory: UnsafeMutableRawPointer
    private let arena: UnsafeMutablePointer<BumpArena>
    /// The field expected next (see `PlanRef.fieldIndex`).
    private var hint = 0

    init(owner: UnsafeMutablePointer<EncodeSlot>, plan: PlanRef, memory: UnsafeMutableRawPointer) {
        self.owner = owner
        self.plan = plan
        self.memory = memory
        self.arena = owner.pointee.arena
    }

    var codingPath: [any CodingKey] { EncodeSlot.codingPath(owner) }

    private mutating func index(_ key: Key) throws(WireError) -> Int {
        let name = key.stringValue
        guard let index = plan.fieldIndex(name, hint: hint) else { throw plan.unknownField(name) }
        hint = index + 1
        return index
    }

    private func slot(_ index: Int) -> UnsafeMutableRawPointer { memory + plan.fields[index].offset }

    mutating func encodeNil(forKey key: Key) throws { _ = try index(key) }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        let index = try index(key)
        try SlotWriter.bool(value, plan, index, slot(index), inList: false)
        plan.fields[index].markPresent(in: memory)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        let index = try index(key)
        try SlotWriter.string(value, plan, index, slot(index), inList: false, arena: arena)
        plan.fields[index].markPresent(in: memory)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        let index = try index(key)
        try SlotWriter.double(value, plan, index, slot(index), inList: false)
        plan.fields[index].markPresent(in: memory)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }

    @inline(__always)
    private mutating func integer(_ value: some BinaryInteger, _ key: Key) throws {
        let index = try index(key)
        try SlotWriter.integer(value, plan, index, slot(index), inList: false)
        plan.fields[index].markPresent(in: memory)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let index = try index(key)
        let field = plan.fields[index]
        if T.self == [UInt8].self, field.type == .bytes, !field.isRepeated {
            SlotWriter.bytes(unsafeBitCast(value, to: [UInt8].self), memory + field.offset, arena: arena)
            field.markPresent(in: memory)
            return
        }
        let encoder = SlotEncoder(EncodeSlot.make(in: arena, plan: plan, field: index, message: memory,
                                                  slot: memory + field.offset, inList: false, parent: owner))
        try value.encode(to: encoder)
        if encoder.wrote, !field.isRepeated { field.markPresent(in: memory) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(FailingKeyed(error: plan.misuse("nested containers are not supported"),
                                            codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: plan.misuse("nested containers are not supported"), codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { superEncoderOfThisMessage() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoderOfThisMessage() }

    /// An encoder of this same message, as the record-based codec gives.
    private func superEncoderOfThisMessage() -> SlotEncoder {
        SlotEncoder(EncodeSlot.make(in: arena, plan: plan, field: -1, message: memory, slot: memory, inList: false,
                                    parent: nil))
    }
}
