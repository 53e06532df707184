import EventFeed
import Foundation
import Logging
import Models
import ScoringAPI
import ScoringModel
import Store

/// One full rescore: every customer of the book scored again under the active rule set, against statistics
/// measured afresh (`BookStatisticsStore.measure`).
///
/// Customers are scored in code order, a chunk per transaction (cards, events and the job's progress together), so
/// a crash loses at most the chunk in flight: the replica that claims the job next (its heartbeat gone stale)
/// measures the book again and carries on after the last committed chunk. A job cancelled meanwhile (a newer
/// activation supersedes it) stops at its next chunk.
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
        let asOf = context.settings.asOf
        let (ruleSet, codes, position) = try await context.pool.withConnection { connection in
            let reader = FactReader(connection: connection, utcOffsetSeconds: context.settings.utcOffsetSeconds)
            // Customers with a card but no facts left lose it on the way.
            let codes = Set(try reader.allCodes()).union(
                try connection.query("SELECT customer_code FROM score_card").map { try $0.decode(String.self, at: 0) })
            return (try context.ruleSets.current(on: connection), codes.sorted(),
                    try BookStatisticsStore.feedPosition(on: connection))
        }
        let ruleSetText = ruleSet.map { "rule set \($0.ruleSetId) v\($0.version)" } ?? "no rule set active"
        guard try await progress(total: Int64(codes.count), done: 0, after: "", "measuring the book; \(ruleSetText)")
        else { return nil }

        let book = try await context.pool.withConnection { connection in
            let reader = FactReader(connection: connection, utcOffsetSeconds: context.settings.utcOffsetSeconds)
            let book = try BookStatisticsStore.measure(codes: codes, ruleSet: ruleSet, settings: context.settings,
                                                       asOf: asOf, read: reader.facts(of:))
            try context.books.store(book, customers: codes.count, position: position, ruleSet: ruleSet, asOf: asOf,
                                    on: connection)
            return book
        }
        let measured = clock.now - start

        let frame = ScoringFrame(ruleSet: ruleSet, settings: context.settings, book: book, now: .now,
                                 trigger: stored.trigger)
        let remaining = codes.drop { $0 <= stored.afterCode }
        var done = Int64(codes.count - remaining.count)
        var events = 0
        var compute = Duration.zero
        let scoringStart = clock.now
        var next = remaining.startIndex
        while next < remaining.endIndex {
            try Task.checkCancellation()
            let end = remaining.index(next, offsetBy: Self.chunkSize, limitedBy: remaining.endIndex) ?? remaining.endIndex
            let chunk = Array(remaining[next..<end])
            next = end
            done += Int64(chunk.count)
            let reached = done
            let outcome = try await context.pool.transaction { connection -> Rescoring.Outcome? in
                let outcome = try Rescoring(context: context, connection: connection).rescore(chunk, frame: frame)
                let running = try RescoreJobStore(connection: connection).progress(
                    id, done: reached, afterCode: chunk.last ?? "", message: "scoring; \(ruleSetText)")
                // Cancelled meanwhile: this chunk's cards stand (they are current), the rest is left to the job
                // that superseded this one.
                return running ? outcome : nil
            }
            guard let outcome else { return nil }
            events += outcome.events
            compute += outcome.computeTime
            context.relay.poke()
        }
        let scoring = clock.now - scoringStart
        let total = clock.now - start
        let rate = Double(codes.count) / max(total.inSeconds, 0.001)
        return "\(codes.count) customers scored (\(ruleSetText)), \(events) events; "
            + String(format: "%.1f s, %.0f customers/s: measuring the book %.1f s, scoring %.1f s "
                + "(computation %.1f s, database %.1f s)", total.inSeconds, rate, measured.inSeconds,
                scoring.inSeconds, compute.inSeconds, (scoring - compute).inSeconds)
    }

    private func progress(total: Int64?, done: Int64, after: String, _ message: String) async throws -> Bool {
        let id = stored.job.jobId
        return try await context.pool.withConnection { connection in
            try RescoreJobStore(connection: connection).progress(id, total: total, done: done, afterCode: after,
                                                                 message: message)
        }
    }
}
