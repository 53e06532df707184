/// The errors the direct codec throws, worded as the record-based codec words them.
extension MessagePlan {
    /// The Swift side asked the field `index` for a shape or type the proto field does not have.
    func mismatch(_ index: Int, inList: Bool, swift: String) -> WireError {
        let field = schema.fields[index]
        let expected = field.isRepeated && !inList ? "repeated \(field.kind.label)" : field.kind.label
        return WireError(.typeMismatch, messageType: schema.name, field: field.name,
                         "the proto field is \(expected), the Swift type is \(swift)")
    }

    /// A number that does not fit the field (encoding) or the Swift type (decoding).
    func outOfRange(_ index: Int, _ value: some BinaryInteger, fits target: String) -> WireError {
        WireError(.valueOutOfRange, messageType: schema.name, field: schema.fields[index].name,
                  "\(value) does not fit \(target)")
    }

    /// A Codable shape no proto message can take (a message as a list, nested containers).
    func misuse(_ text: String, field index: Int? = nil) -> WireError {
        WireError(.typeMismatch, messageType: schema.name, field: index.map { schema.fields[$0].name }, text)
    }

    /// The label of field `index`'s type, for messages: `int64`, `enum clm.rpc.v1.StatusCode`.
    func label(_ index: Int) -> String { schema.fields[index].kind.label }
}

/// A coding key rebuilt from a name or list position, for `codingPath`s computed only when someone asks.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
