public import WireCodec

/// A method of a service, typed by its request and response messages.
public struct RPCMethod<Request: WireMessage, Response: WireMessage>: Sendable, Hashable {
    /// The full name a request envelope carries: `/clm.identity.v1.Identity/Resolve`.
    public let path: String
    /// Calling it twice has the effect of calling it once, so the client may retry it on UNAVAILABLE.
    public let isIdempotent: Bool

    public init(service: String, name: String, idempotent: Bool) {
        self.path = "/\(service)/\(name)"
        self.isIdempotent = idempotent
    }
}

/// A method without its Swift types, so that methods of different types fit in one list (a service's `methods`).
public struct MethodSignature: Sendable, Hashable {
    /// `/clm.<service>.v1.<Service>/<Name>`.
    public let path: String
    /// Full proto names of the request and response messages.
    public let requestType: String
    public let responseType: String
    public let isIdempotent: Bool

    public init<Request, Response>(_ method: RPCMethod<Request, Response>) {
        self.path = method.path
        self.requestType = Request.protoName
        self.responseType = Response.protoName
        self.isIdempotent = method.isIdempotent
    }
}
