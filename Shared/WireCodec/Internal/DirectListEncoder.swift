/// Collects the elements of a repeated field into a C array in the arena, keeping the message's `n_` count and
/// array pointer up to date after every element (Codable never says when a list is finished).
///
/// One word wide (its state is in the arena), so that it is handed out as `any UnkeyedEncodingContainer`
/// without an allocation.
struct DirectListEncoder: UnkeyedEncodingContainer {
    private let state: UnsafeMutablePointer<EncodeSlot>

    /// The list container of the repeated field `field` encodes.
    init(field: UnsafeMutablePointer<EncodeSlot>) {
        let owner = field.pointee
        // A state of its own, for the array and count, and so that element encoders can name it as their parent.
        state = EncodeSlot.make(in: owner.arena, plan: owner.plan, field: owner.field, message: owner.message,
                                slot: owner.slot, inList: false, parent: owner.parent, position: owner.position)
    }

    private var plan: PlanRef { state.pointee.plan }
    private var index: Int { state.pointee.field }
    private var field: FieldPlan { plan.fields[index] }
    private var arena: UnsafeMutablePointer<BumpArena> { state.pointee.arena }

    var count: Int { state.pointee.count }
    var codingPath: [any CodingKey] { EncodeSlot.codingPath(state) }

    /// The slot of a new last element, growing the array (by doubling, in the arena) when it is full.
    private func append() -> UnsafeMutableRawPointer {
        let size = field.type.size
        let message = state.pointee.message
        if state.pointee.count == state.pointee.capacity {
            let capacity = max(4, state.pointee.capacity * 2)
            let grown = arena.pointee.allocate(capacity * size)
            if let array = state.pointee.array { grown.copyMemory(from: array, byteCount: state.pointee.count * size) }
            state.pointee.array = grown
            state.pointee.capacity = capacity
            message.storeBytes(of: grown, toByteOffset: field.offset, as: UnsafeMutableRawPointer.self)
        }
        let slot = state.pointee.array! + state.pointee.count * size
        state.pointee.count += 1
        message.storeBytes(of: state.pointee.count, toByteOffset: field.quantifierOffset, as: Int.self)
        return slot
    }

    mutating func encodeNil() throws {
        throw plan.misuse("a repeated field cannot hold nil", field: index)
    }
    mutating func encode(_ value: Bool) throws { try SlotWriter.bool(value, plan, index, append(), inList: true) }
    mutating func encode(_ value: String) throws {
        try SlotWriter.string(value, plan, index, append(), inList: true, arena: arena)
    }
    mutating func encode(_ value: Double) throws {
        try SlotWriter.double(value, plan, index, append(), inList: true)
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
        try SlotWriter.integer(value, plan, index, append(), inList: true)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let position = count
        let slot = append()
        if T.self == [UInt8].self, field.type == .bytes {
            SlotWriter.bytes(unsafeBitCast(value, to: [UInt8].self), slot, arena: arena)
            return
        }
        let encoder = SlotEncoder(EncodeSlot.make(in: arena, plan: plan, field: index, message: state.pointee.message,
                                                  slot: slot, inList: true, parent: state, position: position))
        try value.encode(to: encoder)
        // An element that wrote nothing is still an element: proto3's zero value.
        if !encoder.wrote { SlotWriter.zero(field, slot, arena: arena) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(FailingKeyed(error: plan.misuse("nested containers are not supported", field: index),
                                            codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: plan.misuse("lists of lists are not supported", field: index), codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder {
        FailingEncoder(error: plan.misuse("super encoders are not supported", field: index), codingPath: codingPath)
    }
}
