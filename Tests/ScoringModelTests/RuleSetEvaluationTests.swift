import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct RuleSetEvaluationTests {
    private typealias F = RuleSetFixture

    /// Premium CNY 7,500 (2.5× the average), renewal rate 0.5, no fraud flag, 60 months of continuous cover, VIP.
    private static let evaluation = RuleSetEvaluation(
        ruleSet: F.valid(),
        assessment: F.assessment(premium: 750_000, contribution: 2.5, renewalRate: 0.5, continuousTenureMonths: 60,
                                 vipSince: day("2020-03-01")),
        book: F.book, standing: nil, now: F.dayTime(0), trigger: .event)

    @Test func componentsAreNormalisedWeightedAndAdded() {
        // premium: (750,000 − 0) / (1,000,000 − 0) = 0.75, × 0.6 × 100 = 45; renewal 0.5 × 0.4 × 100 = 20.
        // Risk: fraud flags 0 → 0. Loyalty: 60 / 120 = 0.5 × 1 × 100 = 50.
        let components = Self.evaluation.scoreCard.explanation?.components ?? []
        let expected: [(String, Metric, Threshold, Double, Double, Double)] = [
            ("value", .annualisedPremium, Threshold(amount: fen(750_000)), 0.75, 0.6, 45),
            ("value", .renewalRate, Threshold(number: 0.5), 0.5, 0.4, 20),
            ("risk", .fraudFlags, Threshold(number: 0), 0, 1, 0),
            ("loyalty", .continuousTenureMonths, Threshold(number: 60), 0.5, 1, 50),
        ]
        #expect(components.count == expected.count)
        for (component, want) in zip(components, expected) {
            #expect(component.scorecard == want.0)
            #expect(component.metric == want.1)
            #expect(component.rawValue == want.2)
            #expect(component.normalised == want.3)
            #expect(component.weight == want.4)
            #expect(abs(component.contribution - want.5) < 1e-9)
        }
        #expect(abs(Self.evaluation.scoreCard.value.valueScore - 65) < 1e-9)
    }

    @Test func theVerdictFollowsTheRules() {
        // 65 → gold (60 ≤ 65 < 80); renewal 0.5 ≥ 0.5 and 65 < 70 → potential; 2.5× → middle; risk 0 → A.
        let value = Self.evaluation.scoreCard.value
        #expect(value.customerCode == "H1")
        #expect(value.tier == .gold)
        #expect(value.potential)
        #expect(value.layer == .middle)
        #expect(value.riskGrade == .a)
        #expect(value.loyaltyScore == 50)
        #expect(value.vip)
        #expect(value.annualisedPremium == fen(750_000))
        #expect(value.ruleSetId == "hand")
        #expect(value.ruleSetVersion == 2)
        #expect(value.scoredAt == F.dayTime(0))
    }

    @Test func everyRuleThatFiredIsExplained() {
        #expect(Self.evaluation.scoreCard.explanation?.rulesFired == [
            RuleFired(ruleId: "gold-by-score", description: "", effect: "tier GOLD"),
            RuleFired(ruleId: "renewing-below-70", description: "renews half or more, under 70 points",
                      effect: "potential"),
            RuleFired(ruleId: "middle", description: "", effect: "layer MIDDLE"),
            RuleFired(ruleId: "vip", description: "continuous tenure of 60 months or more",
                      effect: "VIP since 2020-03-01"),
        ])
        #expect(Self.evaluation.scoreCard.explanation?.summary
            == "Value score 65. Tier GOLD by gold-by-score. Potential by renewing-below-70. Layer MIDDLE. "
            + "Risk grade A (risk score 0); loyalty 50; VIP.")
    }

    @Test func aFirstTierIsAChange() {
        #expect(Self.evaluation.tierChange == RuleSetEvaluation.TierChange(
            from: .unspecified, to: .gold,
            reason: "first tier GOLD: gold-by-score holds (value_score ≥ 60, value_score < 80)"))
        #expect(Self.evaluation.scoreCard.previousTier == .unspecified)
        #expect(Self.evaluation.scoreCard.tierSince == F.dayTime(0))
    }

    @Test func riskIsGradedByTheRuleSetsBands() {
        // One fraud flag: 1 × 1 × 100 = 100 → E under the default bands; under bands A 0, C 50 → C.
        var ruleSet = F.valid()
        let flagged = F.assessment(fraudFlags: 1)
        let standard = RuleSetEvaluation(ruleSet: ruleSet, assessment: flagged, book: F.book, standing: nil,
                                         now: F.dayTime(0), trigger: .event)
        #expect(standard.scoreCard.risk.riskScore == 100)
        #expect(standard.scoreCard.value.riskGrade == .e)
        ruleSet.riskGrades = [RiskGradeBand(grade: .a, minRiskScore: 0), RiskGradeBand(grade: .c, minRiskScore: 50)]
        let banded = RuleSetEvaluation(ruleSet: ruleSet, assessment: flagged, book: F.book, standing: nil,
                                       now: F.dayTime(0), trigger: .event)
        #expect(banded.scoreCard.risk.grade == .c)
    }

    @Test func aGapLeavesTheTierUnspecifiedAndAnOverlapTakesTheHigher() {
        // Renewal 0.5 → 50 points. Without a standard rule nothing holds; with gold from 45 as well, both hold.
        let assessment = F.assessment(renewalRate: 0.5)
        let gap = RuleSetEvaluation(ruleSet: F.renewalScored(tiers: F.tierRules.filter { $0.tier != .standard }),
                                    assessment: assessment, book: F.book, standing: nil, now: F.dayTime(0),
                                    trigger: .event)
        #expect(gap.scoreCard.value.tier == .unspecified)
        #expect(gap.scoreCard.explanation?.summary.contains("No tier rule holds.") == true)
        let wide = F.tierRules + [TierRule(ruleId: "gold-wide", tier: .gold, conditions: [F.score(.atLeast, 45)])]
        let overlap = RuleSetEvaluation(ruleSet: F.renewalScored(tiers: wide), assessment: assessment, book: F.book,
                                        standing: nil, now: F.dayTime(0), trigger: .event)
        #expect(overlap.scoreCard.value.tier == .gold)
        #expect(overlap.scoreCard.explanation?.rulesFired.prefix(2) == [
            RuleFired(ruleId: "standard-by-score", effect: "tier STANDARD (a higher tier also holds)"),
            RuleFired(ruleId: "gold-wide", effect: "tier GOLD"),
        ])
    }

    @Test func anAssessmentUnderARuleSetUsesItsSettings() {
        // C1 (see Fixture) under a rule set with its own RFM edges, VIP minimum and risk components:
        // R 130 days ≥ all of 10, 20, 30, 40 → band 1; F 2 policies < 3 → band 1;
        // M 2 services ≥ 0, 1, 2 → band 4.
        // 123 months of continuous cover < 200 → not VIP. One fraud flag → risk 100.
        var ruleSet = F.valid()
        ruleSet.rfm = RfmBands(renewalIntervalDaysEdges: [10, 20, 30, 40], policiesHeldEdges: [3, 4, 5, 6],
                               serviceDepthEdges: [0, 1, 2, 3])
        ruleSet.vipMinContinuousTenureMonths = 200
        let settings = MetricSettings(asOf: Fixture.asOf, ruleSet: ruleSet)
        let assessment = CustomerAssessment(facts: Fixture.customer(), settings: settings, book: F.book,
                                            ruleSet: ruleSet)
        #expect(settings.lookbackMonths == 12)
        #expect(assessment.rfm.code == "114")
        #expect(!assessment.loyalty.vip)
        #expect(assessment.risk.riskScore == 100)
        #expect(ruleSet.percentileMetrics.isEmpty)
    }
}
