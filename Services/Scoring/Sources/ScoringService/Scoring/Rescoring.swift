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
        /// The tiers before, for the customers that had a card.
        var previousTiers: [String: CustomerTier] = [:]
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

    /// Scores `codes` again in `frame`, reading their facts now.
    func rescore(_ codes: [String], frame: ScoringFrame) throws -> Outcome {
        guard !codes.isEmpty else { return Outcome() }
        let aliases = try self.aliases(among: codes)
        let reader = FactReader(connection: connection, utcOffsetSeconds: context.settings.utcOffsetSeconds)
        let facts = try reader.facts(of: codes.filter { !aliases.contains($0) })
        let customers = Dictionary(uniqueKeysWithValues: frame.measureAll(Array(facts.values)).map {
            ($0.measured.customerCode, $0)
        })
        return try rescore(codes, customers: customers, aliases: aliases,
                           stored: try ScoreCardStore(connection: connection).loadBytes(codes), frame: frame,
                           snapshot: nil)
    }

    /// Scores again a run of a full rescore's read of the book (`HeldBook`): the customers it measured, in its
    /// snapshot of the facts as of feed position `snapshot`, and the cards stored now for codes in the run's range.
    ///
    /// The read's snapshot may be older than a card the rescorer stored meanwhile; such a card is left as it is: a
    /// card computed from facts the snapshot does not hold (its `factsPosition` beyond the customer's facts in the
    /// snapshot, or, for a customer without facts in the snapshot, beyond `snapshot`) is neither replaced nor
    /// removed. The events take their feed positions in this transaction, which then holds the feed's lock to its
    /// end: the caller commits soon after.
    func rescore(run: HeldRun, frame: ScoringFrame) throws -> Outcome {
        let stored = try ScoreCardStore(connection: connection).loadBytes(after: run.after, through: run.through)
        let customers = Dictionary(uniqueKeysWithValues: run.customers.map { ($0.measured.customerCode, $0) })
        let codes = Array(Set(customers.keys).union(stored.keys)).sorted()
        // The run's range, read as a range: probing the aliases code by code cost a million index probes a book.
        let (condition, parameters) = CustomerCodes.range("alias_code", after: run.after, through: run.through)
        let aliases = Set(try connection.query("SELECT alias_code FROM customer_alias WHERE \(condition)", parameters)
            .map { try $0.decode(String.self, "alias_code") })
        return try rescore(codes, customers: customers, aliases: aliases, stored: stored, frame: frame,
                           snapshot: run.snapshot)
    }

    /// The codes of `codes` that are now aliases of another customer.
    private func aliases(among codes: [String]) throws -> Set<String> {
        Set(try connection.query(
            "SELECT alias_code FROM customer_alias WHERE alias_code = ANY($1::text[])", [PostgresValue.textArray(codes)]
        ).map { try $0.decode(String.self, "alias_code") })
    }

    /// - Parameters:
    ///   - customers: those of `codes` that have facts, measured (`ScoringFrame.measure`).
    ///   - snapshot: the feed position of the snapshot the facts were read in; nil when read in this transaction.
    private func rescore(_ codes: [String], customers allCustomers: [String: HeldCustomer], aliases: Set<String>,
                         stored allStored: [String: StoredCardBytes], frame: ScoringFrame,
                         snapshot: Int64?) throws -> Outcome {
        var outcome = Outcome()
        guard !codes.isEmpty else { return outcome }
        // Cards from facts newer than the snapshot stand, and are not this rescore's to report.
        let standing = snapshot.map { snapshot in
            Set(allStored.filter { $0.value.factsPosition > (allCustomers[$0.key]?.position ?? snapshot) }.keys)
        } ?? []
        let scoring = allCustomers.filter { !aliases.contains($0.key) && !standing.contains($0.key) }
        let stored = allStored.filter { !standing.contains($0.key) }
        let store = ScoreCardStore(connection: connection)
        outcome.previousTiers = stored.mapValues(\.standing.tier)
        outcome.removed = codes.filter { aliases.contains($0) || (scoring[$0] == nil && !standing.contains($0)) }
        var events = ScoreEvents()
        for code in outcome.removed {
            if let previous = stored[code] { events.removed(try previous.card(), merged: aliases.contains(code)) }
        }
        try store.remove(outcome.removed)

        let customers = scoring.keys.sorted().compactMap { code in
            scoring[code].map { (customer: $0, previous: stored[code]?.standing) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let scored = frame.score(customers)
        outcome.computeTime = clock.now - started
        var changed: [StoredCard] = []
        for result in scored {
            let code = result.card.value.customerCode
            let card = StoredCard(result.card)
            outcome.cards[code] = result.card
            if let previous = stored[code], previous.isSame(as: card) {
                outcome.cards[code]?.value.scoredAt = previous.scoredAt
                continue
            }
            events.add(previous: try stored[code]?.card(), scored: result, trigger: frame.trigger)
            changed.append(card)
        }
        try store.saveAll(changed, known: Set(allStored.keys))
        outcome.written = changed.count
        // A whole-book pass's events are many: they take their feed positions here rather than from the relay.
        try events.append(to: context.outbox, positioned: snapshot != nil, on: connection)
        outcome.events = events.count
        return outcome
    }
}
