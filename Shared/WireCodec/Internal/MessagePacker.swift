internal import CWireProtos
internal import NIOCore

/// Packs a `WireRecord` with protobuf-c: builds the C message from the descriptor's field offsets, then
/// calls `protobuf_c_message_pack`.
enum MessagePacker {
    /// Appends the encoding of `record` to `buffer`.
    static func pack(_ record: WireRecord, descriptor: MessageDescriptorRef, into buffer: inout ByteBuffer)
        throws(WireError)
    {
        var output = buffer
        do {
            try BumpArena.withArena { arena in
                let message = try build(record, descriptor.pointer, arena: arena, path: record.schema.name)
                let size = protobuf_c_message_get_packed_size(message)
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
                    protobuf_c_message_pack(message, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        } catch let error as WireError {
            throw error
        } catch {
            preconditionFailure("the packer throws only WireError, not \(error)")
        }
        buffer = output
    }

    private static func build(
        _ record: WireRecord, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, arena: UnsafeMutablePointer<BumpArena>,
        path: String
    ) throws(WireError) -> UnsafeMutablePointer<ProtobufCMessage> {
        let memory = arena.pointee.allocateZeroed(descriptor.pointee.sizeof_message)
        let message = memory.assumingMemoryBound(to: ProtobufCMessage.self)
        descriptor.pointee.message_init?(message)
        for (index, value) in record.values {
            let field = descriptor.pointee.fields[index]
            let schema = record.schema.fields[index]
            let place = "\(path).\(schema.name)"
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                guard case .list(let items) = value else {
                    throw WireError(.typeMismatch, messageType: record.schema.name, field: schema.name,
                                    "a repeated field needs a list of values")
                }
                let size = FieldLayout.elementSize(field.type)
                let array = arena.pointee.allocateZeroed(size * items.count)
                for (offset, item) in items.enumerated() {
                    try store(item, at: array + offset * size, field: field, schema: schema, arena: arena, path: place)
                }
                (memory + Int(field.quantifier_offset)).storeBytes(of: items.count, as: Int.self)
                (memory + Int(field.offset)).storeBytes(of: array, as: UnsafeMutableRawPointer.self)
            } else {
                try store(value, at: memory + Int(field.offset), field: field, schema: schema, arena: arena, path: place)
                if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0 {
                    // The oneof's case slot holds the number of the field that is set.
                    (memory + Int(field.quantifier_offset)).storeBytes(of: field.id, as: UInt32.self)
                } else if field.label == PROTOBUF_C_LABEL_OPTIONAL, FieldLayout.hasPresenceFlag(field.type) {
                    (memory + Int(field.quantifier_offset)).storeBytes(of: 1, as: protobuf_c_boolean.self)
                }
            }
        }
        return message
    }

    private static func store(
        _ value: WireValue, at slot: UnsafeMutableRawPointer, field: ProtobufCFieldDescriptor, schema: FieldSchema,
        arena: UnsafeMutablePointer<BumpArena>, path: String
    ) throws(WireError) {
        func mismatch() -> WireError {
            WireError(.typeMismatch, messageType: path, "\(schema.kind.label) field cannot hold \(value)")
        }
        func outOfRange(_ number: some BinaryInteger) -> WireError {
            WireError(.valueOutOfRange, messageType: path, "\(number) does not fit \(schema.kind.label)")
        }
        switch (field.type, value) {
        case (PROTOBUF_C_TYPE_INT32, .int(let v)), (PROTOBUF_C_TYPE_SINT32, .int(let v)),
            (PROTOBUF_C_TYPE_SFIXED32, .int(let v)), (PROTOBUF_C_TYPE_ENUM, .int(let v)):
            guard let narrow = Int32(exactly: v) else { throw outOfRange(v) }
            slot.storeBytes(of: narrow, as: Int32.self)
        case (PROTOBUF_C_TYPE_INT64, .int(let v)), (PROTOBUF_C_TYPE_SINT64, .int(let v)),
            (PROTOBUF_C_TYPE_SFIXED64, .int(let v)):
            slot.storeBytes(of: v, as: Int64.self)
        case (PROTOBUF_C_TYPE_UINT32, .uint(let v)), (PROTOBUF_C_TYPE_FIXED32, .uint(let v)):
            guard let narrow = UInt32(exactly: v) else { throw outOfRange(v) }
            slot.storeBytes(of: narrow, as: UInt32.self)
        case (PROTOBUF_C_TYPE_UINT64, .uint(let v)), (PROTOBUF_C_TYPE_FIXED64, .uint(let v)):
            slot.storeBytes(of: v, as: UInt64.self)
        case (PROTOBUF_C_TYPE_FLOAT, .float(let v)):
            slot.storeBytes(of: v, as: Float.self)
        case (PROTOBUF_C_TYPE_DOUBLE, .double(let v)):
            slot.storeBytes(of: v, as: Double.self)
        case (PROTOBUF_C_TYPE_BOOL, .bool(let v)):
            slot.storeBytes(of: v ? 1 : 0, as: protobuf_c_boolean.self)
        case (PROTOBUF_C_TYPE_STRING, .string(let v)):
            // protobuf-c measures strings with strlen: a NUL inside would silently cut the value short.
            guard !v.utf8.contains(0) else {
                throw WireError(.valueOutOfRange, messageType: path, "a string field cannot hold a NUL character")
            }
            var text = v
            let chars = text.withUTF8 { arena.pointee.cString($0) }
            slot.storeBytes(of: chars!, as: UnsafeMutablePointer<CChar>.self)  // NUL refused just above
        case (PROTOBUF_C_TYPE_BYTES, .bytes(let v)):
            let data = arena.pointee.allocate(v.count)
            v.withUnsafeBytes { raw in
                if let base = raw.baseAddress { data.copyMemory(from: base, byteCount: raw.count) }
            }
            slot.storeBytes(
                of: ProtobufCBinaryData(len: v.count, data: data.assumingMemoryBound(to: UInt8.self)),
                as: ProtobufCBinaryData.self)
        case (PROTOBUF_C_TYPE_MESSAGE, .message(let record)):
            let child = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            guard String(cString: child.pointee.name) == record.schema.name else { throw mismatch() }
            slot.storeBytes(of: try build(record, child, arena: arena, path: path), as: UnsafeMutableRawPointer.self)
        default:
            throw mismatch()
        }
    }


}
