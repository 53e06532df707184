import Models
import ScoringAPI
import ScoringModel
import Store

/// A candidate rule set evaluated over the whole book without keeping anything: the book measured under the
/// candidate, then every customer scored under it (their tier standing taken from their card now, hysteresis'
/// minimum days lifted as on activation) and compared with their card now. Run in a transaction (the scans' cursors
/// live in it; REPEATABLE READ gives the book one snapshot).
struct BookDryRun {
    let context: ScoringContext
    let connection: PostgresConnection

    func run(_ candidate: RuleSet, examplesPerCell: Int32) throws -> DryRunSummary {
        let settings = context.settings
        let book = try BookStatisticsStore.measure(ruleSet: candidate, settings: settings, asOf: settings.asOf,
                                                   on: connection).statistics
        let frame = ScoringFrame(ruleSet: candidate, settings: settings, book: book, now: .now,
                                 trigger: .ruleSetActivated)
        let cards = ScoreCardStore(connection: connection)
        var summary = DryRunSummary(examplesPerCell: examplesPerCell, currency: settings.currency)
        try BookScan(connection: connection, utcOffsetSeconds: settings.utcOffsetSeconds)
            .forEachDecodedRun(customers: BookStatisticsStore.chunkSize) { facts in
                let current = try cards.load(facts.map(\.facts.customerCode)).mapValues(\.card)
                let customers = frame.measureAll(facts)
                let scored = frame.score(customers.map { customer in
                    (customer: customer, previous: current[customer.measured.customerCode].map(TierStanding.init))
                })
                for (customer, scored) in zip(customers, scored) {
                    // A card without a tier (scored while no rule set was active) counts as not scored now.
                    let before = current[customer.measured.customerCode].flatMap {
                        $0.value.tier == .unspecified ? nil : $0.value
                    }
                    summary.add(before: before, after: scored.card.value)
                }
            }
        return summary
    }
}
