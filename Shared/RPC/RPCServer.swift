public import Logging
import Models
public import NIOCore
public import NIOPosix
public import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Serves an `RPCRouter` on a Unix domain socket until graceful shutdown.
///
/// On shutdown it stops accepting (the socket file goes), lets every call in flight finish and answer, answers
/// new calls on open connections UNAVAILABLE, then closes the connections and returns.
public final class RPCServer: Service, Sendable {
    /// Limits that keep one client from taking the service down.
    public struct Limits: Sendable {
        /// Largest envelope accepted, in bytes; a longer frame gets RESOURCE_EXHAUSTED and the connection closes.
        public var maxFrameSize: Int
        /// Calls one connection may have in flight; past it a call gets RESOURCE_EXHAUSTED.
        public var maxInFlightPerConnection: Int
        /// How long shutdown waits for calls in flight before closing connections regardless.
        public var drainTimeout: TimeAmount

        public init(maxFrameSize: Int = 16 << 20, maxInFlightPerConnection: Int = 1024,
                    drainTimeout: TimeAmount = .seconds(30)) {
            self.maxFrameSize = maxFrameSize
            self.maxInFlightPerConnection = maxInFlightPerConnection
            self.drainTimeout = drainTimeout
        }
    }

    /// Where handlers run.
    public enum HandlerExecution: Sendable, Hashable {
        /// Swift's global concurrent executor: a handler that computes for long, or blocks its thread, cannot hold
        /// up the connections sharing its event loop. Each call costs two thread hops (loop → pool → loop).
        case concurrent
        /// The connection's event loop (through a task executor preference): a call needs no thread hop (on the
        /// benchmark, a fifth less latency for a quick typed call). Only for handlers that never block their thread
        /// and never compute for long between awaits, since the other connections on that loop wait meanwhile.
        case eventLoop
        /// Started on the event loop as the request is read (`Task.immediate`), continued on the global concurrent
        /// executor after the handler's first suspension: a handler that answers without suspending needs no
        /// thread hop, one that awaits (a database, another service) computes the rest off the loop. Only for
        /// handlers that do not compute for long or block before their first `await`.
        case immediate
    }

    private let socketPath: String
    private let handlerExecution: HandlerExecution
    private let router: RPCRouter
    private let policy: AccessPolicy
    private let limits: Limits
    private let group: any EventLoopGroup
    private let logger: Logger
    private let connections = Mutex<[ObjectIdentifier: (any Channel, NIOLoopBound<ServerConnectionHandler>?)]>([:])

    /// - Parameters:
    ///   - socketPath: where to listen; a stale socket file there is replaced.
    ///   - router: the methods served.
    ///   - policy: the roles of each caller uid.
    ///   - handlerExecution: where handlers run; the global concurrent executor unless they are known not to block.
    public init(socketPath: String, router: RPCRouter, policy: AccessPolicy, limits: Limits = Limits(),
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                handlerExecution: HandlerExecution = .concurrent, logger: Logger) {
        self.socketPath = socketPath
        self.handlerExecution = handlerExecution
        self.router = router
        self.policy = policy
        self.limits = limits
        self.group = group
        self.logger = logger
    }

    /// Listens until graceful shutdown, then drains.
    /// - Throws: when the socket cannot be bound (folder missing, permission denied).
    public func run() async throws {
        let replica = String(socketPath.split(separator: "/").last ?? "").replacingSuffix(".sock")
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .childChannelInitializer { [self] channel in self.initialize(channel, replica: replica) }
            .bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: true).get()
        // Owner and group may connect; others may not (the folder's group is how services reach each other).
        chmod(socketPath, 0o660)
        logger.info("listening", metadata: ["socket": "\(socketPath)", "methods": "\(router.routes.count)"])

        try await withGracefulShutdownHandler {
            // Cancellation (the group stopping because another service failed) must end run() too, not only
            // graceful shutdown: waiting on the close future alone would never notice it.
            try await withTaskCancellationHandler {
                try await channel.closeFuture.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
        unlink(socketPath)
        // Cancelled: close the connections at once; the calls in flight are cancelled with them.
        await drain(within: Task.isCancelled ? .zero : limits.drainTimeout)
    }

    private func initialize(_ channel: any Channel, replica: String) -> EventLoopFuture<Void> {
        let credentials: EventLoopFuture<PeerCredentials>
        if let provider = channel as? any SocketOptionProvider {
            credentials = provider.unsafeGetSocketOption(level: .init(SOL_SOCKET), name: .init(PeerCredentials.option))
        } else {
            credentials = channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        precondition(PeerCredentials.layoutMatchesKernel, "PeerCredentials must mirror struct ucred")
        return credentials.flatMapThrowing { [self] (peer: PeerCredentials) in
            let caller = Caller(uid: peer.uid, gid: peer.gid, pid: peer.pid, roles: policy.roles(of: peer.uid))
            let executor = handlerExecution == .eventLoop ? EventLoopTaskExecutor(loop: channel.eventLoop) : nil
            let handler = ServerConnectionHandler(router: router, caller: caller, limits: limits, replica: replica,
                                                  logger: logger, execution: handlerExecution, executor: executor)
            try channel.pipeline.syncOperations.addHandler(
                ByteToMessageHandler(FrameDecoder(maxFrameSize: limits.maxFrameSize)))
            try channel.pipeline.syncOperations.addHandler(handler)
            let key = ObjectIdentifier(channel)
            let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
            connections.withLock { $0[key] = (channel, bound) }
            channel.closeFuture.whenComplete { [self] _ in _ = connections.withLock { $0.removeValue(forKey: key) } }
        }
    }

    /// Tells every connection to finish its calls and close, and waits for them (at most `timeout`).
    private func drain(within timeout: TimeAmount) async {
        let open = connections.withLock { Array($0.values) }
        guard !open.isEmpty else { return }
        logger.info("draining", metadata: ["connections": "\(open.count)"])
        for (channel, handler) in open {
            channel.eventLoop.execute { handler?.value.beginDraining() }
        }
        let deadline = NIODeadline.now() + timeout
        for (channel, _) in open {
            let remaining = deadline - .now()
            let closed = channel.eventLoop.scheduleTask(in: max(remaining, .zero)) { channel.close(promise: nil) }
            try? await channel.closeFuture.get()
            closed.cancel()
        }
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
