import Foundation
import Logging
import Models
import NIOCore
import RPC
import ServiceLifecycle
import Synchronization
import WireCodec

/// A folder for one test's sockets, removed by `remove()`.
struct SocketFolder: Sendable {
    let path: String

    init() throws {
        // Short on purpose: a Unix socket path must fit in 108 bytes.
        path = "/tmp/rpct-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    func socket(_ replica: String) -> String { "\(path)/\(replica).sock" }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// One `RPCServer` running inside a `ServiceGroup`, as a service process runs it.
final class RunningServer: Sendable {
    let path: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(path: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.path = path
        self.group = group
        self.task = task
    }

    /// Starts a server at `path` and returns once it accepts connections.
    static func start(at path: String, router: RPCRouter, policy: AccessPolicy = .rootIsOperator,
                      limits: RPCServer.Limits = RPCServer.Limits()) async throws -> RunningServer {
        let server = RPCServer(socketPath: path, router: router, policy: policy, limits: limits, logger: .quiet)
        let group = ServiceGroup(services: [server], logger: .quiet)
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
    func triggerShutdown() async { await group.triggerGracefulShutdown() }

    /// Waits for `run()` to return.
    func waitUntilStopped() async throws { try await task.value }

    /// Shuts down gracefully and waits for `run()` to return.
    func stop() async throws {
        await triggerShutdown()
        try await waitUntilStopped()
    }

    /// `stop()` for clean-up paths, where a failure to stop must not hide the test's own failure.
    func stopQuietly() async { try? await stop() }
}

/// Runs `body` against a server at `folder/replica.sock` serving `router`, then stops the server and removes the
/// folder, whether or not `body` throws.
func withServer<T>(_ router: RPCRouter, policy: AccessPolicy = .rootIsOperator,
                   limits: RPCServer.Limits = RPCServer.Limits(),
                   _ body: (RunningServer) async throws -> T) async throws -> T {
    let folder = try SocketFolder()
    defer { folder.remove() }
    let server = try await RunningServer.start(at: folder.socket("r1"), router: router, policy: policy,
                                               limits: limits)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        await server.stopQuietly()
        throw error
    }
}

/// Runs `body` with a connection to `server`, closed afterwards.
func withConnection<T>(to server: RunningServer, _ body: (RPCConnection) async throws -> T) async throws -> T {
    let connection = try await RPCConnection.connect(to: server.path)
    do {
        let result = try await body(connection)
        await connection.close()
        return result
    } catch {
        await connection.close()
        throw error
    }
}

extension AccessPolicy {
    /// The tests run as root: uid 0 holds `operator`, which the guarded test method needs.
    static let rootIsOperator = AccessPolicy(rolesByUID: [0: [.operator_]])
}

extension Logger {
    /// Servers under test log nothing: their warnings about bad input are the point of the tests.
    static let quiet = Logger(label: "clm.rpc.test", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// A value shared between a test and the handlers it registers.
final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    var current: Value { value.withLock { $0 } }

    func update<T>(_ change: (inout Value) -> T) -> T { value.withLock { change(&$0) } }
}

/// Polls `condition` every 5 ms for up to `seconds`; true once it holds.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
    let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Runs `body` with a client of `target`, closed afterwards.
func withClient<T>(_ target: RPCClient.Target, maxAttempts: Int = 3,
                   _ body: (RPCClient) async throws -> T) async throws -> T {
    let client = RPCClient(target, maxAttempts: maxAttempts)
    do {
        let result = try await body(client)
        await client.close()
        return result
    } catch {
        await client.close()
        throw error
    }
}

extension Optional<RPCError> {
    /// Whether there is an error and its message contains `text`.
    func mentions(_ text: String) -> Bool { self?.message.contains(text) ?? false }
}
