public import Models
import NIOCore
import Logging
public import WireCodec

/// What a service serves: one route per full method name, each with the roles that may call it.
///
/// Built once at start-up, then read by every connection.
public struct RPCRouter: Sendable {
    /// One method as served.
    public struct Route: Sendable {
        public let path: String
        public let requestType: String
        public let responseType: String
        /// Roles of which the caller needs one (admin always passes); empty means open to every caller.
        public let roles: Set<Role>
        public let isIdempotent: Bool
        /// False for a method declared in the protos whose capability a later release builds.
        public let isImplemented: Bool
        let respond: @Sendable (ByteBuffer, ServerContext) async -> Result<ByteBuffer, RPCError>
    }

    public private(set) var routes: [String: Route] = [:]

    public init() {}

    /// Serves `method` with `handler`, for callers holding one of `roles` (none: any caller).
    public mutating func register<Request, Response>(
        _ method: RPCMethod<Request, Response>, roles: Set<Role>,
        _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        routes[method.path] = Route(
            path: method.path, requestType: Request.protoName, responseType: Response.protoName, roles: roles,
            isIdempotent: method.isIdempotent, isImplemented: true
        ) { payload, context in
            let request: Request
            do throws(WireError) {
                request = try WireCodec.decode(Request.self, from: payload)
            } catch {
                return .failure(RPCError(.invalidArgument,
                                         "the payload is not a valid \(Request.protoName): \(error.message)",
                                         violations: error.field.map { [FieldViolation(field: $0, description: error.message)] } ?? []))
            }
            do {
                let response = try await handler(request, context)
                return .success(try WireCodec.encode(response))
            } catch {
                return .failure(Self.status(of: error, context: context))
            }
        }
    }

    /// Declares a method of the protos that this release does not build yet: it answers UNIMPLEMENTED with
    /// `reason`, and `ListMethods` shows it as not implemented.
    public mutating func declareUnimplemented(_ method: MethodSchema, roles: Set<Role>, reason: String) {
        let message = "\(method.path) is declared in the protos but not built yet: \(reason)"
        routes[method.path] = Route(
            path: method.path, requestType: method.inputType, responseType: method.outputType, roles: roles,
            isIdempotent: false, isImplemented: false
        ) { _, _ in .failure(RPCError(.unimplemented, message)) }
    }

    /// The route for a full method name.
    public func route(_ path: String) -> Route? { routes[path] }

    /// Every method served, sorted by name, as `ListMethods` answers.
    public var methods: [MethodInfo] {
        routes.values.sorted { $0.path < $1.path }.map {
            MethodInfo(name: $0.path, requestType: $0.requestType, responseType: $0.responseType,
                       roles: $0.roles.sorted().map(\.rawValue), implemented: $0.isImplemented,
                       idempotent: $0.isIdempotent)
        }
    }

    /// The status a handler's error answers with; anything not meant for the wire is logged and hidden.
    static func status(of error: any Error, context: ServerContext) -> RPCError {
        switch error {
        case let error as any RPCErrorConvertible:
            return error.rpcError
        case is CancellationError:
            return RPCError(.cancelled, "the call was cancelled")
        case let error as WireError:
            context.logger.error("response does not encode", metadata: ["error": "\(error)"])
            return RPCError(.internalError, "the response could not be encoded (trace \(context.traceID))")
        default:
            context.logger.error("handler failed", metadata: ["error": "\(error)"])
            return RPCError(.internalError, "internal error; the server log has details under trace \(context.traceID)")
        }
    }
}
