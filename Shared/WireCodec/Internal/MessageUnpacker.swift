internal import CWireProtos

/// Unpacks bytes with `protobuf_c_message_unpack`, then reads the C message into a `WireRecord` through the
/// descriptor's field offsets.
enum MessageUnpacker {
    static func unpack(
        _ bytes: UnsafeRawBufferPointer, schema: MessageSchema, descriptor: MessageDescriptorRef
    ) throws(WireError) -> WireRecord {
        if let problem = StringFieldCheck.problem(in: bytes, descriptor.pointer) { throw problem }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let message = protobuf_c_message_unpack(descriptor.pointer, nil, bytes.count, base) else {
            throw WireError(.malformed, messageType: schema.name,
                            "\(bytes.count) bytes are not a valid encoding of this message")
        }
        defer { protobuf_c_message_free_unpacked(message, nil) }
        return record(of: UnsafeRawPointer(message), descriptor.pointer, schema: schema)
    }

    private static func record(
        of memory: UnsafeRawPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, schema: MessageSchema
    ) -> WireRecord {
        var values: [Int: WireValue] = [:]
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[index]
            let slot = memory + Int(field.offset)
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                let count = memory.load(fromByteOffset: Int(field.quantifier_offset), as: Int.self)
                guard count > 0, let array = slot.load(as: UnsafeRawPointer?.self) else { continue }
                let size = FieldLayout.elementSize(field.type)
                values[index] = .list((0..<count).map { value(at: array + $0 * size, field: field) })
            } else if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                let setCase = memory.load(fromByteOffset: Int(field.quantifier_offset), as: UInt32.self)
                if setCase == field.id { values[index] = value(at: slot, field: field) }
            } else if field.label == PROTOBUF_C_LABEL_OPTIONAL, FieldLayout.hasPresenceFlag(field.type) {
                let has = memory.load(fromByteOffset: Int(field.quantifier_offset), as: protobuf_c_boolean.self)
                if has != 0 { values[index] = value(at: slot, field: field) }
            } else if let present = presentValue(at: slot, field: field) {
                values[index] = present
            }
        }
        return WireRecord(schema: schema, values: values)
    }

    /// The value of a proto3 field with implicit presence, or nil when it is at its zero value (absent).
    private static func presentValue(at slot: UnsafeRawPointer, field: ProtobufCFieldDescriptor) -> WireValue? {
        let value = value(at: slot, field: field)
        switch value {
        case .int(0), .uint(0), .bool(false), .float(0), .double(0), .string(""), .bytes([]): return nil
        case .message(let record) where record.schema.name.isEmpty: return nil
        default: return value
        }
    }

    private static func value(at slot: UnsafeRawPointer, field: ProtobufCFieldDescriptor) -> WireValue {
        switch field.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32, PROTOBUF_C_TYPE_ENUM:
            return .int(Int64(slot.load(as: Int32.self)))
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            return .int(slot.load(as: Int64.self))
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            return .uint(UInt64(slot.load(as: UInt32.self)))
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            return .uint(slot.load(as: UInt64.self))
        case PROTOBUF_C_TYPE_FLOAT:
            return .float(slot.load(as: Float.self))
        case PROTOBUF_C_TYPE_DOUBLE:
            return .double(slot.load(as: Double.self))
        case PROTOBUF_C_TYPE_BOOL:
            return .bool(slot.load(as: protobuf_c_boolean.self) != 0)
        case PROTOBUF_C_TYPE_STRING:
            guard let chars = slot.load(as: UnsafePointer<CChar>?.self) else { return .string("") }
            return .string(String(cString: chars))
        case PROTOBUF_C_TYPE_BYTES:
            let data = slot.load(as: ProtobufCBinaryData.self)
            guard data.len > 0, let base = data.data else { return .bytes([]) }
            return .bytes(Array(UnsafeBufferPointer(start: base, count: data.len)))
        case PROTOBUF_C_TYPE_MESSAGE:
            let child = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            guard let memory = slot.load(as: UnsafeRawPointer?.self),
                let schema = DescriptorRegistry.shared.schema(named: String(cString: child.pointee.name))
            else {
                return .message(WireRecord(schema: MessageSchema.absent))
            }
            return .message(record(of: memory, child, schema: schema))
        default:
            preconditionFailure("protoc-c field type \(field.type.rawValue) is not one protobuf-c 1.4 defines")
        }
    }

}

extension MessageSchema {
    /// Stands for a message field whose pointer is NULL, so that it reads as absent.
    static let absent = MessageSchema(name: "", fields: [])
}
