import EventFeed
import Foundation
import Logging
import Models
import ScoringAPI
import ScoringModel
import Store
import Synchronization

/// One full rescore: every customer of the book scored again under the active rule set, against statistics
/// measured afresh (`BookStatisticsStore.measure`).
///
/// Customers are scored in the book's code order, a chunk of consecutive codes per transaction (cards, events and
/// the job's progress together), `CLM_SCORING_RESCORE_WORKERS` chunks at once (`BookChunks`); measuring the book
/// reads it the same way. A crash loses at most the chunks in flight: the replica that claims the job next (its
/// heartbeat gone stale) measures the book again and carries on after the committed run of chunks from the start
/// (`ChunkFrontier`); a chunk that had committed beyond it is scored again, to the same cards and no events. A job
/// cancelled meanwhile (a newer activation supersedes it) stops at its next chunk.
struct RescoreAllJob: Sendable {
    let context: ScoringContext
    let stored: RescoreJobStore.Stored

    /// Customers scored per transaction.
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
        let (ruleSet, book, position) = try await context.pool.withConnection { connection in
            // Customers with a card but no facts left lose it on the way.
            (try context.ruleSets.current(on: connection),
             try FactReader(connection: connection, utcOffsetSeconds: settings.utcOffsetSeconds)
                .allCodesAndCards(after: stored.afterCode),
             try BookStatisticsStore.feedPosition(on: connection))
        }
        let codes = book.codes
        let ruleSetText = ruleSet.map { "rule set \($0.ruleSetId) v\($0.version)" } ?? "no rule set active"
        guard try await progress(total: Int64(codes.count), done: Int64(book.upTo), after: "",
                                 "measuring the book; \(ruleSetText)")
        else { return nil }

        let statistics = try await BookStatisticsStore.measure(codes: codes, ruleSet: ruleSet, settings: settings,
                                                               asOf: asOf, workers: settings.rescoreWorkers,
                                                               pool: context.pool)
        try await context.pool.withConnection { connection in
            try context.books.store(statistics, customers: codes.count, position: position, ruleSet: ruleSet,
                                    asOf: asOf, on: connection)
        }
        let measured = clock.now - start

        let frame = ScoringFrame(ruleSet: ruleSet, settings: settings, book: statistics, now: .now,
                                 trigger: stored.trigger)
        let chunks = BookChunks(codes: Array(codes[book.upTo...]), size: Self.chunkSize,
                                workers: settings.rescoreWorkers)
        let frontier = Mutex(ChunkFrontier())
        let scoringStart = clock.now
        let tallies: [Tally]
        do {
            tallies = try await chunks.run(start: { Tally() }) { tally, index, chunk in
                let outcome = try await context.pool.transaction { connection -> Rescoring.Outcome? in
                    let outcome = try Rescoring(context: context, connection: connection)
                        .rescore(chunk, frame: frame, run: true)
                    // Resumable after the committed run from the start, as it will be once this chunk commits.
                    let reach = frontier.withLock { $0.prefix(ifCommitting: index) }
                    let running = try RescoreJobStore(connection: connection).progress(
                        id, done: Int64(book.upTo) + Int64(chunks.customers(before: reach)),
                        afterCode: reach > 0 ? chunks.chunks[reach - 1].last ?? "" : "",
                        message: "scoring; \(ruleSetText)")
                    // Cancelled meanwhile: this chunk's cards stand (they are current), the rest is left to the
                    // job that superseded this one.
                    return running ? outcome : nil
                }
                guard let outcome else { throw JobCancelled() }
                frontier.withLock { $0.commit(index) }
                tally.add(outcome)
                context.relay.poke()
            }
        } catch is JobCancelled {
            return nil
        }
        let tally = tallies.reduce(into: Tally()) { $0.add($1) }
        let scoring = clock.now - scoringStart
        let total = clock.now - start
        let rate = Double(codes.count) / max(total.inSeconds, 0.001)
        return "\(codes.count) customers scored (\(ruleSetText)), \(tally.written) cards written, "
            + "\(tally.events) events; "
            + String(format: "%.1f s, %.0f customers/s: measuring the book %.1f s, scoring %.1f s "
                + "(computation %.1f s on %d workers, the rest database)", total.inSeconds, rate,
                measured.inSeconds, scoring.inSeconds, tally.compute.inSeconds, chunks.workers)
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
