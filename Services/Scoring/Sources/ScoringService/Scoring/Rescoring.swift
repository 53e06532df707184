import Models
import ScoringAPI
import ScoringModel
import Store

/// Computes customers' cards from their facts under the active rule set and stores them with the events they make,
/// in the caller's transaction: the one step that the rescorer (after feed events), RescoreCustomer and full
/// rescores share. A card computed again equal to the stored one in all but its time (`ScoreCard.scoredAt`) is
/// not written again: the stored card, and the time it was scored, stand.
struct Rescoring {
    let context: ScoringContext
    let connection: PostgresConnection

    /// What one rescore did.
    struct Outcome: Sendable {
        /// The customers' cards now, by customer code: those written, and the stored ones found unchanged.
        var cards: [String: ScoreCard] = [:]
        /// How many cards were written (new or changed).
        var written = 0
        /// The cards before, for the customers that had one.
        var previous: [String: ScoreCard] = [:]
        /// Codes whose card was removed: aliases of another customer, customers left without facts.
        var removed: [String] = []
        /// Feed events appended.
        var events = 0
        /// Time spent computing cards, as opposed to reading and writing them.
        var computeTime: Duration = .zero
    }

    /// Scores `codes` again with the active rule set and the book's current statistics. A code that is now an
    /// alias of another customer, or that has no facts left, loses its card instead.
    func rescore(_ codes: [String], trigger: ScoreTrigger) throws -> Outcome {
        guard !codes.isEmpty else { return Outcome() }
        let ruleSet = try context.ruleSets.current(on: connection)
        let asOf = context.settings.asOf
        let book = try context.books.current(on: connection, ruleSet: ruleSet, asOf: asOf)
        let frame = ScoringFrame(ruleSet: ruleSet, settings: context.settings, book: book, now: .now, trigger: trigger)
        return try rescore(codes, frame: frame)
    }

    /// Scores `codes` again in `frame` (a full rescore measures the book once for all its batches).
    /// - Parameter run: `codes` are consecutive in the book's order (`FactReader.facts(ofRun:)`).
    func rescore(_ codes: [String], frame: ScoringFrame, run: Bool = false) throws -> Outcome {
        var outcome = Outcome()
        guard !codes.isEmpty else { return outcome }
        let aliases = Set(try connection.query(
            "SELECT alias_code FROM customer_alias WHERE alias_code = ANY($1::text[])", [SQLValues.texts(codes)]
        ).map { try $0.decode(String.self, "alias_code") })
        let live = codes.filter { !aliases.contains($0) }
        let reader = FactReader(connection: connection, utcOffsetSeconds: context.settings.utcOffsetSeconds)
        let facts = run ? try reader.facts(ofRun: codes).filter { !aliases.contains($0.key) } : try reader.facts(of: live)
        let store = ScoreCardStore(connection: connection)
        let stored = try store.load(codes)
        outcome.previous = stored.mapValues(\.card)
        outcome.removed = codes.filter { aliases.contains($0) || facts[$0] == nil }

        var events = ScoreEvents()
        for code in outcome.removed {
            if let previous = outcome.previous[code] { events.removed(previous, merged: aliases.contains(code)) }
        }
        try store.remove(outcome.removed)

        let customers = facts.keys.sorted().compactMap { code in
            facts[code].map { (stored: $0, previous: outcome.previous[code]) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let scored = frame.score(customers)
        outcome.computeTime = clock.now - started
        var changed: [StoredCard] = []
        for (customer, result) in zip(customers, scored) {
            let code = result.card.value.customerCode
            let card = try StoredCard(result.card)
            outcome.cards[code] = result.card
            if let previous = stored[code], previous.isSame(as: card) {
                outcome.cards[code]?.value.scoredAt = previous.card.value.scoredAt
                continue
            }
            events.add(previous: customer.previous, scored: result, trigger: frame.trigger)
            changed.append(card)
        }
        try store.saveAll(changed)
        outcome.written = changed.count
        try events.append(to: context.outbox, on: connection)
        outcome.events = events.count
        return outcome
    }
}
