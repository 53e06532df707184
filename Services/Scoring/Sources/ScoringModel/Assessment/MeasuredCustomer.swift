import Models
public import ScoringAPI

/// One customer measured from their facts alone, before the book's statistics are known. A full rescore reads the
/// book once: it keeps every customer so measured, measures the book from them (`BookMeasurement.add(_:)`), and
/// then assesses each against the book (`assessed(against:ruleSet:)`) without reading the facts again.
/// `CustomerAssessment(facts:settings:book:…)` is the two steps in one, so both ways give the same assessment.
public struct MeasuredCustomer: Sendable {
    /// The assessment but for what the book gives: premium contribution and the segment's average (0), the RFM
    /// bands (0), and the risk and loyalty scores (unscored).
    public let partial: CustomerAssessment
    /// R of RFM, absent when the customer never bought (`CustomerFacts.renewalIntervalDays(asOf:)`); the RFM
    /// message reads 0 days either way.
    public let renewalIntervalDays: Int?

    public var customerCode: String { partial.customerCode }

    /// Measures `facts`; the segment is the one `segmentation` gives, the VIP minimum `loyaltyModel`'s.
    public init(facts: CustomerFacts, settings: MetricSettings, segmentation: PremiumSegmentation,
                clvAssumptions: ClvAssumptions = .standard, mortality: MortalityTable = .cl2013NonAnnuityI,
                loyaltyModel: LoyaltyModel = .standard) {
        let metrics = CustomerMetrics(facts: facts, settings: settings, segmentation: segmentation)
        renewalIntervalDays = facts.renewalIntervalDays(asOf: settings.asOf)
        // F and M of RFM are the policy count and service depth the metrics measured.
        let rfm = InsuranceRfm(renewalIntervalDays: Int32(renewalIntervalDays ?? 0), renewalBand: 0,
                               policiesHeld: metrics.policyCount, policiesBand: 0,
                               serviceUsageDepth: metrics.serviceUsageDepth, serviceBand: 0, code: "")
        partial = CustomerAssessment(
            customerCode: facts.customerCode, metrics: metrics, rfm: rfm,
            clv: ClvEstimate(facts: facts, asOf: settings.asOf, currency: settings.currency,
                             assumptions: clvAssumptions, mortality: mortality),
            risk: RiskAssessment(measuring: facts, settings: settings),
            loyalty: LoyaltyAssessment(measuring: facts, settings: settings, model: loyaltyModel),
            monthsSinceInteraction: facts.monthsSinceInteraction(asOf: settings.asOf))
    }

    /// Measures `facts` under a rule set: its CLV assumptions and VIP minimum, in the segments `segmentation`
    /// gives (the book's, measured under the rule set's `premiumSegmentBy`).
    /// - Parameter mortality: the table `ruleSet.clv.mortalityTable` names.
    public init(facts: CustomerFacts, settings: MetricSettings, segmentation: PremiumSegmentation, ruleSet: RuleSet,
                mortality: MortalityTable = .cl2013NonAnnuityI) {
        self.init(facts: facts, settings: settings, segmentation: segmentation,
                  clvAssumptions: ruleSet.clvAssumptions, mortality: mortality,
                  loyaltyModel: LoyaltyModel(ruleSet: ruleSet))
    }

    /// The customer's assessment against the book: premium contribution from its segment averages, RFM bands
    /// from its edges, then the risk score (its components may name any metric) and the loyalty score (any metric,
    /// risk's included), percentiles from its distributions.
    public func assessed(against book: BookStatistics, riskModel: RiskModel = .standard,
                         loyaltyModel: LoyaltyModel = .standard) -> CustomerAssessment {
        var assessment = partial
        assessment.metrics.compare(against: book.segmentAverages)
        assessment.rfm = InsuranceRfm(renewalIntervalDays: renewalIntervalDays,
                                      policiesHeld: Int(partial.rfm.policiesHeld),
                                      serviceUsageDepth: Int(partial.rfm.serviceUsageDepth), bands: book.rfmBands)
        let known = assessment
        let others: (Metric) -> MetricValue? = { known.valueBeforeScores(of: $0) }
        assessment.risk.score(model: riskModel, book: book.distributions, otherMetrics: others)
        let risk = assessment.risk
        assessment.loyalty.score(model: loyaltyModel, book: book.distributions) { others($0) ?? risk.value(of: $0) }
        return assessment
    }

    /// The customer's assessment against the book under a rule set: its RFM edges where it gives them
    /// (`RuleSet.rfmBands(book:)`), its risk and loyalty components.
    public func assessed(against book: BookStatistics, ruleSet: RuleSet) -> CustomerAssessment {
        var book = book
        book.rfmBands = ruleSet.rfmBands(book: book.rfmBands)
        return assessed(against: book, riskModel: RiskModel(ruleSet: ruleSet),
                        loyaltyModel: LoyaltyModel(ruleSet: ruleSet))
    }
}
