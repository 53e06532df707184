public import Models
public import ScoringAPI

extension RuleSet {
    /// The metrics some scorecard normalises by percentile: their book distributions must be measured
    /// (`MetricDistributions(of:over:)`) before customers are evaluated.
    public var percentileMetrics: Set<Metric> {
        Set((valueComponents + riskComponents + loyaltyComponents)
            .filter { $0.normalisation.method == .percentile }.map(\.metric))
    }

    /// The RFM edges in use: per quantity, the rule set's four edges when it gives them, else the book's
    /// quintiles (`BookStatistics.rfmBands`). An empty list means "cut the book in fifths".
    public func rfmBands(book: RfmBands) -> RfmBands {
        RfmBands(
            renewalIntervalDaysEdges: rfm.renewalIntervalDaysEdges.count == 4
                ? rfm.renewalIntervalDaysEdges : book.renewalIntervalDaysEdges,
            policiesHeldEdges: rfm.policiesHeldEdges.count == 4 ? rfm.policiesHeldEdges : book.policiesHeldEdges,
            serviceDepthEdges: rfm.serviceDepthEdges.count == 4 ? rfm.serviceDepthEdges : book.serviceDepthEdges)
    }

    /// The CLV assumptions in use: the rule set's, or `ClvAssumptions.standard` when it leaves them unset
    /// (no horizon).
    public var clvAssumptions: ClvAssumptions {
        clv.horizonYears > 0 ? clv : .standard
    }
}

extension MetricSettings {
    /// Settings for scoring under `ruleSet`: its look-back (12 months when it leaves it 0).
    public init(asOf: CalendarDate, ruleSet: RuleSet, currency: String = "CNY", allowedCoverGapDays: Int = 0) {
        self.init(asOf: asOf, lookbackMonths: ruleSet.lookbackMonths > 0 ? Int(ruleSet.lookbackMonths) : 12,
                  currency: currency, allowedCoverGapDays: allowedCoverGapDays)
    }
}

extension CustomerAssessment {
    /// Assesses one customer under a rule set: its RFM edges (`RuleSet.rfmBands(book:)`), CLV assumptions,
    /// risk components and grades, loyalty components and VIP minimum.
    /// - Parameters:
    ///   - facts: the customer's facts.
    ///   - settings: made with `MetricSettings(asOf:ruleSet:)` for the rule set's look-back.
    ///   - book: the book's statistics, segmented by the rule set's `premiumSegmentBy`.
    ///   - ruleSet: the rules.
    ///   - mortality: the table `ruleSet.clv.mortalityTable` names.
    public init(facts: CustomerFacts, settings: MetricSettings, book: BookStatistics, ruleSet: RuleSet,
                mortality: MortalityTable = .cl2013NonAnnuityI) {
        self = MeasuredCustomer(facts: facts, settings: settings, segmentation: book.segmentation, ruleSet: ruleSet,
                                mortality: mortality)
            .assessed(against: book, ruleSet: ruleSet)
    }
}
