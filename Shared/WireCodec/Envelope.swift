public import NIOCore

/// The head and payload of one request frame (rpc.proto `RequestEnvelope`).
public struct RequestEnvelope: Sendable, Equatable {
    public var callID: UInt64
    /// Full method name, `/package.Service/Method`.
    public var method: String
    /// Time the caller still allows, in microseconds; nil for no deadline; zero or less is already expired.
    public var timeoutMicros: Int64?
    public var traceID: String
    public var payload: ByteBuffer

    public init(callID: UInt64, method: String, timeoutMicros: Int64?, traceID: String, payload: ByteBuffer) {
        self.callID = callID
        self.method = method
        self.timeoutMicros = timeoutMicros
        self.traceID = traceID
        self.payload = payload
    }
}

/// One problem with one field of a request.
public struct FieldViolation: Sendable, Hashable, Codable {
    public var field: String
    public var description: String
    public init(field: String, description: String) {
        self.field = field
        self.description = description
    }
}

/// The head and payload of one response frame (rpc.proto `ResponseEnvelope`).
public struct ResponseEnvelope: Sendable, Equatable {
    public var callID: UInt64
    /// The gRPC status code number (rpc.proto `StatusCode`).
    public var status: Int32
    public var message: String
    public var violations: [FieldViolation]
    public var payload: ByteBuffer

    public init(callID: UInt64, status: Int32, message: String = "", violations: [FieldViolation] = [],
                payload: ByteBuffer = ByteBuffer()) {
        self.callID = callID
        self.status = status
        self.message = message
        self.violations = violations
        self.payload = payload
    }
}
