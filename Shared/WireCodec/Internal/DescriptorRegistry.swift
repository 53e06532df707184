internal import CWireProtos

/// A pointer to one of protoc-c's message descriptors.
///
/// `@unchecked Sendable`: descriptors are `static const` data in the generated C code, never written.
struct MessageDescriptorRef: @unchecked Sendable {
    let pointer: UnsafePointer<ProtobufCMessageDescriptor>
}

/// The schemas of every message and service, read once from the descriptors protoc-c generated.
final class DescriptorRegistry: Sendable {
    static let shared = DescriptorRegistry()

    private let byName: [String: (schema: MessageSchema, descriptor: MessageDescriptorRef)]
    /// The direct codec's plans, one per message; nested fields name their child by index in this array.
    let plans: [MessagePlan]
    private let planByName: [String: MessagePlan]
    let allSchemas: [MessageSchema]
    let services: [ServiceSchema]

    private init() {
        var byName: [String: (schema: MessageSchema, descriptor: MessageDescriptorRef)] = [:]
        var descriptors: [UnsafePointer<ProtobufCMessageDescriptor>] = []
        var schemas: [MessageSchema] = []
        for index in 0..<CWireProtos_messageCount() {
            guard let descriptor = CWireProtos_message(index) else { continue }
            let schema = Self.schema(of: descriptor)
            byName[schema.name] = (schema, MessageDescriptorRef(pointer: descriptor))
            descriptors.append(descriptor)
            schemas.append(schema)
        }
        self.byName = byName
        self.plans = MessagePlan.plans(for: descriptors, schemas: schemas)
        self.planByName = Dictionary(plans.map { ($0.schema.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.allSchemas = byName.values.map(\.schema).sorted { $0.name < $1.name }
        self.services = (0..<CWireProtos_serviceCount()).compactMap { index in
            CWireProtos_service(index).map(Self.service(of:))
        }.sorted { $0.name < $1.name }
    }

    func schema(named name: String) -> MessageSchema? { byName[name]?.schema }

    func descriptor(named name: String) -> MessageDescriptorRef? { byName[name]?.descriptor }

    /// The direct codec's plan for the message with this full name.
    func plan(named name: String) -> MessagePlan? { planByName[name] }

    /// Both at once, for the record-based codec.
    func entry(named name: String) -> (schema: MessageSchema, descriptor: MessageDescriptorRef)? { byName[name] }

    private static func schema(of descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> MessageSchema {
        let message = descriptor.pointee
        var oneofByCaseOffset: [UInt32: String] = [:]
        let fields = (0..<Int(message.n_fields)).map { index -> FieldSchema in
            let field = message.fields[index]
            let name = String(cString: field.name)
            var oneof: String?
            if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                // protoc-c does not name the oneof; fields sharing a case slot belong to the same one.
                oneof = oneofByCaseOffset[field.quantifier_offset] ?? name
                oneofByCaseOffset[field.quantifier_offset] = oneof
            }
            return FieldSchema(
                name: name, swiftName: name.lowerCamelFromSnake, number: Int32(bitPattern: field.id),
                isRepeated: field.label == PROTOBUF_C_LABEL_REPEATED, oneof: oneof, kind: kind(of: field))
        }
        return MessageSchema(name: String(cString: message.name), fields: fields)
    }

    private static func kind(of field: ProtobufCFieldDescriptor) -> FieldKind {
        switch field.type {
        case PROTOBUF_C_TYPE_INT32: .int32
        case PROTOBUF_C_TYPE_SINT32: .sint32
        case PROTOBUF_C_TYPE_SFIXED32: .sfixed32
        case PROTOBUF_C_TYPE_INT64: .int64
        case PROTOBUF_C_TYPE_SINT64: .sint64
        case PROTOBUF_C_TYPE_SFIXED64: .sfixed64
        case PROTOBUF_C_TYPE_UINT32: .uint32
        case PROTOBUF_C_TYPE_FIXED32: .fixed32
        case PROTOBUF_C_TYPE_UINT64: .uint64
        case PROTOBUF_C_TYPE_FIXED64: .fixed64
        case PROTOBUF_C_TYPE_FLOAT: .float
        case PROTOBUF_C_TYPE_DOUBLE: .double
        case PROTOBUF_C_TYPE_BOOL: .bool
        case PROTOBUF_C_TYPE_STRING: .string
        case PROTOBUF_C_TYPE_BYTES: .bytes
        case PROTOBUF_C_TYPE_ENUM:
            .enumeration(enumSchema(of: field.descriptor.assumingMemoryBound(to: ProtobufCEnumDescriptor.self)))
        case PROTOBUF_C_TYPE_MESSAGE:
            .message(String(cString: field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                .pointee.name))
        default:
            preconditionFailure("protoc-c field type \(field.type.rawValue) is not one protobuf-c 1.4 defines")
        }
    }

    private static func enumSchema(of descriptor: UnsafePointer<ProtobufCEnumDescriptor>) -> EnumSchema {
        let value = descriptor.pointee
        let values = (0..<Int(value.n_values)).map { index in
            (name: String(cString: value.values[index].name), number: value.values[index].value)
        }
        return EnumSchema(name: String(cString: value.name), values: values)
    }

    private static func service(of descriptor: UnsafePointer<ProtobufCServiceDescriptor>) -> ServiceSchema {
        let service = descriptor.pointee
        let name = String(cString: service.name)
        let methods = (0..<Int(service.n_methods)).map { index in
            let method = service.methods[index]
            let short = String(cString: method.name)
            return MethodSchema(
                name: short, inputType: String(cString: method.input.pointee.name),
                outputType: String(cString: method.output.pointee.name), path: "/\(name)/\(short)")
        }
        return ServiceSchema(name: name, methods: methods)
    }
}
