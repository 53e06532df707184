import Models
import ScoringAPI

// Fully populated values: every field set to a value other than its default, every optional present; a oneof
// with several members has one sample per member.

extension Threshold {
    static let sample = Threshold(number: 80)
    static let sampleAmount = Threshold(amount: Money(minorUnits: 1_000_000, currency: "CNY"))
}

extension Condition {
    /// Value score ≥ 80.
    static let sample = Condition(metric: .valueScore, comparison: .atLeast, threshold: .sample)
    /// Annualised premium ≥ ¥10 000.
    static let samplePremium = Condition(metric: .annualisedPremium, comparison: .atLeast, threshold: .sampleAmount)
}

extension Normalisation {
    static let sample = Normalisation(method: .log,
        floor: Threshold(amount: Money(minorUnits: 100_000, currency: "CNY")),
        cap: Threshold(amount: Money(minorUnits: 20_000_000, currency: "CNY")),
        bandEdges: [Threshold(number: 0.5), Threshold(number: 1.5)], lowerIsBetter: true)
}

extension WeightedComponent {
    static let sample = WeightedComponent(metric: .annualisedPremium, weight: 0.35, normalisation: .sample)
}

extension TierRule {
    static let sample = TierRule(ruleId: "gold-by-premium", tier: .gold, conditions: [.sample, .samplePremium],
        description: "年缴保费 ≥ 10 000 and value score ≥ 80")
}

extension FlagRule {
    static let sample = FlagRule(ruleId: "potential-young-family",
        conditions: [Condition(metric: .tenureMonths, comparison: .lessThan, threshold: Threshold(number: 24)),
                     Condition(metric: .productLineCount, comparison: .greaterThan, threshold: Threshold(number: 1))],
        description: "新客户, several lines already")
}

extension LayerRule {
    static let sample = LayerRule(ruleId: "top-by-tier", layer: .top,
        conditions: [Condition(metric: .tier, comparison: .atLeast, threshold: Threshold(number: 3)),
                     Condition(metric: .riskScore, comparison: .atMost, threshold: Threshold(number: 60))],
        description: "gold or diamond, risk at most 60")
}

extension RiskGradeBand {
    static let sample = RiskGradeBand(grade: .d, minRiskScore: 70)
}

extension RfmBands {
    static let sample = RfmBands(renewalIntervalDaysEdges: [30, 90, 180, 365], policiesHeldEdges: [1, 2, 3, 5],
        serviceDepthEdges: [1, 2, 4, 6])
}

extension LapseRate {
    static let sample = LapseRate(productLine: .health, annualRate: 0.08)
}

extension MarginRate {
    static let sample = MarginRate(productLine: .life, rate: 0.12)
}

extension ClvAssumptions {
    static let sample = ClvAssumptions(mortalityTable: "CL2013-non-annuity 中国人身保险业经验生命表",
        discountRate: 0.03,
        lapseRates: [.sample, LapseRate(productLine: .auto, annualRate: 0.25)], horizonYears: 30,
        marginRates: [.sample, MarginRate(productLine: .property, rate: 0.07)], defaultMarginRate: 0.05)
}

extension Hysteresis {
    static let sample = Hysteresis(scoreMargin: 2.5, minDaysInTier: 90)
}

extension RuleSetRef {
    static let sample = RuleSetRef(ruleSetId: "book-2025", version: 3)
}

extension RuleSet {
    static let sample = RuleSet(ruleSetId: "book-2025", version: 3, status: .retired,
        description: "2025 book: premium-led tiers", fromTemplate: .life, lookbackMonths: 24,
        premiumSegmentBy: [.productLine, .province], valueComponents: [.sample, .sample],
        tierRules: [.sample, TierRule(ruleId: "basic-otherwise", tier: .basic, conditions: [.sample],
                                      description: "the rest")],
        potentialRules: [.sample, .sample], layerRules: [.sample, .sample],
        riskComponents: [WeightedComponent(metric: .claimsRatio, weight: 0.6, normalisation: .sample), .sample],
        riskGrades: [.sample, RiskGradeBand(grade: .a, minRiskScore: 0.5)],
        loyaltyComponents: [WeightedComponent(metric: .continuousTenureMonths, weight: 1, normalisation: .sample),
                            .sample],
        vipMinContinuousTenureMonths: 60, rfm: .sample, clv: .sample, hysteresis: .sample, createdBy: "analyst-王五",
        createdAt: SampleBook.savedAt, comment: "raised the gold bar", activatedBy: "risk-赵六",
        activatedAt: Timestamp(unixMicros: 1_735_776_000_000_000), retiredAt: SampleBook.scoredAt)
}

extension RuleProblem {
    static let sample = RuleProblem(kind: .overlap, severity: .error,
        message: "gold-by-premium and diamond-by-clv both hold", ruleIds: ["gold-by-premium", "diamond-by-clv"],
        example: "value_score=72")
}
