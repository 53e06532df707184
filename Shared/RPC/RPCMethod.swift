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
