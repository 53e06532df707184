import Store

/// A whole-book pass on several cores: one scan (`BookScan`), in one snapshot on a connection of its own, hands runs
/// of consecutive customers (`BookRun`) through a short queue (`RunQueue`) to `workers` tasks, which decode the facts
/// and work on them. The scan's thread only fetches and sorts rows out by customer, so that decoding, the larger part
/// of reading, is spread over the cores.
struct BookPass: Sendable {
    let pool: PostgresPool
    /// The codes after this one are read ("" for the whole book).
    var after = ""
    var parts: Set<BookScan.Part> = BookScan.Part.allFacts
    /// Customers per run, at least (`BookScan.forEachRun`).
    var runSize: Int
    var workers: Int
    var utcOffsetSeconds: Int
    /// Rows fetched from a table's cursor at a time (`BookScan.fetchSize`).
    var fetchSize = 10_000

    /// Runs the pass. Each worker keeps a partial result, begun by `start` and updated by `body` with every run it
    /// takes; the answer is the workers' partials. The last run holds no facts and covers the codes after the last
    /// customer. `onRead` sees each run on the scan's thread, in order, before any worker takes it.
    ///
    /// The first error stops the pass: the scan reads no further, and the other workers stop after their run.
    func run<Partial: Sendable>(
        start: @escaping @Sendable () -> Partial,
        onRead: @escaping @Sendable (BookRun) -> Void = { _ in },
        _ body: @escaping @Sendable (inout Partial, BookRun) async throws -> Void
    ) async throws -> [Partial] {
        let runs = RunQueue<BookRun>(capacity: workers)
        let pass = self
        return try await withThrowingTaskGroup(of: Partial?.self) { group in
            group.addTask {
                try await pass.scan(into: runs, onRead: onRead)
                return nil
            }
            for _ in 0..<max(1, workers) {
                group.addTask {
                    var partial = start()
                    do {
                        while let run = try await runs.next() { try await body(&partial, run) }
                    } catch {
                        runs.stop()
                        throw error
                    }
                    return partial
                }
            }
            var partials: [Partial] = []
            for try await partial in group {
                if let partial { partials.append(partial) }
            }
            return partials
        }
    }

    /// Reads the book into `runs`.
    private func scan(into runs: RunQueue<BookRun>, onRead: @Sendable (BookRun) -> Void) async throws {
        do {
            // Its effects leave the transaction (the runs handed out), so it is never run again.
            try await pool.transaction(isolation: .repeatableRead, retries: 0) { connection in
                let snapshot = try BookStatisticsStore.feedPosition(on: connection)
                var index = 0, lower = after
                func hand(_ fetched: [FetchedFacts], through: String?) throws {
                    let run = BookRun(index: index, fetched: fetched, after: lower, through: through,
                                      snapshot: snapshot)
                    onRead(run)
                    guard runs.put(run) else { throw ScanStopped() }
                    index += 1
                    lower = through ?? lower
                }
                var scan = BookScan(connection: connection, utcOffsetSeconds: utcOffsetSeconds)
                scan.fetchSize = fetchSize
                // The runs go to the workers: the connection is free for the FETCHes to run ahead.
                scan.readAhead = true
                try scan.forEachRun(after: after, parts: parts, customers: runSize) { fetched in
                        try hand(fetched, through: fetched.last?.code)
                    }
                try hand([], through: nil)
            }
            runs.finish()
        } catch is ScanStopped {
            // A worker failed (or the job was cancelled): its error is the pass's.
            runs.finish()
        } catch {
            runs.finish(throwing: error)
            throw error
        }
    }

    /// Thrown to end the scan when the workers stopped taking runs.
    private struct ScanStopped: Error {}
}
