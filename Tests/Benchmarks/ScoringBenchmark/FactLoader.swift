import Foundation
import Models
import Store

/// Loads a generated book straight into scoring's fact tables with COPY, as if identity's feed had been applied to
/// it: chunks of customers generated and copied by two workers at once (one generates while the other's COPY runs
/// in the server), each chunk in one transaction. Then VACUUM ANALYZE, so that the rescore and the baseline both
/// read tables with hint bits set and planner statistics in place, as on a book that has been there a while.
struct FactLoader: Sendable {
    let pool: PostgresPool
    let book: CustomerBook
    var chunkSize = 10_000
    var workers = 2

    /// What the load did.
    struct Outcome {
        var rows: [FactTable: Int] = [:]
        var seconds: Double
        var analyseSeconds: Double
    }

    func load() async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let chunks = (book.customers + chunkSize - 1) / chunkSize
        let counted = try await withThrowingTaskGroup(of: [Int].self) { group in
            for worker in 0..<workers {
                group.addTask { try await self.run(worker: worker, chunks: chunks, started: started) }
            }
            var totals = Array(repeating: 0, count: FactTable.allCases.count)
            for try await rows in group {
                for (table, count) in rows.enumerated() { totals[table] += count }
            }
            return totals
        }
        let loaded = (clock.now - started).inSeconds
        let analysing = clock.now
        for table in FactTable.allCases {
            try await pool.withConnection { try $0.executeScript("VACUUM (ANALYZE) \(table.name)") }
        }
        var outcome = Outcome(seconds: loaded, analyseSeconds: (clock.now - analysing).inSeconds)
        for table in FactTable.allCases { outcome.rows[table] = counted[table.rawValue] }
        return outcome
    }

    /// Generates and copies every `workers`-th chunk starting at `worker`; returns the rows copied per table.
    private func run(worker: Int, chunks: Int, started: ContinuousClock.Instant) async throws -> [Int] {
        var totals = Array(repeating: 0, count: FactTable.allCases.count)
        var chunk = worker
        while chunk < chunks {
            var batch = FactBatch()
            for index in (chunk * chunkSize)..<min(book.customers, (chunk + 1) * chunkSize) {
                book.generate(index, into: &batch)
            }
            let rows = batch
            try await pool.transaction(retries: 0) { connection in
                for table in FactTable.allCases where !rows[table].isEmpty {
                    try connection.copyIn(table.copyStatement, rows: rows[table])
                }
            }
            for table in FactTable.allCases { totals[table.rawValue] += rows[table].count }
            if chunk % max(1, chunks / 10) == 0 {
                let done = min(book.customers, (chunk + 1) * chunkSize)
                say(String(format: "  … chunk %d/%d (to customer %d), %.0f s", chunk + 1, chunks, done,
                           (ContinuousClock().now - started).inSeconds))
            }
            chunk += workers
        }
        return totals
    }
}
