import CLMTesting
import Foundation
import Logging
import Store
import Synchronization

/// Shared helpers for the Store tests: a fresh database per test, and small synchronisation aids.
enum StoreTestSupport {
    /// A new database on the process-wide test cluster.
    static func freshDatabase(_ prefix: String = "store") async throws -> (PostgresTestCluster, TestDatabase) {
        let cluster = try await PostgresTestCluster.shared()
        return (cluster, try await cluster.createDatabase(prefix: prefix))
    }

    /// A logger that keeps test output quiet unless something is badly wrong.
    static let logger: Logger = {
        var logger = Logger(label: "clm.store.tests")
        logger.logLevel = .error
        return logger
    }()

    /// Runs `operation`, failing with `TimeoutError` if it takes longer than `seconds`.
    static func withTimeout<T: Sendable>(
        _ seconds: Double, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                throw TimeoutError(seconds: seconds)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TimeoutError(seconds: seconds) }
            return first
        }
    }

    struct TimeoutError: Error, CustomStringConvertible {
        let seconds: Double
        var description: String { "timed out after \(seconds) s" }
    }
}

/// A counter that blocking test bodies on database threads can share.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new value.
    @discardableResult
    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }

    var current: Int { value.withLock { $0 } }
}

/// Lets N blocking bodies wait until all N have reached the same point (or a timeout passes).
final class ThreadBarrier: Sendable {
    private let arrived = Counter()
    private let parties: Int

    init(parties: Int) {
        self.parties = parties
    }

    /// Blocks the calling (database) thread until every party has arrived, for at most `seconds`.
    func arriveAndWait(seconds: Double = 5) {
        arrived.increment()
        let deadline = Date().addingTimeInterval(seconds)
        while arrived.current < parties, Date() < deadline {
            usleep(2_000)
        }
    }
}

extension PostgresConnection {
    /// The first column of the first row, or nil when there is no row.
    func scalar<T: PostgresDecodable>(_ type: T.Type, _ sql: String, _ params: [PostgresValue] = []) throws -> T? {
        try query(sql, params).first?.decode(T.self, at: 0)
    }
}

/// A value one blocking body sets and the test reads.
final class SharedValue<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    func set(_ newValue: Value) { value.withLock { $0 = newValue } }

    var current: Value? { value.withLock { $0 } }
}
