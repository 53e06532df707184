import Models
import ScoringAPI
import ScoringModel

/// What every customer of one batch is scored against: the rule set (nil while none is active), the day and
/// look-back, the book's statistics, the mortality table, the time and the reason. Pure: the batch's reads and
/// writes happen around it.
struct ScoringFrame: Sendable {
    var ruleSet: RuleSet?
    var metrics: MetricSettings
    var book: BookStatistics
    var mortality: MortalityTable
    var now: Timestamp
    var trigger: ScoreTrigger

    /// - Parameters:
    ///   - ruleSet: the rule set to apply; nil scores without one (no value score, tier or layer).
    ///   - settings: the service's settings (day, currency, mortality tables).
    ///   - book: statistics measured under the same rule set (`BookMeasurement(asOf:ruleSet:currency:)`).
    init(ruleSet: RuleSet?, settings: ScoringSettings, book: BookStatistics, now: Timestamp, trigger: ScoreTrigger) {
        self.ruleSet = ruleSet
        self.metrics = Self.metricSettings(ruleSet: ruleSet, settings: settings)
        self.book = book
        let tableName = ruleSet?.clvAssumptions.mortalityTable ?? ""
        // An activated rule set was validated against the tables configured then; a table since removed from
        // the configuration falls back to the shipped one rather than stopping scoring.
        self.mortality = settings.mortalityTables[tableName] ?? .cl2013NonAnnuityI
        self.now = now
        self.trigger = trigger
    }

    /// How metrics are measured under `ruleSet` (its look-back), or the model's defaults without one.
    static func metricSettings(ruleSet: RuleSet?, settings: ScoringSettings) -> MetricSettings {
        guard let ruleSet else { return settings.metricSettings }
        return MetricSettings(asOf: settings.asOf, ruleSet: ruleSet, currency: settings.currency)
    }

    /// One customer's new card, and the tier change it makes.
    struct Scored: Sendable {
        var card: ScoreCard
        var tierChange: RuleSetEvaluation.TierChange?
    }

    /// Measures a customer's facts alone, as this frame's rule set has them measured (`MeasuredCustomer`), in
    /// the segments of `book` (a full rescore measures before it knows the rest of the book: its frame's book
    /// is then the empty measurement's, which has the segments).
    func measure(_ facts: CustomerFacts) -> MeasuredCustomer {
        guard let ruleSet else {
            return MeasuredCustomer(facts: facts, settings: metrics, segmentation: book.segmentation,
                                    mortality: mortality)
        }
        return MeasuredCustomer(facts: facts, settings: metrics, segmentation: book.segmentation, ruleSet: ruleSet,
                                mortality: mortality)
    }

    /// Scores one customer, measured from facts that reached feed position `position`.
    /// - Parameter previous: the tier standing of the customer's stored card, which hysteresis keeps.
    func score(_ customer: HeldCustomer, previous: TierStanding?) -> Scored {
        guard let ruleSet else {
            let assessment = customer.measured.assessed(against: book)
            return Scored(card: ScoreCards.card(for: assessment, factsPosition: customer.position, scoredAt: now,
                                                previous: previous), tierChange: nil)
        }
        let assessment = customer.measured.assessed(against: book, ruleSet: ruleSet)
        // A card scored without a rule set has no tier to keep.
        let standing = previous.flatMap { $0.tier == .unspecified ? nil : $0 }
        let evaluation = RuleSetEvaluation(ruleSet: ruleSet, assessment: assessment, book: book, standing: standing,
                                           now: now, trigger: trigger)
        var card = evaluation.scoreCard
        card.factsPosition = customer.position
        return Scored(card: card, tierChange: evaluation.tierChange)
    }

    /// Measures many customers' facts on all cores; the answer is in their order.
    func measureAll(_ facts: [StoredFacts]) -> [HeldCustomer] {
        let frame = self
        return Parallel.map(count: facts.count, chunks: 8) { range in
            range.map { HeldCustomer(measured: frame.measure(facts[$0].facts), position: facts[$0].position) }
        }.flatMap { $0 }
    }

    /// Scores many customers on all cores; the answer is in the order of `customers`.
    func score(_ customers: [(customer: HeldCustomer, previous: TierStanding?)]) -> [Scored] {
        let frame = self
        return Parallel.map(count: customers.count, chunks: 8) { range in
            range.map { frame.score(customers[$0].customer, previous: customers[$0].previous) }
        }.flatMap { $0 }
    }
}
