import Models
import Store

/// Looks in scoring's `score_card` table, every `interval`, for the cards of the events whose feed position is known,
/// and notes when each customer's card first includes its event: `facts_position` at least the event's position.
/// (A card's `facts_position` is the highest feed position among the customer's fact rows, and the event's row
/// carries the event's position, so the card includes the record exactly when it is that high.)
///
/// This measures what a reader of scoring sees: the card is committed and visible. The time noted is taken just
/// before the query, whose snapshot already holds the card, and the query before it did not: so the true moment
/// lies within one `interval` (plus a query) before the noted one — an upper bound by at most that much. The card's
/// own `scored_at`, which the service takes before computing and committing the batch, is kept as the lower bound.
///
/// When scoring falls behind, thousands of customers await their card and each look costs more; the watcher then
/// waits twice as long as its last look took before the next, so that it never takes more than a third of one
/// connection's time from the database it is measuring.
struct ScoreCardWatcher: Sendable {
    let pool: PostgresPool
    let ledger: LatencyLedger
    let interval: Duration

    /// Watches until cancelled.
    func run() async throws {
        let clock = ContinuousClock()
        while !Task.isCancelled {
            var pause = interval
            let awaiting = ledger.awaitingCard()
            if !awaiting.isEmpty {
                let codes = Set(awaiting.values.map(\.code)).sorted()
                let before = Timestamp.now.unixMicros
                let started = clock.now
                let cards = try await pool.withConnection { connection in
                    try connection.query(
                        """
                        SELECT customer_code, facts_position, scored_at FROM scoring.score_card
                        WHERE customer_code = ANY($1::text[])
                        """, [.text("{" + codes.joined(separator: ",") + "}")]
                    ).map { row in
                        (code: try row.decode(String.self, "customer_code"),
                         position: try row.decode(Int64.self, "facts_position"),
                         scoredAt: try row.decode(PostgresTimestamp.self, "scored_at").microsSince1970)
                    }
                }
                pause = max(interval, (clock.now - started) * 2)
                let byCode = Dictionary(cards.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
                for (number, wanted) in awaiting {
                    guard let card = byCode[wanted.code], card.position >= wanted.position else { continue }
                    ledger.cardSeen(number, at: before, scoredAt: card.scoredAt)
                }
            }
            try await Task.sleep(for: pause)
        }
    }
}
