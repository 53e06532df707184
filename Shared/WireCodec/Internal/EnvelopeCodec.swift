internal import CWireProtos
#if canImport(Glibc)
internal import Glibc
#endif
public import NIOCore

/// Frames and envelopes, on every call's hot path: packed and unpacked through protoc-c's generated struct
/// for the two envelope messages directly, without the generic record in between.
public enum EnvelopeCodec {
    /// Bytes of the length prefix before each envelope: a big-endian UInt32.
    public static let lengthPrefixSize = 4

    /// Appends the length prefix and the encoded request envelope to `buffer`.
    public static func writeFrame(_ request: RequestEnvelope, into buffer: inout ByteBuffer) {
        var message = Clm__Rpc__V1__RequestEnvelope()
        clm__rpc__v1__request_envelope__init(&message)
        message.call_id = request.callID
        if let timeout = request.timeoutMicros {
            message.deadline_case = CLM__RPC__V1__REQUEST_ENVELOPE__DEADLINE_TIMEOUT_MICROS
            message.timeout_micros = timeout
        }
        request.method.withCString { method in
            request.traceID.withCString { trace in
                message.method = UnsafeMutablePointer(mutating: method)
                message.trace_id = UnsafeMutablePointer(mutating: trace)
                request.payload.withUnsafeReadableBytes { payload in
                    message.payload = ProtobufCBinaryData(
                        len: payload.count,
                        data: UnsafeMutablePointer(mutating: payload.baseAddress?.assumingMemoryBound(to: UInt8.self)))
                    // Packed inside the closures: the C strings and payload bytes only live this long.
                    writeFramed(into: &buffer, size: clm__rpc__v1__request_envelope__get_packed_size(&message)) {
                        clm__rpc__v1__request_envelope__pack(&message, $0)
                    }
                }
            }
        }
    }

    /// Appends the length prefix and the encoded response envelope to `buffer`.
    public static func writeFrame(_ response: ResponseEnvelope, into buffer: inout ByteBuffer) {
        var message = Clm__Rpc__V1__ResponseEnvelope()
        clm__rpc__v1__response_envelope__init(&message)
        message.call_id = response.callID
        message.status = Clm__Rpc__V1__StatusCode(rawValue: UInt32(bitPattern: response.status))
        // Violations are rare: built only when present, each from C strings that outlive the pack call.
        let violationStrings = response.violations.map { (strdup($0.field)!, strdup($0.description)!) }
        defer { for (field, description) in violationStrings { free(field); free(description) } }
        var violations = violationStrings.map { field, description in
            var violation = Clm__Rpc__V1__FieldViolation()
            clm__rpc__v1__field_violation__init(&violation)
            violation.field = field
            violation.description = description
            return violation
        }
        violations.withUnsafeMutableBufferPointer { violationBuffer in
            var pointers: [UnsafeMutablePointer<Clm__Rpc__V1__FieldViolation>?] =
                (0..<violationBuffer.count).map { violationBuffer.baseAddress! + $0 }
            pointers.withUnsafeMutableBufferPointer { pointerBuffer in
                message.n_violations = pointerBuffer.count
                message.violations = pointerBuffer.baseAddress
                response.message.withCString { text in
                    message.message = UnsafeMutablePointer(mutating: text)
                    response.payload.withUnsafeReadableBytes { payload in
                        message.payload = ProtobufCBinaryData(
                            len: payload.count,
                            data: UnsafeMutablePointer(
                                mutating: payload.baseAddress?.assumingMemoryBound(to: UInt8.self)))
                        writeFramed(into: &buffer, size: clm__rpc__v1__response_envelope__get_packed_size(&message)) {
                            clm__rpc__v1__response_envelope__pack(&message, $0)
                        }
                    }
                }
            }
        }
    }

    /// Decodes one request envelope (the bytes after the length prefix).
    /// - Throws: `WireError.malformed` when the bytes are not a request envelope, or a string in it (the method, the
    ///   trace id) holds a NUL or is not UTF-8, which protobuf-c would hand over altered.
    public static func decodeRequest(_ frame: ByteBuffer) throws(WireError) -> RequestEnvelope {
        let unpacked = try frame.withUnsafeReadableBytes {
            raw throws(WireError) -> UnsafeMutablePointer<Clm__Rpc__V1__RequestEnvelope>? in
            if let problem = StringFieldCheck.problem(in: raw, requestDescriptor.pointer) { throw problem }
            return clm__rpc__v1__request_envelope__unpack(
                nil, raw.count, raw.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
        guard let message = unpacked else {
            throw WireError(.malformed, messageType: "clm.rpc.v1.RequestEnvelope",
                            "\(frame.readableBytes) bytes are not a request envelope")
        }
        defer { clm__rpc__v1__request_envelope__free_unpacked(message, nil) }
        let envelope = message.pointee
        return RequestEnvelope(
            callID: envelope.call_id, method: string(envelope.method),
            timeoutMicros: envelope.deadline_case == CLM__RPC__V1__REQUEST_ENVELOPE__DEADLINE_TIMEOUT_MICROS
                ? envelope.timeout_micros : nil,
            traceID: string(envelope.trace_id), payload: bytes(envelope.payload))
    }

    /// Decodes one response envelope (the bytes after the length prefix).
    /// - Throws: `WireError.malformed` when the bytes are not a response envelope, or a string in it holds a NUL or
    ///   is not UTF-8.
    public static func decodeResponse(_ frame: ByteBuffer) throws(WireError) -> ResponseEnvelope {
        let unpacked = try frame.withUnsafeReadableBytes {
            raw throws(WireError) -> UnsafeMutablePointer<Clm__Rpc__V1__ResponseEnvelope>? in
            if let problem = StringFieldCheck.problem(in: raw, responseDescriptor.pointer) { throw problem }
            return clm__rpc__v1__response_envelope__unpack(
                nil, raw.count, raw.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
        guard let message = unpacked else {
            throw WireError(.malformed, messageType: "clm.rpc.v1.ResponseEnvelope",
                            "\(frame.readableBytes) bytes are not a response envelope")
        }
        defer { clm__rpc__v1__response_envelope__free_unpacked(message, nil) }
        let envelope = message.pointee
        let violations = (0..<envelope.n_violations).compactMap { index -> FieldViolation? in
            guard let violation = envelope.violations[index]?.pointee else { return nil }
            return FieldViolation(field: string(violation.field), description: string(violation.description))
        }
        return ResponseEnvelope(
            callID: envelope.call_id, status: Int32(bitPattern: envelope.status.rawValue),
            message: string(envelope.message), violations: violations, payload: bytes(envelope.payload))
    }

    /// The envelopes' descriptors, for `StringFieldCheck` (Swift cannot take the address of the C globals).
    private static let requestDescriptor = DescriptorRegistry.shared.descriptor(named: "clm.rpc.v1.RequestEnvelope")!
    private static let responseDescriptor = DescriptorRegistry.shared.descriptor(named: "clm.rpc.v1.ResponseEnvelope")!

    private static func writeFramed(
        into buffer: inout ByteBuffer, size: Int, _ pack: (UnsafeMutablePointer<UInt8>) -> Int
    ) {
        buffer.writeInteger(UInt32(size))
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { raw in
            pack(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func bytes(_ data: ProtobufCBinaryData) -> ByteBuffer {
        guard data.len > 0, let base = data.data else { return ByteBuffer() }
        return ByteBuffer(bytes: UnsafeRawBufferPointer(start: base, count: data.len))
    }
}
