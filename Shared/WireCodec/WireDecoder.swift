/// Builds a `Decodable` Swift value from a `WireRecord`. A field absent on the wire decodes as its proto3 zero
/// value into a non-optional property, and as nil into an optional one.
struct WireDecoder {
    static func value<T: Decodable>(_ type: T.Type, from record: WireRecord) throws -> T {
        try T(from: MessageDecoder(record: record, codingPath: []))
    }

    /// Decodes the value of `field` (present or zero) into `T`.
    static func value<T: Decodable>(_ type: T.Type, field: FieldSchema, schema: MessageSchema, value: WireValue,
                                    codingPath: [any CodingKey]) throws -> T {
        if T.self == [UInt8].self, case .bytes(let bytes) = value {
            return bytes as! T  // checked just above: T is [UInt8]
        }
        return try T(from: FieldDecoder(field: field, schema: schema, value: value, codingPath: codingPath))
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
}

private struct MessageDecoder: Decoder {
    let record: WireRecord
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(MessageDecodingContainer<Key>(record: record, codingPath: codingPath))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw WireError(.typeMismatch, messageType: record.schema.name, "a message decodes as keyed fields, not a list")
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw WireError(.typeMismatch, messageType: record.schema.name, "a message decodes as keyed fields, not one value")
    }
}

private struct MessageDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let record: WireRecord
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        record.values.keys.compactMap { Key(stringValue: record.schema.fields[$0].swiftName) }
    }

    private func field(_ key: Key) throws -> (Int, FieldSchema) {
        guard let index = record.schema.fieldIndex(named: key.stringValue) else {
            throw WireError(.unknownField, messageType: record.schema.name, field: key.stringValue,
                            "the Swift property has no field of that name in the proto")
        }
        return (index, record.schema.fields[index])
    }

    func contains(_ key: Key) -> Bool {
        guard let index = record.schema.fieldIndex(named: key.stringValue) else { return false }
        return record.values[index] != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let (index, _) = try field(key)
        return record.values[index] == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (index, field) = try field(key)
        let value = record.values[index] ?? (field.isRepeated ? .list([]) : zeroValue(of: field.kind))
        return try WireDecoder.value(type, field: field, schema: record.schema, value: value,
                                     codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw WireError(.typeMismatch, messageType: record.schema.name, field: key.stringValue,
                        "nested containers are not supported")
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw WireError(.typeMismatch, messageType: record.schema.name, field: key.stringValue,
                        "nested containers are not supported")
    }
    func superDecoder() throws -> any Decoder { MessageDecoder(record: record, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { MessageDecoder(record: record, codingPath: codingPath) }
}

/// Decodes the value of one field: a scalar, a nested message, or a list.
private struct FieldDecoder: Decoder, SingleValueDecodingContainer {
    let field: FieldSchema
    let schema: MessageSchema
    let value: WireValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .message(let record) = value else { throw mismatch("a message") }
        return KeyedDecodingContainer(MessageDecodingContainer<Key>(record: record, codingPath: codingPath))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .list(let items) = value else { throw mismatch("a list") }
        return ListDecodingContainer(field: field, schema: schema, items: items, codingPath: codingPath)
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    private func mismatch(_ wanted: String) -> WireError {
        WireError(.typeMismatch, messageType: schema.name, field: field.name,
                  "the proto field is \(field.isRepeated ? "repeated " : "")\(field.kind.label), the Swift type wants \(wanted)")
    }

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let v) = value else { throw mismatch("Bool") }
        return v
    }
    func decode(_ type: String.Type) throws -> String {
        switch (value, field.kind) {
        case (.string(let v), _): return v
        case (.int(let number), .enumeration(let schema)):
            guard let name = Int32(exactly: number).flatMap(schema.name(of:)) else {
                throw WireError(.unknownEnumValue, messageType: self.schema.name, field: field.name,
                                "\(schema.name) has no value numbered \(number)")
            }
            return name
        default: throw mismatch("String")
        }
    }
    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .double(let v): return v
        case .float(let v): return Double(v)
        default: throw mismatch("Double")
        }
    }
    func decode(_ type: Float.Type) throws -> Float {
        switch value {
        case .float(let v): return v
        case .double(let v): return Float(v)
        default: throw mismatch("Float")
        }
    }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private func integer<T: FixedWidthInteger>() throws -> T {
        let result: T?
        switch value {
        case .int(let v): result = T(exactly: v)
        case .uint(let v): result = T(exactly: v)
        default: throw mismatch("\(T.self)")
        }
        guard let result else {
            throw WireError(.valueOutOfRange, messageType: schema.name, field: field.name,
                            "\(value) does not fit \(T.self)")
        }
        return result
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try WireDecoder.value(type, field: field, schema: schema, value: value, codingPath: codingPath)
    }
}

private struct ListDecodingContainer: UnkeyedDecodingContainer {
    let field: FieldSchema
    let schema: MessageSchema
    let items: [WireValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(field: FieldSchema, schema: MessageSchema, items: [WireValue], codingPath: [any CodingKey]) {
        self.field = field
        self.schema = schema
        self.items = items
        self.codingPath = codingPath
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            throw WireError(.malformed, messageType: schema.name, field: field.name, "read past the end of the list")
        }
        defer { currentIndex += 1 }
        return try WireDecoder.value(type, field: field, schema: schema, value: items[currentIndex],
                                     codingPath: codingPath + [AnyKey(intValue: currentIndex)])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw WireError(.typeMismatch, messageType: schema.name, field: field.name, "nested containers are not supported")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw WireError(.typeMismatch, messageType: schema.name, field: field.name, "lists of lists are not supported")
    }
    mutating func superDecoder() throws -> any Decoder {
        throw WireError(.typeMismatch, messageType: schema.name, field: field.name, "super decoders are not supported")
    }
}
