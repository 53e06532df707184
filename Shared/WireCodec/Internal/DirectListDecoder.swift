/// Reads the elements of a repeated field from the unpacked C array, in order.
///
/// One word wide (its state is in the arena), so that it is handed out as `any UnkeyedDecodingContainer`
/// without an allocation.
struct DirectListDecoder: UnkeyedDecodingContainer {
    private let state: UnsafeMutablePointer<DecodeSlot>

    /// The list container of the repeated field `field` decodes.
    init(field: UnsafeMutablePointer<DecodeSlot>) {
        let owner = field.pointee
        // A state of its own, so that the element decoders can name the list as their parent.
        state = DecodeSlot.make(in: owner.arena, plan: owner.plan, field: owner.field, message: owner.message,
                                slot: nil, inList: false, parent: owner.parent, position: owner.position)
    }

    private var plan: PlanRef { state.pointee.plan }
    private var index: Int { state.pointee.field }
    private var field: FieldPlan { plan.fields[index] }

    /// The C array, when the field has elements.
    private var array: UnsafeRawPointer? {
        guard let message = state.pointee.message,
              message.load(fromByteOffset: field.quantifierOffset, as: Int.self) > 0
        else { return nil }
        return message.load(fromByteOffset: field.offset, as: UnsafeRawPointer?.self)
    }

    var count: Int? {
        guard array != nil, let message = state.pointee.message else { return 0 }
        return message.load(fromByteOffset: field.quantifierOffset, as: Int.self)
    }
    var currentIndex: Int { state.pointee.currentIndex }
    var codingPath: [any CodingKey] { DecodeSlot.codingPath(state) }
    var isAtEnd: Bool { currentIndex >= count! }

    /// The next element's slot.
    private func next() throws(WireError) -> UnsafeRawPointer {
        guard !isAtEnd, let array else {
            throw plan.misuse("read past the end of the list", field: index)
        }
        defer { state.pointee.currentIndex += 1 }
        return array + currentIndex * field.type.size
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try SlotReader.bool(plan, index, next(), inList: true)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try SlotReader.string(plan, index, next(), inList: true)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try SlotReader.double(plan, index, next(), inList: true)
    }
    mutating func decode(_ type: Float.Type) throws -> Float { try SlotReader.float(plan, index, next(), inList: true) }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    @inline(__always)
    private func integer<T: FixedWidthInteger>() throws -> T {
        try SlotReader.integer(plan, index, next(), inList: true)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let position = currentIndex
        let slot = try next()
        if T.self == [UInt8].self, field.type == .bytes {
            return unsafeBitCast(SlotReader.bytes(slot), to: T.self)
        }
        let element = DecodeSlot.make(in: state.pointee.arena, plan: plan, field: index, message: state.pointee.message,
                                      slot: slot, inList: true, parent: state, position: position)
        return try T(from: SlotDecoder(element))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw plan.misuse("nested containers are not supported", field: index)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw plan.misuse("lists of lists are not supported", field: index)
    }
    mutating func superDecoder() throws -> any Decoder {
        throw plan.misuse("super decoders are not supported", field: index)
    }
}
