/// Turns an `Encodable` Swift value into a `WireRecord`, matching Swift property names to proto fields
/// (lowerCamelCase or snake_case) and checking each value against the field's type.
struct WireEncoder {
    /// Encodes `value`, a Swift type whose properties are the fields of `schema`.
    static func record(of value: some Encodable, schema: MessageSchema) throws -> WireRecord {
        let box = RecordBox(schema: schema)
        try value.encode(to: MessageEncoder(box: box, codingPath: []))
        return box.record
    }

    /// The wire value of `value` for `field`, or nil when it encodes as absent.
    static func value(of value: some Encodable, field: FieldSchema, schema: MessageSchema,
                      inList: Bool, codingPath: [any CodingKey]) throws -> WireValue? {
        if let bytes = value as? [UInt8], field.kind == .bytes, inList || !field.isRepeated {
            return .bytes(bytes)
        }
        let box = ValueBox()
        try value.encode(to: FieldEncoder(field: field, schema: schema, inList: inList, box: box,
                                          codingPath: codingPath))
        return box.value
    }
}

private final class RecordBox {
    var record: WireRecord
    init(schema: MessageSchema) { record = WireRecord(schema: schema) }
}

private final class ValueBox {
    var value: WireValue?
    var list: [WireValue] = []
}

private func misuse(_ schema: MessageSchema, _ path: [any CodingKey], _ text: String) -> WireError {
    WireError(.typeMismatch, messageType: schema.name, field: path.map(\.stringValue).joined(separator: "."), text)
}

/// Encodes one message: only a keyed container makes sense.
private struct MessageEncoder: Encoder {
    let box: RecordBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(MessageContainer<Key>(box: box, codingPath: codingPath))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: misuse(box.record.schema, codingPath, "a message encodes as keyed fields, not a list"),
                       codingPath: codingPath)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer {
        FailingSingle(error: misuse(box.record.schema, codingPath, "a message encodes as keyed fields, not one value"),
                      codingPath: codingPath)
    }
}

private struct MessageContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: RecordBox
    let codingPath: [any CodingKey]

    private func field(_ key: Key) throws -> (Int, FieldSchema) {
        let schema = box.record.schema
        guard let index = schema.fieldIndex(named: key.stringValue) else {
            throw WireError(.unknownField, messageType: schema.name, field: key.stringValue,
                            "the Swift property has no field of that name in the proto")
        }
        return (index, schema.fields[index])
    }

    mutating func encodeNil(forKey key: Key) throws { _ = try field(key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let (index, field) = try field(key)
        let encoded = try WireEncoder.value(of: value, field: field, schema: box.record.schema, inList: false,
                                            codingPath: codingPath + [key])
        // A record stores no field at its proto3 zero value (see `WireRecord`): only oneof members keep theirs.
        box.record.values[index] = encoded.flatMap { isZeroOnWire($0, field: field) ? nil : $0 }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(FailingKeyed(error: misuse(box.record.schema, codingPath, "nested containers are not supported"), codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: misuse(box.record.schema, codingPath, "nested containers are not supported"), codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { MessageEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { MessageEncoder(box: box, codingPath: codingPath) }
}

/// Encodes the value of one field: a scalar, a nested message, or (for a repeated field) a list.
private struct FieldEncoder: Encoder, SingleValueEncodingContainer {
    let field: FieldSchema
    let schema: MessageSchema
    /// True when encoding one element of a repeated field.
    let inList: Bool
    let box: ValueBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        guard case .message(let name) = field.kind, let child = WireSchema.message(named: name),
            inList || !field.isRepeated
        else {
            return KeyedEncodingContainer(FailingKeyed(error: mismatch("a message"), codingPath: codingPath))
        }
        let record = RecordBox(schema: child)
        box.value = .message(record.record)
        return KeyedEncodingContainer(ChildMessageContainer<Key>(record: record, box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        guard field.isRepeated, !inList else {
            return FailingUnkeyed(error: mismatch("a list"), codingPath: codingPath)
        }
        box.value = .list([])
        return ListContainer(field: field, schema: schema, box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    private func mismatch(_ given: String) -> WireError {
        let expected = field.isRepeated && !inList ? "repeated \(field.kind.label)" : field.kind.label
        return WireError(.typeMismatch, messageType: schema.name, field: field.name,
                         "the proto field is \(expected), the Swift value is \(given)")
    }

    private func set(_ value: WireValue) throws {
        guard inList || !field.isRepeated else { throw mismatch("a single value") }
        box.value = value
    }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws {
        guard field.kind == .bool else { throw mismatch("Bool") }
        try set(.bool(value))
    }
    mutating func encode(_ value: String) throws {
        switch field.kind {
        case .string: try set(.string(value))
        case .enumeration(let schema):
            guard let number = schema.number(named: value) else {
                throw WireError(.unknownEnumValue, messageType: self.schema.name, field: field.name,
                                "\(schema.name) has no value named \(value)")
            }
            try set(.int(Int64(number)))
        default: throw mismatch("String")
        }
    }
    mutating func encode(_ value: Double) throws {
        switch field.kind {
        case .double: try set(.double(value))
        case .float: try set(.float(Float(value)))
        default: throw mismatch("Double")
        }
    }
    mutating func encode(_ value: Float) throws {
        switch field.kind {
        case .float: try set(.float(value))
        case .double: try set(.double(Double(value)))
        default: throw mismatch("Float")
        }
    }
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

    private func integer(_ value: some BinaryInteger) throws {
        switch field.kind {
        case .int32, .sint32, .sfixed32, .enumeration:
            guard let v = Int32(exactly: value) else { throw outOfRange(value) }
            try set(.int(Int64(v)))
        case .int64, .sint64, .sfixed64:
            guard let v = Int64(exactly: value) else { throw outOfRange(value) }
            try set(.int(v))
        case .uint32, .fixed32:
            guard let v = UInt32(exactly: value) else { throw outOfRange(value) }
            try set(.uint(UInt64(v)))
        case .uint64, .fixed64:
            guard let v = UInt64(exactly: value) else { throw outOfRange(value) }
            try set(.uint(v))
        default:
            throw mismatch("an integer")
        }
    }

    private func outOfRange(_ value: some BinaryInteger) -> WireError {
        WireError(.valueOutOfRange, messageType: schema.name, field: field.name,
                  "\(value) does not fit \(field.kind.label)")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let encoded = try WireEncoder.value(of: value, field: field, schema: schema, inList: inList,
                                               codingPath: codingPath) {
            box.value = encoded
        }
    }
}

/// The keyed container of a nested message; writes the finished record back into the field's value.
private struct ChildMessageContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let record: RecordBox
    let box: ValueBox
    let codingPath: [any CodingKey]
    private var inner: MessageContainer<Key>

    init(record: RecordBox, box: ValueBox, codingPath: [any CodingKey]) {
        self.record = record
        self.box = box
        self.codingPath = codingPath
        self.inner = MessageContainer(box: record, codingPath: codingPath)
    }

    mutating func encodeNil(forKey key: Key) throws { try inner.encodeNil(forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try inner.encode(value, forKey: key)
        box.value = .message(record.record)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    { inner.nestedContainer(keyedBy: keyType, forKey: key) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        inner.nestedUnkeyedContainer(forKey: key)
    }
    mutating func superEncoder() -> any Encoder { inner.superEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { inner.superEncoder(forKey: key) }
}

/// Collects the elements of a repeated field.
private struct ListContainer: UnkeyedEncodingContainer {
    let field: FieldSchema
    let schema: MessageSchema
    let box: ValueBox
    let codingPath: [any CodingKey]
    var count: Int { box.list.count }

    mutating func encodeNil() throws {
        throw WireError(.typeMismatch, messageType: schema.name, field: field.name,
                        "a repeated field cannot hold nil")
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let element = try WireEncoder.value(of: value, field: field, schema: schema, inList: true,
                                            codingPath: codingPath) ?? zeroValue(of: field.kind)
        box.list.append(element)
        box.value = .list(box.list)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(FailingKeyed(error: WireError(.typeMismatch, messageType: schema.name, field: field.name, "nested containers are not supported"), codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: WireError(.typeMismatch, messageType: schema.name, field: field.name, "lists of lists are not supported"), codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder {
        FieldEncoder(field: field, schema: schema, inList: true, box: ValueBox(), codingPath: codingPath)
    }
}

/// True when `value` is what proto3 sends nothing for in `field`: a zero, an empty string, bytes or list, outside
/// a oneof (whose members are present even at zero).
func isZeroOnWire(_ value: WireValue, field: FieldSchema) -> Bool {
    guard field.oneof == nil else { return false }
    switch value {
    case .int(0), .uint(0), .bool(false), .float(0), .double(0), .string(""), .bytes([]), .list([]): return true
    default: return false
    }
}

/// The value a field has when nothing was set: proto3's zero value.
func zeroValue(of kind: FieldKind) -> WireValue {
    switch kind {
    case .int32, .sint32, .sfixed32, .int64, .sint64, .sfixed64, .enumeration: .int(0)
    case .uint32, .fixed32, .uint64, .fixed64: .uint(0)
    case .float: .float(0)
    case .double: .double(0)
    case .bool: .bool(false)
    case .string: .string("")
    case .bytes: .bytes([])
    case .message(let name): .message(WireRecord(schema: WireSchema.message(named: name) ?? MessageSchema.absent))
    }
}
