public import WireCodec

/// A call that did not end OK: its status, a message a person can act on, and the fields at fault.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: RPCStatus
    public var message: String
    public var violations: [FieldViolation]

    public init(_ status: RPCStatus, _ message: String, violations: [FieldViolation] = []) {
        self.status = status
        self.message = message
        self.violations = violations
    }

    /// INVALID_ARGUMENT naming one field.
    public static func invalidArgument(field: String, _ problem: String) -> RPCError {
        RPCError(.invalidArgument, "\(field): \(problem)", violations: [FieldViolation(field: field, description: problem)])
    }

    public var description: String {
        let fields = violations.isEmpty ? "" : " [" + violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ") + "]"
        return "\(status): \(message)\(fields)"
    }
}

/// A domain error that knows which status it answers with. The mapping to the wire happens only in RPC.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    public var rpcError: RPCError { self }
}
