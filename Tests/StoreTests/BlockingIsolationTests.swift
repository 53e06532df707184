import CLMTesting
import Foundation
import Store
import Testing

@Suite struct BlockingIsolationTests {
    @Test func blockingQueriesLeaveTheCooperativePoolFree() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("blocking")
        let ticks = Counter()
        let start = Date()
        let results = try await withPostgresPool(db.configuration(user: "postgres", poolSize: 4)) { pool in
            try await withThrowingTaskGroup(of: Int.self) { group in
                // Twenty 0.2 s sleeps on four connections take about a second; all the while this task,
                // which needs the cooperative pool, must keep ticking.
                group.addTask {
                    while !Task.isCancelled {
                        ticks.increment()
                        try? await Task.sleep(nanoseconds: 10_000_000)
                    }
                    return -1
                }
                for _ in 0..<20 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            try connection.query("SELECT pg_sleep(0.2)").count
                        }
                    }
                }
                var results: [Int] = []
                while results.count < 20, let value = try await group.next() {
                    if value >= 0 { results.append(value) }
                }
                group.cancelAll()
                return results
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        #expect(results == Array(repeating: 1, count: 20))
        #expect(elapsed >= 0.95)  // four at a time: the pool really has only four connections
        // A 10 ms ticker gets about 100 ticks a second when the cooperative pool is free, and next to none if the
        // sleeps held its threads. Five a second leaves room for a machine saturated by other work (12 a second
        // were seen with both cores busy compiling), and still fails when the pool is held.
        #expect(ticks.current >= Int(elapsed * 5))
    }

    @Test func workRunsOnADatabaseThreadNotTheCallersThread() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("threads")
        let names = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { _ in Thread.current.name ?? "" }
        }
        #expect(names.hasPrefix("TP-#"))
    }
}
