internal import CWireProtos

/// Facts about how protobuf-c lays a field out in its C struct.
enum FieldLayout {
    /// Bytes one element of a repeated field takes in its C array.
    static func elementSize(_ type: ProtobufCType) -> Int {
        switch type {
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64, PROTOBUF_C_TYPE_UINT64,
            PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_DOUBLE:
            8
        case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_MESSAGE: MemoryLayout<UnsafeRawPointer>.size
        case PROTOBUF_C_TYPE_BYTES: MemoryLayout<ProtobufCBinaryData>.size
        default: 4
        }
    }

    /// proto2-style optional scalars (and bytes) carry a `has_` flag; strings and messages use NULL instead.
    static func hasPresenceFlag(_ type: ProtobufCType) -> Bool {
        type != PROTOBUF_C_TYPE_STRING && type != PROTOBUF_C_TYPE_MESSAGE
    }
}
