import Models
import ScoringAPI
import ScoringModel
import Testing

/// Tiers by value score (diamond 80, gold 60, standard 40); the value score is the renewal rate × 100, so each
/// case sets the score exactly (binary fractions: 0.59375 → 59.375).
@Suite struct HysteresisTests {
    private typealias F = RuleSetFixture

    /// Gold since day 0, standard before that.
    private static let gold = TierStanding(tier: .gold, since: F.dayTime(0), previousTier: .standard)

    private func evaluate(_ ruleSet: RuleSet, renewal: Double, premium: Int64 = 0, standing: TierStanding? = gold,
                          day: Int64 = 100, trigger: ScoreTrigger = .event) -> RuleSetEvaluation {
        RuleSetEvaluation(ruleSet: ruleSet, assessment: F.assessment(premium: premium, renewalRate: renewal),
                          book: F.book, standing: standing, now: F.dayTime(day), trigger: trigger)
    }

    @Test func justBelowTheFloorKeepsTheTier() {
        // 59.375: gold-by-score (≥ 60) is missed by 0.625 < 3 → stays gold; nothing changes on the card.
        let kept = evaluate(F.renewalScored(margin: 3), renewal: 0.59375)
        #expect(kept.scoreCard.value.tier == .gold)
        #expect(kept.tierChange == nil)
        #expect(kept.scoreCard.previousTier == .standard)
        #expect(kept.scoreCard.tierSince == F.dayTime(0))
        #expect(kept.scoreCard.explanation?.rulesFired.prefix(2) == [
            RuleFired(ruleId: "standard-by-score", effect: "tier STANDARD (hysteresis kept GOLD)"),
            RuleFired(ruleId: "hysteresis",
                      description: "a tier is left only when its conditions are missed by 3 value score points or more",
                      effect: "kept GOLD (within margin: gold-by-score missed by 0.625 < 3)"),
        ])
    }

    @Test func missingByTheMarginOrMoreLeaves() {
        // 56.25: missed by 3.75 ≥ 3 → standard. With a margin of exactly 3.75 it still leaves.
        for margin in [3.0, 3.75] {
            let left = evaluate(F.renewalScored(margin: margin), renewal: 0.5625)
            #expect(left.scoreCard.value.tier == .standard)
            #expect(left.scoreCard.previousTier == .gold)
            #expect(left.scoreCard.tierSince == F.dayTime(100))
            #expect(left.tierChange?.reason == "GOLD → STANDARD: standard-by-score holds (value_score ≥ 40, "
                + "value_score < 60); gold-by-score no longer holds (value_score ≥ 60: value_score 56.25)")
        }
    }

    @Test func justAboveTheCeilingKeepsTheTierToo() {
        // 81.25: diamond-by-score holds, but gold-by-score (< 80) is missed by only 1.25 → stays gold.
        let kept = evaluate(F.renewalScored(margin: 3), renewal: 0.8125)
        #expect(kept.scoreCard.value.tier == .gold)
        // Without a margin the customer moves up.
        #expect(evaluate(F.renewalScored(margin: 0), renewal: 0.8125).scoreCard.value.tier == .diamond)
    }

    @Test func aNewTierWaitsForTheMinimumDays() {
        // 25 points → basic by the rules; gold held 10 days of a 30-day minimum → kept.
        let ruleSet = F.renewalScored(minDays: 30)
        let early = evaluate(ruleSet, renewal: 0.25, day: 10)
        #expect(early.scoreCard.value.tier == .gold)
        #expect(early.scoreCard.explanation?.rulesFired.first { $0.ruleId == "hysteresis" }?.effect
            == "kept GOLD (10 of 30 days in tier)")
        // On day 30 the change is allowed; so it is on day 10 when a rule set was just activated.
        #expect(evaluate(ruleSet, renewal: 0.25, day: 30).scoreCard.value.tier == .basic)
        #expect(evaluate(ruleSet, renewal: 0.25, day: 10, trigger: .ruleSetActivated).scoreCard.value.tier == .basic)
    }

    @Test func theMarginIsInValueScorePointsOnly() {
        // Gold by premium alone: CNY 9,999.99 misses CNY 10,000 and leaves at once, whatever the margin, since the
        // margin is in value score points and says nothing about premium.
        let byPremium = [
            TierRule(ruleId: "gold-by-premium", tier: .gold, conditions: [
                premium(.atLeast, 1_000_000),
            ]),
            TierRule(ruleId: "standard-by-premium", tier: .standard, conditions: [
                premium(.lessThan, 1_000_000),
            ]),
        ]
        let left = evaluate(F.renewalScored(margin: 50, tiers: byPremium), renewal: 0.9, premium: 999_999)
        #expect(left.scoreCard.value.tier == .standard)
        // Premium and score: with the premium condition holding, 59.375 against ≥ 60 is within the margin.
        let mixed = [
            TierRule(ruleId: "gold-by-both", tier: .gold, conditions: [
                premium(.atLeast, 1_000_000),
                F.score(.atLeast, 60),
            ]),
        ] + F.tierRules.filter { $0.tier != .gold }
        #expect(evaluate(F.renewalScored(margin: 3, tiers: mixed), renewal: 0.59375, premium: 1_000_000)
            .scoreCard.value.tier == .gold)
        #expect(evaluate(F.renewalScored(margin: 3, tiers: mixed), renewal: 0.59375, premium: 999_999)
            .scoreCard.value.tier == .standard)
    }

    private func premium(_ comparison: Comparison, _ fen: Int64) -> Condition {
        Condition(metric: .annualisedPremium, comparison: comparison,
                  threshold: Threshold(amount: Money(minorUnits: fen, currency: "CNY")))
    }

    @Test func aFirstScoreHasNoHysteresis() {
        let first = evaluate(F.renewalScored(margin: 3, minDays: 30), renewal: 0.59375, standing: nil)
        #expect(first.scoreCard.value.tier == .standard)
        #expect(first.tierChange?.from == .unspecified)
    }
}
