import Foundation
import IdentityAPI
import Models
import RPC
import Store

/// Puts the latency part's customers in place before anything is timed: their party records, then one policy each,
/// sent to identity in batches; then waits until scoring has applied identity's whole feed and every one of them has
/// a card, and analyses the database, so that the timed stream starts from a quiet, caught-up system.
struct LatencySetup {
    let identity: RPCClient
    let pool: PostgresPool
    let book: LatencyBook

    /// The customer code of each customer of the book, by number.
    func run() async throws -> [String] {
        let clock = ContinuousClock()
        var started = clock.now
        var codes: [String] = []
        var reviews = 0
        for batch in stride(from: 0, to: book.count, by: 500).map({ $0..<min($0 + 500, book.count) }) {
            let answer = try await identity.call(IdentityAPI.ingestParties,
                                                 IngestPartiesRequest(records: batch.map(book.party)))
            codes += answer.results.map(\.customerCode)
            reviews += answer.results.filter(\.sentToReview).count
        }
        guard codes.count == book.count, !codes.contains(""), Set(codes).count == codes.count else {
            throw SetupError("identity did not make \(book.count) distinct customers of the party records "
                             + "(\(Set(codes).subtracting([""]).count) distinct, \(reviews) sent to review)")
        }
        say(String(format: "  %d parties resolved and stored by identity in %.1f s (%.0f/s)", book.count,
                   (clock.now - started).inSeconds, Double(book.count) / (clock.now - started).inSeconds))
        started = clock.now
        for batch in stride(from: 0, to: book.count, by: 500).map({ $0..<min($0 + 500, book.count) }) {
            let answer = try await identity.call(IdentityAPI.ingestPolicies,
                                                 IngestPoliciesRequest(records: batch.map(book.basePolicy)))
            guard answer.summary.created == Int32(batch.count) else {
                throw SetupError("identity did not store the base policies: \(answer.summary)")
            }
        }
        say(String(format: "  %d base policies stored in %.1f s", book.count, (clock.now - started).inSeconds))
        started = clock.now
        try await waitUntilScored(codes, since: started)
        say(String(format: "  scoring caught up (every customer has a card) %.1f s later",
                   (clock.now - started).inSeconds))
        // Tables that grew from empty since the services started have no planner statistics until autovacuum comes
        // round, and the services' cached statements keep the plans made for an empty table (sequential scans) until
        // then. A book in service has been analysed; so is this one before timing starts.
        started = clock.now
        try await pool.withConnection { try $0.executeScript("ANALYZE") }
        say(String(format: "  ANALYZE %.1f s", (clock.now - started).inSeconds))
        return codes
    }

    /// Waits until identity's outbox has no event without a position, scoring's cursor has reached the last
    /// position, its rescore queue is empty and every customer of the book has a card.
    private func waitUntilScored(_ codes: [String], since started: ContinuousClock.Instant) async throws {
        let clock = ContinuousClock()
        let wanted = PostgresValue.text("{" + codes.joined(separator: ",") + "}")
        var lastReport = clock.now
        while true {
            let (head, unpositioned, cursor, queued, cards) = try await pool.withConnection { connection in
                let row = try connection.query(
                    """
                    SELECT (SELECT coalesce(max(position), 0) FROM identity.outbox),
                           (SELECT count(*) FROM identity.outbox WHERE position IS NULL),
                           (SELECT coalesce(max(position), 0) FROM scoring.feed_cursor),
                           (SELECT count(*) FROM scoring.rescore_queue),
                           (SELECT count(*) FROM scoring.score_card WHERE customer_code = ANY($1::text[]))
                    """, [wanted])[0]
                return (try row.decode(Int64.self, at: 0), try row.decode(Int64.self, at: 1),
                        try row.decode(Int64.self, at: 2), try row.decode(Int64.self, at: 3),
                        try row.decode(Int64.self, at: 4))
            }
            if unpositioned == 0, head > 0, cursor >= head, queued == 0, cards == codes.count { return }
            if clock.now - started > .seconds(900) {
                throw SetupError("scoring did not catch up in 15 minutes: cursor \(cursor) of \(head), "
                                 + "\(queued) queued, \(cards) of \(codes.count) cards")
            }
            if clock.now - lastReport > .seconds(10) {
                lastReport = clock.now
                say("  … waiting for scoring: cursor \(cursor) of \(head), \(queued) queued, \(cards) cards")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }
}

/// The latency part could not be set up.
struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
