/// One field's value in a message held by schema rather than by Swift type: the codec's middle ground
/// between Swift values (through Codable) and protobuf-c's C structs (through the descriptors).
public indirect enum WireValue: Sendable, Hashable {
    /// int32, sint32, sfixed32, int64, sint64, sfixed64, and enum numbers.
    case int(Int64)
    /// uint32, fixed32, uint64, fixed64.
    case uint(UInt64)
    case float(Float)
    case double(Double)
    case bool(Bool)
    case string(String)
    case bytes([UInt8])
    case message(WireRecord)
    /// The values of a repeated field, in order.
    case list([WireValue])
}

/// A message as field values keyed by the field's index in its schema. Absent fields are not stored:
/// in proto3 a field at its zero value and an absent field are the same thing on the wire.
public struct WireRecord: Sendable, Hashable {
    public let schema: MessageSchema
    public var values: [Int: WireValue]

    public init(schema: MessageSchema, values: [Int: WireValue] = [:]) {
        self.schema = schema
        self.values = values
    }

    /// The value of the field with this proto or Swift name, if present.
    public subscript(name: String) -> WireValue? {
        get { schema.fieldIndex(named: name).flatMap { values[$0] } }
        set {
            guard let index = schema.fieldIndex(named: name) else { return }
            values[index] = newValue
        }
    }

    public static func == (a: WireRecord, b: WireRecord) -> Bool {
        a.schema === b.schema && a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(schema.name)
        hasher.combine(values)
    }
}
