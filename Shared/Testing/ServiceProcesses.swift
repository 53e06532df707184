public import Foundation
public import Models
import NIOCore
public import RPC
import ServiceAPI
import Synchronization

/// The real service executables, started as child processes on sockets in a temporary folder, against a test
/// database: what the end-to-end tests drive.
public final class ServiceProcesses: @unchecked Sendable {
    // @unchecked: `processes` is written only by `start` before the value is shared, then read; `Process` itself is
    // thread-safe for the calls made here (terminate, isRunning, waitUntilExit).
    public let socketRoot: String
    public let logFolder: String
    private var processes: [ServiceName: Process] = [:]

    /// The services started and still running, by process id, killed when the test process exits: a test that
    /// leaves `stopAll` to a task of its own may end before the task runs, and its services would run on.
    private static let unstopped = Mutex<Set<Int32>>([])
    private static let killUnstoppedAtExit: Void = {
        atexit { ServiceProcesses.killUnstopped() }
    }()

    /// Runs from `atexit`: plain system calls only.
    private static func killUnstopped() {
        for pid in unstopped.withLock({ $0 }) { kill(pid, SIGKILL) }
    }

    private init(socketRoot: String, logFolder: String) {
        self.socketRoot = socketRoot
        self.logFolder = logFolder
    }

    /// The folder holding the executables: beside the running test binary, or `CLM_BIN_DIR`.
    public static var binaryFolder: String {
        if let folder = ProcessInfo.processInfo.environment["CLM_BIN_DIR"] { return folder }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    }

    /// Starts `services` against `database` and waits until each answers its health check with SERVING.
    /// - Parameter environment: extra variables for every service (e.g. `CLM_ACCESS`).
    /// - Throws: when an executable is missing, exits early, or is not serving within `timeout`; the error carries
    ///   the tail of its log.
    public static func start(_ services: [ServiceName], database: TestDatabase, environment: [String: String] = [:],
                             timeout: Duration = .seconds(60)) async throws -> ServiceProcesses {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("clm-e2e-\(UUID().uuidString.prefix(8))").path
        let suite = ServiceProcesses(socketRoot: "\(root)/sockets", logFolder: "\(root)/logs")
        try FileManager.default.createDirectory(atPath: suite.logFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: suite.socketRoot, withIntermediateDirectories: true)
        for service in services {
            try suite.launch(service, database: database, environment: environment)
        }
        for service in services {
            try await suite.waitUntilServing(service, timeout: timeout)
        }
        return suite
    }

    private func launch(_ service: ServiceName, database: TestDatabase, environment: [String: String]) throws {
        let binary = "\(Self.binaryFolder)/\(service.executable)"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ServiceProcessError("\(binary) is missing: build the executables first (swift build)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        var env = ProcessInfo.processInfo.environment
        env["PGHOST"] = database.socketDirectory
        env["PGPORT"] = String(database.port)
        env["PGDATABASE"] = database.name
        env["PGUSER"] = service.databaseRole
        env["CLM_SOCKET_DIR"] = socketRoot
        env["CLM_REPLICA"] = "test"
        env["CLM_LOG_LEVEL"] = "info"
        // Identity will not start without a personal-data key: a fresh random one per launch.
        env["CLM_PII_KEY"] = "1:" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        env.merge(environment) { _, new in new }
        process.environment = env
        let log = logPath(service)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = handle
        process.standardOutput = handle
        _ = Self.killUnstoppedAtExit
        // Off the set as soon as it exits, so that no process id is killed after the system gave it to another.
        process.terminationHandler = { ended in Self.unstopped.withLock { _ = $0.remove(ended.processIdentifier) } }
        try process.run()
        processes[service] = process
        Self.unstopped.withLock { running in
            running.insert(process.processIdentifier)
            // It may have ended, and its termination handler run, before it was put in.
            if !process.isRunning { running.remove(process.processIdentifier) }
        }
    }

    private func waitUntilServing(_ service: ServiceName, timeout: Duration) async throws {
        let clock = ContinuousClock()
        let giveUp = clock.now + timeout
        let client = RPCClient(.folder(layout.folder(for: service)), maxAttempts: 1)
        defer { Task { await client.close() } }
        while clock.now < giveUp {
            if let process = processes[service], !process.isRunning {
                throw ServiceProcessError("\(service.executable) exited with \(process.terminationStatus):\n\(logTail(service))")
            }
            if let answer = try? await client.call(CommonAPI.check, HealthCheckRequest(), timeout: .seconds(2)),
                answer.status == .serving {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServiceProcessError("\(service.executable) was not serving within \(timeout):\n\(logTail(service))")
    }

    /// The socket layout the services use.
    public var layout: SocketLayout { SocketLayout(root: socketRoot) }

    /// A client of `service`'s replicas.
    public func client(_ service: ServiceName) -> RPCClient { RPCClient(.folder(layout.folder(for: service))) }

    /// Where `service`'s log goes.
    public func logPath(_ service: ServiceName) -> String { "\(logFolder)/\(service.rawValue).log" }

    /// The last lines of `service`'s log.
    public func logTail(_ service: ServiceName, lines: Int = 40) -> String {
        let text = (try? String(contentsOfFile: logPath(service), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// The process of `service`, for signals and exit status.
    public func process(_ service: ServiceName) -> Process? { processes[service] }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    public func terminate(_ service: ServiceName) async -> Int32 {
        guard let process = processes[service] else { return -1 }
        if process.isRunning { process.terminate() }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        return process.terminationStatus
    }

    /// Stops every service and removes its folder: sockets and logs (read `logTail` before).
    public func stopAll() async {
        for service in processes.keys { await terminate(service) }
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: socketRoot).deletingLastPathComponent().path)
    }
}

/// A service process that could not be started.
public struct ServiceProcessError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
