import CLMTesting
import Foundation
import Logging
import Models
import NIOCore
import RPC
import ServiceLifecycle
import Synchronization
import WireCodec

extension RunningServer {
    /// A server whose policy gives the test process (root) the `operator` role.
    static func start(at path: String, router: RPCRouter) async throws -> RunningServer {
        try await start(at: path, router: router, policy: .rootIsOperator)
    }
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
