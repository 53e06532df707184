public import Logging
public import NIOCore
public import NIOPosix
import Synchronization
import WireCodec

/// Calls a service's methods on whichever of its replicas are listening.
///
/// It finds the replicas' sockets in the service's folder, keeps one connection to each, spreads calls over them
/// in turn, reconnects when a connection drops, and retries a call on UNAVAILABLE when doing so is safe: always when
/// the request was never sent, and for idempotent methods when it was.
public final class RPCClient: Sendable {
    /// Where the replicas are.
    public enum Target: Sendable, Hashable {
        /// Every `*.sock` in this folder is a replica.
        case folder(String)
        /// One socket.
        case socket(String)
    }

    private struct State {
        var endpoints: [String] = []
        var discoveredAt: NIODeadline = .distantPast
        var connections: [String: Task<RPCConnection, any Error>] = [:]
        var next = 0
    }

    private let target: Target
    private let group: any EventLoopGroup
    private let maxAttempts: Int
    private let state = Mutex(State())
    private let logger: Logger

    /// - Parameters:
    ///   - target: the service's socket folder, or one socket.
    ///   - maxAttempts: tries per call, the first included.
    public init(_ target: Target, maxAttempts: Int = 3,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "clm.rpc.client")) {
        self.target = target
        self.group = group
        self.maxAttempts = max(1, maxAttempts)
        self.logger = logger
    }

    /// Calls `method` with `request`.
    /// - Parameters:
    ///   - timeout: how long to wait in all, retries included; capped by the deadline of the call being served, if any.
    ///   - traceID: defaults to the trace of the call being served, else a new one.
    /// - Throws: `RPCError` with the server's status and message, or UNAVAILABLE when no replica could be reached.
    public func call<Request, Response>(
        _ method: RPCMethod<Request, Response>, _ request: Request, timeout: TimeAmount? = .seconds(30),
        traceID: String? = nil
    ) async throws(RPCError) -> Response {
        let payload: ByteBuffer
        do {
            payload = try WireCodec.encode(request)
        } catch {
            throw RPCError(.invalidArgument, "the request does not encode: \(error)")
        }
        let body = try await call(method.path, payload: payload, idempotent: method.isIdempotent, timeout: timeout,
                                  traceID: traceID)
        do {
            return try WireCodec.decode(Response.self, from: body)
        } catch {
            throw RPCError(.internalError, "the answer to \(method.path) does not decode: \(error)")
        }
    }

    /// Calls a method by its full name with an encoded payload; the retry rules are those of `call(_:_:)`.
    public func call(_ path: String, payload: ByteBuffer, idempotent: Bool, timeout: TimeAmount?, traceID: String?)
        async throws(RPCError) -> ByteBuffer
    {
        let ownDeadline = timeout.map { NIODeadline.now() + $0 }
        // The earlier of the two, without building an array on every call.
        let inherited = CallPropagation.deadline
        let deadline = ownDeadline.map { own in inherited.map { min(own, $0) } ?? own } ?? inherited
        let trace = traceID ?? CallPropagation.traceID ?? TraceID.make()
        var lastError = RPCError(.unavailable, "no attempt was made")
        for attempt in 0..<maxAttempts {
            if attempt > 0 {
                // Back off a little, doubling, with jitter so that clients do not retry in step.
                let pause = Int64(5_000_000) << Int64(attempt - 1)
                let wait = TimeAmount.nanoseconds(pause + Int64.random(in: 0...pause))
                if let deadline, .now() + wait >= deadline { break }
                try? await Task.sleep(nanoseconds: UInt64(wait.nanoseconds))
            }
            let connection: RPCConnection
            do {
                connection = try await pickConnection()
            } catch {
                lastError = error
                continue  // nothing was sent: safe to try again
            }
            do {
                return try await connection.call(path, payload: payload, deadline: deadline, traceID: trace)
            } catch {
                lastError = error
                if !connection.isActive { forget(connection.path) }
                guard error.status == .unavailable, idempotent else { throw error }
            }
        }
        throw lastError
    }

    /// Closes every connection.
    public func close() async {
        let tasks = state.withLock { state in
            defer { state.connections.removeAll() }
            return Array(state.connections.values)
        }
        for task in tasks { try? await task.value.close() }
    }

    /// The replicas found at the last look, for `clm health` and tests.
    public func replicas() -> [String] {
        rediscoverIfStale(force: true)
        return state.withLock { $0.endpoints }
    }

    // MARK: Replicas

    private func pickConnection() async throws(RPCError) -> RPCConnection {
        rediscoverIfStale(force: false)
        let picked: (String, Task<RPCConnection, any Error>)? = state.withLock { state in
            guard !state.endpoints.isEmpty else { return nil }
            let endpoint = state.endpoints[state.next % state.endpoints.count]
            state.next &+= 1
            if let existing = state.connections[endpoint] { return (endpoint, existing) }
            let group = self.group
            let task = Task { () async throws -> RPCConnection in
                try await RPCConnection.connect(to: endpoint, group: group)
            }
            state.connections[endpoint] = task
            return (endpoint, task)
        }
        guard let (endpoint, task) = picked else {
            rediscoverIfStale(force: true)
            throw RPCError(.unavailable, noReplicaMessage)
        }
        do {
            let connection = try await task.value
            if connection.isActive { return connection }
            forget(endpoint)
            throw RPCError(.unavailable, "connection to \(endpoint) closed")
        } catch let error as RPCError {
            forget(endpoint)
            rediscoverIfStale(force: true)
            throw error
        } catch {
            forget(endpoint)
            throw RPCError(.unavailable, "cannot connect to \(endpoint): \(error)")
        }
    }

    private func forget(_ endpoint: String) {
        _ = state.withLock { $0.connections.removeValue(forKey: endpoint) }
    }

    /// Looks for replicas again when asked to, or when the last look is more than two seconds old.
    private func rediscoverIfStale(force: Bool) {
        let now = NIODeadline.now()
        let stale = state.withLock { force || $0.endpoints.isEmpty || now - $0.discoveredAt > .seconds(2) }
        guard stale else { return }
        let endpoints: [String]
        switch target {
        case .socket(let path): endpoints = [path]
        case .folder(let folder): endpoints = SocketLayout.sockets(in: folder)
        }
        state.withLock { state in
            state.endpoints = endpoints
            state.discoveredAt = now
            for gone in Set(state.connections.keys).subtracting(endpoints) {
                state.connections.removeValue(forKey: gone)
            }
        }
    }

    private var noReplicaMessage: String {
        switch target {
        case .socket(let path): "nothing listens at \(path); is the service running?"
        case .folder(let folder): "no replica is listening in \(folder) (no .sock files); is the service running?"
        }
    }
}
