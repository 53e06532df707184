/// What the protos say about one message type, read once from protoc-c's own descriptors.
///
/// The codec is driven by these schemas: there is no per-message C code to write.
public final class MessageSchema: Sendable, CustomStringConvertible {
    /// Full proto name, e.g. `clm.rpc.v1.RequestEnvelope`.
    public let name: String
    /// Fields in declaration order.
    public let fields: [FieldSchema]
    private let indexByName: [String: Int]
    private let indexByNumber: [Int32: Int]

    init(name: String, fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
        var byName: [String: Int] = [:]
        var byNumber: [Int32: Int] = [:]
        for (index, field) in fields.enumerated() {
            byName[field.name] = index
            byName[field.swiftName] = index
            byNumber[field.number] = index
        }
        self.indexByName = byName
        self.indexByNumber = byNumber
    }

    /// The index in `fields` of the field with this proto (snake_case) or Swift (lowerCamelCase) name.
    public func fieldIndex(named name: String) -> Int? { indexByName[name] }

    /// The index in `fields` of the field with this number.
    public func fieldIndex(number: Int32) -> Int? { indexByNumber[number] }

    public var description: String { name }
}

/// One field of a message.
public struct FieldSchema: Sendable {
    /// The proto name, snake_case.
    public let name: String
    /// The name a Swift property takes for it: lowerCamelCase of the proto name.
    public let swiftName: String
    public let number: Int32
    public let isRepeated: Bool
    /// The oneof the field belongs to, when it does; then presence is explicit.
    public let oneof: String?
    public let kind: FieldKind
}

/// The type of a field's values.
public enum FieldKind: Sendable, Equatable {
    case int32, sint32, sfixed32, int64, sint64, sfixed64
    case uint32, fixed32, uint64, fixed64
    case float, double, bool, string, bytes
    case enumeration(EnumSchema)
    /// A nested message, by full name (schemas may be recursive, so they are looked up when needed).
    case message(String)

    /// A short name for messages: `int64`, `string`, `enum clm.rpc.v1.StatusCode`, `message clm.common.v1.Money`.
    public var label: String {
        switch self {
        case .enumeration(let schema): "enum \(schema.name)"
        case .message(let name): "message \(name)"
        default: "\(self)"
        }
    }
}

/// What the protos say about one enum.
public struct EnumSchema: Sendable, Equatable {
    public let name: String
    /// Values in declaration order: proto name and number.
    public let values: [(name: String, number: Int32)]

    /// The number of the value with this proto name.
    public func number(named name: String) -> Int32? { values.first { $0.name == name }?.number }
    /// The proto name of the value with this number.
    public func name(of number: Int32) -> String? { values.first { $0.number == number }?.name }

    public static func == (a: EnumSchema, b: EnumSchema) -> Bool { a.name == b.name }
}

/// What the protos say about one service: its full name and methods.
public struct ServiceSchema: Sendable {
    /// Full proto name, e.g. `clm.identity.v1.Identity`.
    public let name: String
    public let methods: [MethodSchema]
}

/// One method of a service.
public struct MethodSchema: Sendable, Hashable {
    /// The short name, e.g. `Resolve`.
    public let name: String
    /// Full name of the request message.
    public let inputType: String
    /// Full name of the response message.
    public let outputType: String
    /// The path a request envelope names: `/clm.identity.v1.Identity/Resolve`.
    public let path: String
}

/// Every message and service in the protos this build was generated from.
public enum WireSchema {
    /// The schema of the message with this full name, or nil if the protos have none.
    public static func message(named name: String) -> MessageSchema? { DescriptorRegistry.shared.schema(named: name) }

    /// Every message, sorted by name.
    public static var messages: [MessageSchema] { DescriptorRegistry.shared.allSchemas }

    /// The service with this full name, or nil.
    public static func service(named name: String) -> ServiceSchema? {
        DescriptorRegistry.shared.services.first { $0.name == name }
    }

    /// Every service, sorted by name.
    public static var services: [ServiceSchema] { DescriptorRegistry.shared.services }
}

extension String {
    /// `customer_code` becomes `customerCode`.
    var lowerCamelFromSnake: String {
        var result = ""
        var upperNext = false
        for character in self {
            if character == "_" {
                upperNext = !result.isEmpty
            } else if upperNext {
                result += character.uppercased()
                upperNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
