import EventFeed
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI
import Store
import Synchronization

/// The methods every service serves: health, method listing, and the event feed.
enum ServiceHandlers {
    static func register(in router: inout RPCRouter, dependencies: ServiceDependencies, schemaVersion: Int,
                         startedAt: Date) {
        let settings = dependencies.settings
        let pool = dependencies.pool
        router.register(CommonAPI.check, roles: []) { _, _ in
            let problems = await databaseProblems(pool)
            return HealthCheckResponse(
                status: problems.isEmpty ? .serving : .notServing, service: settings.service.rawValue,
                replica: settings.replica, version: SuiteVersion.current,
                uptimeSeconds: Int64(Date().timeIntervalSince(startedAt)), schemaVersion: Int32(schemaVersion),
                problems: problems)
        }
        let reader = dependencies.feedReader
        router.register(CommonAPI.listEvents, roles: CommonAPI.feedReaders) { request, context in
            try await reader.listEvents(request, context: context)
        }
    }

    /// Registered last, so that it lists every other method.
    static func registerReflection(in router: inout RPCRouter, service: ServiceName) {
        var methods = router.methods
        let listMethods = MethodInfo(name: CommonAPI.listMethods.path, requestType: ListMethodsRequest.protoName,
                                     responseType: ListMethodsResponse.protoName, roles: [], implemented: true,
                                     idempotent: true)
        methods.append(listMethods)
        methods.sort { $0.name < $1.name }
        let answer = ListMethodsResponse(service: service.rawValue, methods: methods)
        router.register(CommonAPI.listMethods, roles: []) { _, _ in answer }
    }

    /// A line per problem with the database, none when it answers within two seconds. The probe is left running
    /// when it is late (a blocked libpq call cannot be interrupted), and the health answer goes out regardless.
    private static func databaseProblems(_ pool: PostgresPool) async -> [String] {
        await withCheckedContinuation { continuation in
            let answer = ResumeOnce(continuation)
            Task {
                do {
                    _ = try await pool.withConnection { try $0.query("SELECT 1") }
                    answer.resume([])
                } catch {
                    answer.resume(["database: \(error)"])
                }
            }
            Task {
                try? await Task.sleep(for: .seconds(2))
                answer.resume(["database: no answer within 2 s"])
            }
        }
    }
}

/// Resumes a continuation with the first value given and ignores the rest.
private final class ResumeOnce<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, Never>?>

    init(_ continuation: CheckedContinuation<Value, Never>) { self.continuation = Mutex(continuation) }

    func resume(_ value: Value) {
        continuation.withLock { slot in
            defer { slot = nil }
            return slot
        }?.resume(returning: value)
    }
}

/// The suite's version, shown by health checks.
public enum SuiteVersion {
    public static let current = "0.1.0"
}
