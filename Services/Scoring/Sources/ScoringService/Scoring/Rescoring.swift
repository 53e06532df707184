import Foundation
import Models
import ScoringAPI
import ScoringModel
import Store

/// Computes customers' cards from their facts and stores them, in the caller's transaction: the one step that the
/// rescorer (after feed events), RescoreCustomer and full rescores share.
struct Rescoring {
    let context: ScoringContext
    let connection: PostgresConnection

    /// What one rescore did.
    struct Outcome: Sendable {
        /// The cards stored, by customer code.
        var cards: [String: ScoreCard] = [:]
        /// The cards before, for the customers that had one.
        var previous: [String: ScoreCard] = [:]
        /// Codes whose card was removed: aliases of another customer, customers left without facts.
        var removed: [String] = []
    }

    /// Scores `codes` again. A code that is now an alias of another customer, or that has no facts left, loses its
    /// card instead.
    func rescore(_ codes: [String]) throws -> Outcome {
        var outcome = Outcome()
        guard !codes.isEmpty else { return outcome }
        let aliases = Set(try connection.query(
            "SELECT alias_code FROM customer_alias WHERE alias_code = ANY($1::text[])", [SQLValues.texts(codes)]
        ).map { try $0.decode(String.self, "alias_code") })
        let live = codes.filter { !aliases.contains($0) }
        let facts = try FactReader(connection: connection, utcOffsetSeconds: context.settings.utcOffsetSeconds)
            .facts(of: live)
        let cards = ScoreCardStore(connection: connection)
        outcome.removed = codes.filter { aliases.contains($0) || facts[$0] == nil }
        try cards.remove(outcome.removed)
        guard !facts.isEmpty else { return outcome }

        let metrics = context.settings.metricSettings
        let book = try context.books.current(on: connection, metrics: metrics)
        outcome.previous = try cards.load(facts.keys.sorted())
        let now = Timestamp(unixMicros: Int64(Date().timeIntervalSince1970 * 1_000_000))
        for code in facts.keys.sorted() {
            guard let stored = facts[code] else { continue }
            let assessment = CustomerAssessment(facts: stored.facts, settings: metrics, book: book)
            let card = ScoreCards.card(for: assessment, factsPosition: stored.position, scoredAt: now,
                                       previous: outcome.previous[code])
            try cards.save(card)
            outcome.cards[code] = card
        }
        return outcome
    }
}
