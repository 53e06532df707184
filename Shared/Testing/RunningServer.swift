import Foundation
import Logging
public import RPC
import ServiceLifecycle

/// A folder for one test's sockets, removed by `remove()`.
public struct SocketFolder: Sendable {
    public let path: String

    public init() throws {
        // Short on purpose: a Unix socket path must fit in 108 bytes.
        path = "/tmp/clmt-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    /// The socket of one replica in the folder.
    public func socket(_ replica: String) -> String { "\(path)/\(replica).sock" }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// One `RPCServer` running inside a `ServiceGroup` in this process, as a service process runs it.
public final class RunningServer: Sendable {
    public let path: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(path: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.path = path
        self.group = group
        self.task = task
    }

    /// Starts a server at `path` and returns once it accepts connections.
    public static func start(at path: String, router: RPCRouter, policy: AccessPolicy,
                             limits: RPCServer.Limits = RPCServer.Limits()) async throws -> RunningServer {
        var quiet = Logger(label: "clm.test.server")
        quiet.logLevel = .critical
        let server = RPCServer(socketPath: path, router: router, policy: policy, limits: limits, logger: quiet)
        let group = ServiceGroup(services: [server], logger: quiet)
        let task = Task { try await group.run() }
        let running = RunningServer(path: path, group: group, task: task)
        for _ in 0..<500 {
            if let probe = try? await RPCConnection.connect(to: path) {
                await probe.close()
                return running
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        await running.stopQuietly()
        throw RPCError(.unavailable, "the test server at \(path) did not start listening")
    }

    /// Asks for graceful shutdown (what SIGTERM does) without waiting for it.
    public func triggerShutdown() async { await group.triggerGracefulShutdown() }

    /// Waits for `run()` to return.
    public func waitUntilStopped() async throws { try await task.value }

    /// Shuts down gracefully and waits for `run()` to return.
    public func stop() async throws {
        await triggerShutdown()
        try await waitUntilStopped()
    }

    /// `stop()` for clean-up paths, where a failure to stop must not hide the test's own failure.
    public func stopQuietly() async { try? await stop() }
}
