public import NIOCore

/// A Swift type that is the Swift side of one proto message.
///
/// Its stored properties are the message's fields, named in lowerCamelCase (or snake_case) after them. The
/// codec needs nothing else: it reads protoc-c's descriptor of `protoName` and matches fields by name.
/// - Proto3 scalars, strings and lists: non-optional Swift properties (absent on the wire means zero).
/// - Message fields: optional when absence means something, else non-optional (absent decodes as empty).
/// - Oneof members: optional; nil means the case is not set.
/// - Enums: a Swift enum whose raw value is the proto value's name (`String`) or number (`Int32`).
/// - bytes: `[UInt8]`.
public protocol WireMessage: Codable, Sendable {
    /// Full proto name, e.g. `clm.rpc.v1.HealthCheckResponse`.
    static var protoName: String { get }
}

/// Encodes and decodes `WireMessage`s with protobuf-c.
public enum WireCodec {
    /// The encoding of `message`.
    /// - Throws: `WireError` when the Swift type and the proto disagree (a property with no field, a value of the
    ///   wrong type or out of range).
    public static func encode<M: WireMessage>(_ message: M) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(message, into: &buffer)
        return buffer
    }

    /// Appends the encoding of `message` to `buffer`.
    public static func encode<M: WireMessage>(_ message: M, into buffer: inout ByteBuffer) throws(WireError) {
        let entry = try entry(for: M.protoName)
        let record = try wire { try WireEncoder.record(of: message, schema: entry.schema) }
        try MessagePacker.pack(record, descriptor: entry.descriptor, into: &buffer)
    }

    /// Decodes a `M` from the readable bytes of `buffer`.
    /// - Throws: `WireError` with code `.malformed` when the bytes are not an encoding of the message, or another
    ///   code when they are but do not fit the Swift type.
    public static func decode<M: WireMessage>(_ type: M.Type, from buffer: ByteBuffer) throws(WireError) -> M {
        let record = try unpack(M.protoName, from: buffer)
        return try wire { try WireDecoder.value(M.self, from: record) }
    }

    /// The schema-level form of `message`, for tests and tools.
    public static func record<M: WireMessage>(of message: M) throws(WireError) -> WireRecord {
        let entry = try entry(for: M.protoName)
        return try wire { try WireEncoder.record(of: message, schema: entry.schema) }
    }

    /// Packs a record built by hand (or by `record(of:)`) with protobuf-c.
    public static func pack(_ record: WireRecord, into buffer: inout ByteBuffer) throws(WireError) {
        let entry = try entry(for: record.schema.name)
        try MessagePacker.pack(record, descriptor: entry.descriptor, into: &buffer)
    }

    /// Unpacks the readable bytes of `buffer` as the message named `protoName`, with protobuf-c.
    public static func unpack(_ protoName: String, from buffer: ByteBuffer) throws(WireError) -> WireRecord {
        let entry = try entry(for: protoName)
        return try buffer.withUnsafeReadableBytes { raw throws(WireError) in
            try MessageUnpacker.unpack(raw, schema: entry.schema, descriptor: entry.descriptor)
        }
    }

    private static func entry(for name: String) throws(WireError)
        -> (schema: MessageSchema, descriptor: MessageDescriptorRef)
    {
        guard let entry = DescriptorRegistry.shared.entry(named: name) else {
            throw WireError(.unknownMessageType, messageType: name, "no such message in the protos")
        }
        return entry
    }

    /// Runs Codable work and turns what it throws into a `WireError`.
    private static func wire<T>(_ body: () throws -> T) throws(WireError) -> T {
        do {
            return try body()
        } catch let error as WireError {
            throw error
        } catch let error as DecodingError {
            throw WireError(.typeMismatch, messageType: "\(T.self)", "\(error)")
        } catch {
            throw WireError(.typeMismatch, messageType: "\(T.self)", "\(error)")
        }
    }
}
