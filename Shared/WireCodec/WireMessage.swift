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
        let plan = try plan(for: M.protoName)
        return try wire(M.self) { try DirectEncoder.encoded(message, plan: plan) }
    }

    /// Appends the encoding of `message` to `buffer`.
    public static func encode<M: WireMessage>(_ message: M, into buffer: inout ByteBuffer) throws(WireError) {
        // Straight into protobuf-c's C struct: the record form (`record(of:)`) is for tests and tools only.
        let plan = try plan(for: M.protoName)
        try wire(M.self) { try DirectEncoder.encode(message, plan: plan, into: &buffer) }
    }

    /// Decodes a `M` from the readable bytes of `buffer`.
    /// - Throws: `WireError` with code `.malformed` when the bytes are not an encoding of the message (a string
    ///   field holding a NUL or bytes that are not UTF-8 included), or another code when they are but do not fit
    ///   the Swift type.
    public static func decode<M: WireMessage>(_ type: M.Type, from buffer: ByteBuffer) throws(WireError) -> M {
        // Straight from the C struct protobuf-c unpacks into; `unpack(_:from:)` gives the record form.
        let plan = try plan(for: M.protoName)
        return try wire(M.self) {
            try buffer.withUnsafeReadableBytes { try DirectDecoder.decode(M.self, plan: plan, from: $0) }
        }
    }

    /// The schema-level form of `message`, for tests and tools: what `unpack` reads from its encoding (fields at
    /// their proto3 zero value are not stored, outside oneofs).
    public static func record<M: WireMessage>(of message: M) throws(WireError) -> WireRecord {
        // Defined by the encoding itself, so that there is one set of Swift-to-proto rules, not two.
        try unpack(M.protoName, from: encode(message))
    }

    /// Packs a record built by hand (or by `record(of:)`) with protobuf-c.
    public static func pack(_ record: WireRecord, into buffer: inout ByteBuffer) throws(WireError) {
        let entry = try entry(for: record.schema.name)
        try MessagePacker.pack(record, descriptor: entry.descriptor, into: &buffer)
    }

    /// Unpacks the readable bytes of `buffer` as the message named `protoName`, with protobuf-c.
    /// - Throws: `WireError` with code `.malformed` when they are not an encoding of it (see `decode(_:from:)`).
    public static func unpack(_ protoName: String, from buffer: ByteBuffer) throws(WireError) -> WireRecord {
        let entry = try entry(for: protoName)
        return try buffer.withUnsafeReadableBytes { raw throws(WireError) in
            try MessageUnpacker.unpack(raw, schema: entry.schema, descriptor: entry.descriptor)
        }
    }

    private static func plan(for name: String) throws(WireError) -> MessagePlan {
        guard let plan = DescriptorRegistry.shared.plan(named: name) else {
            throw WireError(.unknownMessageType, messageType: name, "no such message in the protos")
        }
        return plan
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
        try wire(T.self, body)
    }

    /// The same, naming `type` in the error when what is thrown is not a `WireError`.
    private static func wire<T>(_ type: Any.Type, _ body: () throws -> T) throws(WireError) -> T {
        do {
            return try body()
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(.typeMismatch, messageType: "\(type)", "\(error)")
        }
    }
}
