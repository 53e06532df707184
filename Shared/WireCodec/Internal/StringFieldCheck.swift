internal import CWireProtos

/// Finds string fields that protobuf-c would hand over altered: proto3 strings must be UTF-8, and protobuf-c
/// returns them NUL-terminated, so one holding a NUL would be silently cut short ("C001\0X" read as "C001").
///
/// protobuf-c keeps no string lengths, so the check reads the wire bytes before unpacking: one pass over the
/// fields (`ProtobufFields`), descending into nested messages, looking only at length-delimited fields that are
/// strings. Bytes that are not valid protobuf are left for `protobuf_c_message_unpack` to refuse.
enum StringFieldCheck {
    /// Nested messages deeper than this are not followed (protobuf-c refuses far shallower recursion anyway).
    private static let maximumDepth = 64

    /// The error for the first string field of `bytes` (a `descriptor` message) that is not clean UTF-8, if any.
    static func problem(in bytes: UnsafeRawBufferPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>)
        -> WireError?
    {
        do {
            try check(bytes, bytes.indices, descriptor, depth: 0)
            return nil
        } catch {
            return error
        }
    }

    /// Throws the error for the first string field of `bytes[range]` that is not clean UTF-8. Bytes that are not
    /// valid protobuf end the check there.
    private static func check(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                              _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int) throws(WireError)
    {
        try ProtobufFields.scan(bytes, in: range) { (number, value) throws(WireError) in
            guard case .bytes(let span) = value,
                let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(number))
            else { return }
            if field.pointee.type == PROTOBUF_C_TYPE_STRING {
                if let reason = utf8Problem(UnsafeRawBufferPointer(rebasing: bytes[span])) {
                    throw WireError(.malformed, messageType: String(cString: descriptor.pointee.name),
                                    field: String(cString: field.pointee.name), reason)
                }
            } else if field.pointee.type == PROTOBUF_C_TYPE_MESSAGE, depth < maximumDepth {
                let child = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                try check(bytes, span, child, depth: depth + 1)
            }
        }
    }

    /// Why `bytes` are not a proto3 string protobuf-c can carry intact, or nil when they are.
    static func utf8Problem(_ bytes: UnsafeRawBufferPointer) -> String? {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead >= 0x01 && lead < 0x80 {
                index += 1
                continue
            }
            if lead == 0 { return "a string holds a NUL character, which protobuf-c would cut it short at" }
            let width: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; upper = 0x9F
            case 0xF0: width = 4; lower = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; upper = 0x8F
            default: return "a string is not valid UTF-8"
            }
            guard count - index >= width else { return "a string is not valid UTF-8" }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return "a string is not valid UTF-8" }
            for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 {
                return "a string is not valid UTF-8"
            }
            index += width
        }
        return nil
    }
}
