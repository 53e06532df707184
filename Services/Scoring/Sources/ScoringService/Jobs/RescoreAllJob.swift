import EventFeed
import Foundation
import Logging
import Models
import ScoringAPI
import ScoringModel
import Store

/// One full rescore: every customer of the book scored again under the active rule set, against statistics
/// measured afresh.
///
/// The book is read once (`HeldBook`): one ordered scan per fact table (`BookScan`) in one snapshot, each customer
/// measured from their facts alone on `CLM_SCORING_RESCORE_WORKERS` workers and held in memory while the book's
/// statistics are measured from them. Then the held runs of consecutive customers go to the workers again, each
/// scored against the statistics in one transaction (cards, events with their feed positions, and the job's
/// progress together). A card the rescorer wrote meanwhile from facts newer than the snapshot stands
/// (`Rescoring.rescore(run:frame:)`). A crash loses at most the runs in flight: the replica that claims the job next
/// (its heartbeat gone stale) reads and measures the whole book again and carries on after the committed runs from
/// the start (`RunLedger`); a run that had committed beyond them is scored again, to the same cards and no events.
/// A job cancelled meanwhile (a newer activation supersedes it) stops at its next run.
struct RescoreAllJob: Sendable {
    let context: ScoringContext
    let stored: RescoreJobStore.Stored

    /// Customers scored per transaction, about.
    static let chunkSize = 5_000

    func run() async {
        let id = stored.job.jobId
        let heartbeat = Task { [context] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                _ = try? await context.pool.withConnection { connection in
                    try connection.execute(
                        "UPDATE rescore_job SET heartbeat_at = now() WHERE job_id = $1 AND state = 'JOB_STATE_RUNNING'",
                        [.text(id)])
                }
            }
        }
        defer { heartbeat.cancel() }
        do {
            if let message = try await rescoreAll() {
                try await context.pool.withConnection { try RescoreJobStore(connection: $0).finish(id, .succeeded, message: message) }
            }
        } catch where Task.isCancelled {
            // Shutting down: the job stays running; once its heartbeat is stale, the next replica to look (or this
            // one after its restart) carries on after the last committed chunk.
            context.logger.info("full rescore interrupted by shutdown; it resumes later", metadata: ["job": "\(id)"])
        } catch {
            context.logger.error("full rescore failed", metadata: ["job": "\(id)", "error": "\(error)"])
            _ = try? await context.pool.withConnection {
                try RescoreJobStore(connection: $0).finish(id, .failed, message: "\(error)")
            }
        }
    }

    /// Scores the book; returns the closing message, or nil when the job was cancelled on the way.
    private func rescoreAll() async throws -> String? {
        let clock = ContinuousClock()
        let start = clock.now
        let id = stored.job.jobId
        let context = self.context
        let settings = context.settings
        let asOf = settings.asOf
        let after = stored.afterCode
        let ruleSet = try await context.pool.withConnection { try context.ruleSets.current(on: $0) }
        let ruleSetText = ruleSet.map { "rule set \($0.ruleSetId) v\($0.version)" } ?? "no rule set active"
        guard try await progress(total: nil, done: 0, after: after, "reading the book; \(ruleSetText)")
        else { return nil }

        let position = try await context.pool.withConnection { try BookStatisticsStore.feedPosition(on: $0) }
        let empty = BookStatisticsStore.emptyMeasurement(ruleSet: ruleSet, settings: settings, asOf: asOf)
        let book = try await HeldBook.read(
            pool: context.pool,
            frame: ScoringFrame(ruleSet: ruleSet, settings: settings, book: empty.statistics(), now: .now,
                                trigger: stored.trigger),
            measurement: empty, after: after, runSize: Self.chunkSize, settings: settings)
        try await context.pool.withConnection { connection in
            try context.books.store(book.statistics, customers: book.customers, position: position,
                                    ruleSet: ruleSet, asOf: asOf, on: connection)
        }
        let measuredTime = clock.now - start
        guard try await progress(total: Int64(book.customers), done: Int64(book.customersThrough),
                                 after: after, "scoring; \(ruleSetText)")
        else { return nil }

        let frame = ScoringFrame(ruleSet: ruleSet, settings: settings, book: book.statistics, now: .now,
                                 trigger: stored.trigger)
        let scoringStart = clock.now
        let ledger = RunLedger(after: after, done: book.customersThrough)
        for run in book.runs {
            ledger.read(run.index, customers: run.customers.count, through: run.through ?? run.after)
        }
        let tally: Tally
        do {
            tally = try await Self.forEach(book.runs, workers: settings.rescoreWorkers) { run in
                let outcome = try await context.pool.transaction { connection -> Rescoring.Outcome? in
                    let outcome = try Rescoring(context: context, connection: connection).rescore(run: run, frame: frame)
                    // Resumable after the committed runs from the start, as it will be once this run commits.
                    let reach = ledger.reach(ifCommitting: run.index)
                    let running = try RescoreJobStore(connection: connection).progress(
                        id, done: Int64(reach.done), afterCode: reach.afterCode, message: "scoring; \(ruleSetText)")
                    // Cancelled meanwhile: this run's cards stand (they are current), the rest is left to the job
                    // that superseded this one.
                    return running ? outcome : nil
                }
                guard let outcome else { throw JobCancelled() }
                ledger.commit(run.index)
                return outcome
            }
        } catch is JobCancelled {
            return nil
        }
        let scoring = clock.now - scoringStart
        let total = clock.now - start
        let customers = book.customers
        let rate = Double(customers) / max(total.inSeconds, 0.001)
        return "\(customers) customers scored (\(ruleSetText)), \(tally.written) cards written, "
            + "\(tally.events) events; "
            + String(format: "%.1f s, %.0f customers/s: reading and measuring the book %.1f s, scoring %.1f s "
                + "(computation %.1f s on %d workers, the rest database)", total.inSeconds, rate,
                measuredTime.inSeconds, scoring.inSeconds, tally.compute.inSeconds, settings.rescoreWorkers)
    }

    /// What a worker's chunks did.
    private struct Tally: Sendable {
        var written = 0
        var events = 0
        var compute = Duration.zero

        mutating func add(_ outcome: Rescoring.Outcome) {
            written += outcome.written
            events += outcome.events
            compute += outcome.computeTime
        }

        mutating func add(_ other: Tally) {
            written += other.written
            events += other.events
            compute += other.compute
        }
    }

    /// Runs `body` on every run, `workers` at a time, and adds up what they did. The first error stops the
    /// others after their current run.
    private static func forEach(_ runs: [HeldRun], workers: Int,
                                _ body: @escaping @Sendable (HeldRun) async throws -> Rescoring.Outcome)
        async throws -> Tally {
        let queue = RunQueue<HeldRun>(capacity: max(1, runs.count))
        for run in runs { _ = queue.put(run) }
        queue.finish()
        return try await withThrowingTaskGroup(of: Tally.self) { group in
            for _ in 0..<max(1, workers) {
                group.addTask {
                    var tally = Tally()
                    do {
                        while !Task.isCancelled, let run = try await queue.next() { tally.add(try await body(run)) }
                    } catch {
                        queue.stop()
                        throw error
                    }
                    return tally
                }
            }
            return try await group.reduce(into: Tally()) { $0.add($1) }
        }
    }

    /// Thrown to stop the workers when the job was cancelled.
    private struct JobCancelled: Error {}

    private func progress(total: Int64?, done: Int64, after: String, _ message: String) async throws -> Bool {
        let id = stored.job.jobId
        return try await context.pool.withConnection { connection in
            try RescoreJobStore(connection: connection).progress(id, total: total, done: done, afterCode: after,
                                                                 message: message)
        }
    }
}
