/// Containers handed out where Codable asks for a shape the proto field cannot have. `Encoder`'s container
/// methods cannot throw, so the error is thrown by the first thing written to them instead.
struct FailingKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let error: WireError
    let codingPath: [any CodingKey]
    mutating func encodeNil(forKey key: Key) throws { throw error }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw error }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    { KeyedEncodingContainer(FailingKeyed<NestedKey>(error: error, codingPath: codingPath)) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        FailingUnkeyed(error: error, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { FailingEncoder(error: error, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FailingEncoder(error: error, codingPath: codingPath) }
}

struct FailingUnkeyed: UnkeyedEncodingContainer {
    let error: WireError
    let codingPath: [any CodingKey]
    var count: Int { 0 }
    mutating func encodeNil() throws { throw error }
    mutating func encode<T: Encodable>(_ value: T) throws { throw error }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    { KeyedEncodingContainer(FailingKeyed<NestedKey>(error: error, codingPath: codingPath)) }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { FailingEncoder(error: error, codingPath: codingPath) }
}

struct FailingSingle: SingleValueEncodingContainer {
    let error: WireError
    let codingPath: [any CodingKey]
    mutating func encodeNil() throws { throw error }
    mutating func encode<T: Encodable>(_ value: T) throws { throw error }
}

struct FailingEncoder: Encoder {
    let error: WireError
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FailingKeyed<Key>(error: error, codingPath: codingPath))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { FailingUnkeyed(error: error, codingPath: codingPath) }
    func singleValueContainer() -> any SingleValueEncodingContainer {
        FailingSingle(error: error, codingPath: codingPath)
    }
}
