import Models
import ScoringAPI
import ScoringModel

/// Rule sets and assessments made by hand for the rule-set suites.
enum RuleSetFixture {
    static func score(_ comparison: Comparison, _ points: Double) -> Condition {
        Condition(metric: .valueScore, comparison: comparison, threshold: Threshold(number: points))
    }

    static func condition(_ metric: Metric, _ comparison: Comparison, _ number: Double) -> Condition {
        Condition(metric: metric, comparison: comparison, threshold: Threshold(number: number))
    }

    /// Diamond from 80, gold 60–80, standard 40–60, basic under 40.
    static let tierRules = [
        TierRule(ruleId: "diamond-by-score", tier: .diamond, conditions: [score(.atLeast, 80)]),
        TierRule(ruleId: "gold-by-score", tier: .gold, conditions: [score(.atLeast, 60), score(.lessThan, 80)]),
        TierRule(ruleId: "standard-by-score", tier: .standard, conditions: [score(.atLeast, 40), score(.lessThan, 60)]),
        TierRule(ruleId: "basic-by-score", tier: .basic, conditions: [score(.lessThan, 40)]),
    ]

    /// Top above 3× the average premium, middle 1–3×, base below 1×.
    static let layerRules = [
        LayerRule(ruleId: "top", layer: .top, conditions: [condition(.premiumContribution, .greaterThan, 3)]),
        LayerRule(ruleId: "middle", layer: .middle, conditions: [condition(.premiumContribution, .atLeast, 1),
                                                                 condition(.premiumContribution, .atMost, 3)]),
        LayerRule(ruleId: "base", layer: .base, conditions: [condition(.premiumContribution, .lessThan, 1)]),
    ]

    /// A small valid rule set: value = premium (linear to CNY 10,000) × 0.6 + renewal rate × 0.4; risk = fraud
    /// flags (one is all); loyalty = continuous tenure (to 120 months); potential when renewal ≥ 0.5 under 70
    /// points; hysteresis off.
    static func valid() -> RuleSet {
        RuleSet(
            ruleSetId: "hand", version: 2, lookbackMonths: 12,
            valueComponents: [
                WeightedComponent(metric: .annualisedPremium, weight: 0.6,
                                  normalisation: .linear(floor: Threshold(amount: fen(0)),
                                                         cap: Threshold(amount: fen(1_000_000)))),
                WeightedComponent(metric: .renewalRate, weight: 0.4, normalisation: .linear(floor: 0, cap: 1)),
            ],
            tierRules: tierRules,
            potentialRules: [FlagRule(ruleId: "renewing-below-70", conditions: [
                condition(.renewalRate, .atLeast, 0.5), score(.lessThan, 70),
            ], description: "renews half or more, under 70 points")],
            layerRules: layerRules,
            riskComponents: [WeightedComponent(metric: .fraudFlags, weight: 1,
                                               normalisation: .linear(floor: 0, cap: 1))],
            loyaltyComponents: [WeightedComponent(metric: .continuousTenureMonths, weight: 1,
                                                  normalisation: .linear(floor: 0, cap: 120))])
    }

    /// A rule set whose value score is the renewal rate × 100, for driving the score exactly.
    static func renewalScored(margin: Double = 0, minDays: Int32 = 0, tiers: [TierRule] = tierRules) -> RuleSet {
        var ruleSet = valid()
        ruleSet.valueComponents = [WeightedComponent(metric: .renewalRate, weight: 1,
                                                     normalisation: .linear(floor: 0, cap: 1))]
        ruleSet.tierRules = tiers
        ruleSet.hysteresis = Hysteresis(scoreMargin: margin, minDaysInTier: minDays)
        return ruleSet
    }

    /// An assessment made from the messages directly.
    static func assessment(premium: Int64 = 0, contribution: Double = 0, renewalRate: Double? = nil,
                           fraudFlags: Int32 = 0, continuousTenureMonths: Int32 = 0, vipSince: CalendarDate? = nil)
        -> CustomerAssessment {
        CustomerAssessment(
            customerCode: "H1",
            metrics: CustomerMetrics(annualisedPremium: fen(premium), premiumContribution: contribution,
                                     renewalRate: renewalRate, continuousTenureMonths: continuousTenureMonths),
            rfm: InsuranceRfm(), clv: ClvEstimate(clv: fen(0)),
            risk: RiskAssessment(fraudFlags: fraudFlags),
            loyalty: LoyaltyAssessment(continuousTenureMonths: continuousTenureMonths, vip: vipSince != nil,
                                       vipSince: vipSince),
            monthsSinceInteraction: nil)
    }

    static let book = BookStatistics(segmentation: PremiumSegmentation(),
                                     segmentAverages: SegmentAverages(currency: "CNY"), rfmBands: .defaults)

    /// A day as an instant: midnight UTC of the `n`th day after 2025-01-01.
    static func dayTime(_ n: Int64) -> Timestamp {
        Timestamp(unixMicros: (1_735_689_600 + n * 86_400) * 1_000_000)
    }
}
