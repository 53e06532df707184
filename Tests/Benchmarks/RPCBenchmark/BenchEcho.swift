import Foundation
import Logging
import Models
import NIOCore
import RPC
import ServiceAPI
import ServiceLifecycle
import UnixSignals
import WireCodec

/// The method measured: the server decodes a typed message and answers with it, encoded again.
enum BenchEcho {
    static let method = RPCMethod<ListEventsResponse, ListEventsResponse>(
        service: "clm.bench.v1.Bench", name: "Echo", idempotent: true)

    /// A feed page of one event, about 200 bytes encoded: the size of a typical request of the suite.
    static let message = ListEventsResponse(
        events: [
            FeedEvent(position: 1_234_567, type: "clm.identity.v1.CustomerCreated", subject: "C0000123456",
                      payload: (0..<96).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) },
                      occurredAt: Timestamp(unixMicros: 1_760_000_000_123_456), traceID: "5f2a9c0d41e8b7a3"),
        ],
        headPosition: 1_234_600)

    static var router: RPCRouter {
        var router = RPCRouter()
        router.register(method, roles: []) { request, _ in request }
        return router
    }

    /// Where the server runs handlers, from `--handlers`.
    static func execution(_ name: String) -> RPCServer.HandlerExecution {
        switch name {
        case "event-loop": .eventLoop
        case "immediate": .immediate
        default: .concurrent
        }
    }

    /// Serves the echo method at `path` until SIGTERM or SIGINT: the `--serve` child process.
    static func serve(at path: String, handlers: String) async throws {
        var logger = Logger(label: "clm.bench.server")
        logger.logLevel = .warning
        let server = RPCServer(socketPath: path, router: router, policy: AccessPolicy(rolesByUID: [:]),
                               handlerExecution: execution(handlers), logger: logger)
        try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            .run()
    }
}

/// The echo server the benchmark calls: a child process of this executable, or a task in this process.
final class BenchServer {
    let path: String
    private let child: Process?
    private let group: ServiceGroup?
    private let task: Task<Void, any Error>?

    /// Starts the server at `path` and returns once it answers.
    /// - Throws: when the child cannot be launched or the server does not answer within 10 seconds.
    init(at path: String, inProcess: Bool, handlers: String) async throws {
        self.path = path
        if inProcess {
            var logger = Logger(label: "clm.bench.server")
            logger.logLevel = .warning
            let server = RPCServer(socketPath: path, router: BenchEcho.router, policy: AccessPolicy(rolesByUID: [:]),
                                   handlerExecution: BenchEcho.execution(handlers), logger: logger)
            let group = ServiceGroup(services: [server], logger: logger)
            self.group = group
            self.task = Task { try await group.run() }
            self.child = nil
        } else {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--serve", path, "--handlers", handlers]
            try child.run()
            self.child = child
            self.group = nil
            self.task = nil
        }
        try await waitUntilAnswering()
    }

    private func waitUntilAnswering() async throws {
        let client = RPCClient(.socket(path), maxAttempts: 1)
        var answered = false
        for _ in 0..<2_000 where !answered {
            answered = (try? await client.call(BenchEcho.method, BenchEcho.message, timeout: .seconds(1))) != nil
            if !answered { try await Task.sleep(for: .milliseconds(5)) }
        }
        await client.close()
        guard !answered else { return }
        throw UsageError(message: "the echo server at \(path) did not answer within 10 seconds")
    }

    /// Stops the server the way production does: SIGTERM to the child, or graceful shutdown of the group.
    func stop() async throws {
        if let child {
            child.terminate()
            child.waitUntilExit()
        }
        if let group, let task {
            await group.triggerGracefulShutdown()
            try await task.value
        }
    }
}
