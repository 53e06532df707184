import Models
import ScoringAPI
import ScoringModel
import Testing

/// One test per kind of problem; each starts from the valid hand-made rule set and breaks one thing. The
/// expected problems are written out in full.
@Suite struct RuleSetValidationTests {
    private typealias F = RuleSetFixture

    private func problems(_ change: (inout RuleSet) -> Void) -> [RuleProblem] {
        var ruleSet = F.valid()
        change(&ruleSet)
        return RuleSetValidation(ruleSet).problems
    }

    private func tiers(_ rules: TierRule...) -> (inout RuleSet) -> Void {
        { $0.tierRules = rules }
    }

    @Test func theHandMadeRuleSetIsValid() {
        let validation = RuleSetValidation(F.valid())
        #expect(validation.problems == [])
        #expect(validation.isValid)
    }

    @Test func overlap() {
        // Gold from 60 with no ceiling meets diamond from 80: value_score 80 is the lowest point of both.
        let found = problems(tiers(
            TierRule(ruleId: "diamond-by-score", tier: .diamond, conditions: [F.score(.atLeast, 80)]),
            TierRule(ruleId: "gold-open", tier: .gold, conditions: [F.score(.atLeast, 60)]),
            F.tierRules[2], F.tierRules[3]))
        #expect(found == [RuleProblem(
            kind: .overlap, severity: .error,
            message: "Tier rules diamond-by-score (DIAMOND) and gold-open (GOLD) both hold where value_score=80: "
                + "every customer must get exactly one tier; tighten one of them so they no longer meet.",
            ruleIds: ["diamond-by-score", "gold-open"], example: "value_score=80")])
    }

    @Test func contradiction() {
        // A second gold rule that asks for ≥ 80 and < 60 at once; a potential rule asking for a score below 0.
        let found = problems {
            $0.tierRules.append(TierRule(ruleId: "gold-broken", tier: .gold,
                                         conditions: [F.score(.atLeast, 80), F.score(.lessThan, 60)]))
            $0.potentialRules.append(FlagRule(ruleId: "below-zero", conditions: [F.score(.lessThan, 0)]))
        }
        #expect(found == [
            RuleProblem(kind: .contradiction, severity: .error,
                        message: "Tier rule gold-broken can never hold: value_score ≥ 80 and value_score < 60 "
                            + "exclude each other; correct or remove the conditions.", ruleIds: ["gold-broken"]),
            RuleProblem(kind: .contradiction, severity: .error,
                        message: "Potential rule below-zero can never hold: value_score < 0 never holds: "
                            + "value_score is 0–100; correct or remove the conditions.", ruleIds: ["below-zero"]),
        ])
    }

    @Test func gapBetweenTwoBands() {
        // Standard stops at 55, gold starts at 60: 55 ≤ score < 60 gets no tier. At 55, standard misses < 55 by
        // 0 points and gold misses ≥ 60 by 5: the two nearest. The open stretch 55–60 has the same two.
        let standardNarrow = TierRule(ruleId: "standard-narrow", tier: .standard,
                                      conditions: [F.score(.atLeast, 40), F.score(.lessThan, 55)])
        let found = problems(tiers(F.tierRules[0], F.tierRules[1], standardNarrow, F.tierRules[3]))
        #expect(found == [RuleProblem(
            kind: .gap, severity: .error,
            message: "No tier rule holds where value_score=55: such customers get no tier. Nearest: standard-narrow "
                + "needs value_score < 55; gold-by-score needs value_score ≥ 60. Widen a rule or add one for them.",
            ruleIds: ["standard-narrow", "gold-by-score"], example: "value_score=55")])
    }

    @Test func gapForCustomersWithoutAValue() {
        // Under 60 points the tier depends on the renewal rate: a customer with nothing due has none, and no
        // condition holds for an absent value.
        let found = problems(tiers(
            F.tierRules[0], F.tierRules[1],
            TierRule(ruleId: "standard-by-renewal", tier: .standard,
                     conditions: [F.score(.lessThan, 60), F.condition(.renewalRate, .atLeast, 0.5)]),
            TierRule(ruleId: "basic-by-renewal", tier: .basic,
                     conditions: [F.score(.lessThan, 60), F.condition(.renewalRate, .lessThan, 0.5)])))
        #expect(found == [RuleProblem(
            kind: .gap, severity: .error,
            message: "No tier rule holds where value_score=0, renewal_rate=absent: such customers get no tier. "
                + "Nearest: standard-by-renewal needs renewal_rate ≥ 0.5; basic-by-renewal needs renewal_rate < 0.5. "
                + "Widen a rule or add one for them.",
            ruleIds: ["standard-by-renewal", "basic-by-renewal"], example: "value_score=0, renewal_rate=absent")])
    }

    @Test func unreachableTier() {
        // Diamond's only rule cannot hold (an error); no rule gives basic (a warning: fewer tiers are allowed).
        let found = problems(tiers(
            TierRule(ruleId: "diamond-by-score", tier: .diamond,
                     conditions: [F.score(.atLeast, 80), F.score(.lessThan, 70)]),
            TierRule(ruleId: "gold-by-score", tier: .gold, conditions: [F.score(.atLeast, 60)]),
            TierRule(ruleId: "standard-by-score", tier: .standard, conditions: [F.score(.lessThan, 60)])))
        let warning = RuleProblem(
            kind: .unreachableTier, severity: .warning,
            message: "No tier rule gives BASIC: no customer can reach it; add a rule if the tier is meant to be used.")
        #expect(found == [
            RuleProblem(kind: .contradiction, severity: .error,
                        message: "Tier rule diamond-by-score can never hold: value_score ≥ 80 and value_score < 70 "
                            + "exclude each other; correct or remove the conditions.", ruleIds: ["diamond-by-score"]),
            RuleProblem(kind: .unreachableTier, severity: .error,
                        message: "DIAMOND can never be reached: none of its rules (diamond-by-score) can hold; correct "
                            + "their conditions.", ruleIds: ["diamond-by-score"]),
            warning,
        ])
        // The warning alone does not block activation.
        let fewerTiers = RuleSetValidation({
            var ruleSet = F.valid()
            ruleSet.tierRules = [F.tierRules[0], F.tierRules[1],
                                 TierRule(ruleId: "standard-below-60", tier: .standard,
                                          conditions: [F.score(.lessThan, 60)])]
            return ruleSet
        }())
        #expect(fewerTiers.problems == [warning])
        #expect(fewerTiers.isValid)
    }

    @Test func weightsNotOne() {
        // Value 0.5 + 0.4 = 0.9; risk 1.2 and −0.2 add up to 1 but each is outside 0–1; loyalty has none.
        let found = problems {
            $0.valueComponents[0].weight = 0.5
            $0.riskComponents = [
                WeightedComponent(metric: .fraudFlags, weight: 1.2, normalisation: .linear(floor: 0, cap: 1)),
                WeightedComponent(metric: .occupationClass, weight: -0.2, normalisation: .linear(floor: 1, cap: 6)),
            ]
            $0.loyaltyComponents = []
        }
        #expect(found == [
            RuleProblem(kind: .weightsNotOne, severity: .error,
                        message: "The value components' weights add up to 0.9, not 1 (annualised_premium 0.5, "
                            + "renewal_rate 0.4); adjust them.", ruleIds: ["value_components"]),
            RuleProblem(kind: .weightsNotOne, severity: .error,
                        message: "The risk component fraud_flags weighs 1.2; a weight is 0–1.",
                        ruleIds: ["risk_components"]),
            RuleProblem(kind: .weightsNotOne, severity: .error,
                        message: "The risk component occupation_class weighs -0.2; a weight is 0–1.",
                        ruleIds: ["risk_components"]),
            RuleProblem(kind: .weightsNotOne, severity: .error,
                        message: "The loyalty scorecard has no components; give it components weighing 1 in all.",
                        ruleIds: ["loyalty_components"]),
        ])
    }

    @Test func invalidThreshold() {
        let found = problems {
            $0.rfm.policiesHeldEdges = [1, 2, 3]
            $0.riskGrades = [RiskGradeBand(grade: .a, minRiskScore: 0), RiskGradeBand(grade: .b, minRiskScore: 120)]
            $0.valueComponents[1].normalisation = .linear(floor: 1, cap: 0)
            $0.potentialRules.append(FlagRule(ruleId: "bad-thresholds", conditions: [
                F.condition(.renewalRate, .atLeast, 1.5), F.condition(.annualisedPremium, .atLeast, 10_000),
            ]))
        }
        #expect(found == [
            RuleProblem(kind: .invalidThreshold, severity: .error,
                        message: "The RFM policies held edges (1, 2, 3) must be four ascending numbers from 0, or none "
                            + "to cut the book in fifths.", ruleIds: ["rfm"]),
            RuleProblem(kind: .invalidThreshold, severity: .error,
                        message: "Risk grade B starts at 120; risk scores are 0–100.", ruleIds: ["risk_grades"]),
            RuleProblem(kind: .invalidThreshold, severity: .error,
                        message: "The value component renewal_rate: the floor (1) is not below the cap (0).",
                        ruleIds: ["value_components"]),
            RuleProblem(kind: .invalidThreshold, severity: .error,
                        message: "Potential rule bad-thresholds: renewal_rate ≥ 1.5: the threshold is outside the "
                            + "metric's range (renewal_rate is 0–1 or absent).", ruleIds: ["bad-thresholds"]),
            RuleProblem(kind: .invalidThreshold, severity: .error,
                        message: "Potential rule bad-thresholds: annualised_premium ≥ 10000: annualised_premium is "
                            + "money: give the threshold as an amount.", ruleIds: ["bad-thresholds"]),
        ])
    }

    @Test func invalidAssumption() {
        let found = problems {
            $0.lookbackMonths = 200
            $0.hysteresis.minDaysInTier = -1
            $0.clv = ClvAssumptions(mortalityTable: "CL1990", discountRate: -0.01,
                                    lapseRates: [LapseRate(productLine: .life, annualRate: 1.2)], horizonYears: 0)
        }
        let clv = { (message: String) in
            RuleProblem(kind: .invalidAssumption, severity: .error, message: "CLV assumptions: " + message,
                        ruleIds: ["clv"])
        }
        #expect(found == [
            RuleProblem(kind: .invalidAssumption, severity: .error,
                        message: "The look-back is 200 months; it must be 1–120.", ruleIds: ["lookback_months"]),
            RuleProblem(kind: .invalidAssumption, severity: .error,
                        message: "Hysteresis: the score margin (0) must be 0–100 value score points and the minimum "
                            + "days in tier (-1) not negative.", ruleIds: ["hysteresis"]),
            clv("the mortality table \"CL1990\" is not known (known: CL2013-non-annuity-I)."),
            clv("the discount rate -0.01 is not 0–1."),
            clv("the horizon of 0 years is not 1–100."),
            clv("the lapse rate of LIFE (1.2) is not 0–1."),
        ])
    }

    @Test func other() {
        let found = problems {
            $0.premiumSegmentBy = [.unspecified]
            $0.riskGrades = [RiskGradeBand(grade: .a, minRiskScore: 0), RiskGradeBand(grade: .a, minRiskScore: 50)]
            $0.valueComponents[1].metric = .valueScore
            $0.potentialRules.append(FlagRule(ruleId: "gold-by-score",
                                              conditions: [F.condition(.renewalRate, .atLeast, 0.9)]))
        }
        #expect(found == [
            RuleProblem(kind: .other, severity: .error,
                        message: "The premium segments name an unspecified dimension; remove it or choose product "
                            + "line, province, age band or party kind.", ruleIds: ["premium_segment_by"]),
            RuleProblem(kind: .other, severity: .error,
                        message: "Risk grade bands must each name a different grade and start at a different score.",
                        ruleIds: ["risk_grades"]),
            RuleProblem(kind: .other, severity: .error,
                        message: "The value component value_score weighs a result of scoring, not a measured metric; "
                            + "choose another metric.", ruleIds: ["value_components"]),
            RuleProblem(kind: .other, severity: .error,
                        message: "Rule id gold-by-score is used by 2 rules; rule ids must be unique within the rule "
                            + "set.",
                        ruleIds: ["gold-by-score"]),
        ])
    }

    @Test func layersMustCoverTheBookOnce() {
        // Middle from 1 to 3 inclusive and top from 3: both hold at 3×; base stops at 0.5, leaving 0.5–1.
        let found = problems {
            $0.layerRules = [
                LayerRule(ruleId: "top", layer: .top, conditions: [F.condition(.premiumContribution, .atLeast, 3)]),
                F.layerRules[1],
                LayerRule(ruleId: "base", layer: .base,
                          conditions: [F.condition(.premiumContribution, .lessThan, 0.5)]),
            ]
        }
        #expect(found == [
            RuleProblem(kind: .overlap, severity: .error,
                        message: "Layer rules top (TOP) and middle (MIDDLE) both hold where premium_contribution=3: "
                            + "every customer must get exactly one layer; tighten one of them so they no longer meet.",
                        ruleIds: ["top", "middle"], example: "premium_contribution=3"),
            RuleProblem(kind: .gap, severity: .error,
                        message: "No layer rule holds where premium_contribution=0.5: such customers get no layer. "
                            + "Nearest: base needs premium_contribution < 0.5; middle needs premium_contribution "
                            + "≥ 1. Widen a rule or add one for them.",
                        ruleIds: ["base", "middle"], example: "premium_contribution=0.5"),
        ])
    }
}
