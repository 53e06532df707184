/// A call's outcome: gRPC's status codes, with their numbers and meanings (rpc.proto `StatusCode`).
public enum RPCStatus: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case ok = 0
    /// The caller cancelled the call.
    case cancelled = 1
    case unknown = 2
    /// The request is wrong whatever the state of the system: a field out of range, a payload that does not decode.
    case invalidArgument = 3
    /// The deadline passed before the call finished (or before it reached the server).
    case deadlineExceeded = 4
    case notFound = 5
    case alreadyExists = 6
    /// The caller's uid holds none of the roles the method needs.
    case permissionDenied = 7
    /// A limit was hit: frame size, calls in flight on one connection.
    case resourceExhausted = 8
    /// The system is not in the state the call needs (e.g. a rule set that does not validate).
    case failedPrecondition = 9
    /// A conflict with a concurrent change; retrying the whole operation may succeed.
    case aborted = 10
    case outOfRange = 11
    /// The method is not served (unknown, or declared but not yet built).
    case unimplemented = 12
    /// A bug or a broken invariant on the server; the server's log has the details under the trace id.
    case internalError = 13
    /// The service cannot answer now (starting, shutting down, its database unreachable); retry with backoff.
    case unavailable = 14
    case dataLoss = 15
    case unauthenticated = 16

    /// The name gRPC uses, e.g. `PERMISSION_DENIED`.
    public var description: String {
        switch self {
        case .ok: "OK"
        case .cancelled: "CANCELLED"
        case .unknown: "UNKNOWN"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .permissionDenied: "PERMISSION_DENIED"
        case .resourceExhausted: "RESOURCE_EXHAUSTED"
        case .failedPrecondition: "FAILED_PRECONDITION"
        case .aborted: "ABORTED"
        case .outOfRange: "OUT_OF_RANGE"
        case .unimplemented: "UNIMPLEMENTED"
        case .internalError: "INTERNAL"
        case .unavailable: "UNAVAILABLE"
        case .dataLoss: "DATA_LOSS"
        case .unauthenticated: "UNAUTHENTICATED"
        }
    }
}
