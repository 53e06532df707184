public import Models
public import ScoringAPI

extension Hysteresis {
    /// What hysteresis made of a customer's tier.
    public struct Outcome: Sendable, Hashable {
        /// The tier the customer holds after hysteresis.
        public var tier: CustomerTier
        /// Set when hysteresis kept the standing tier against the rules: rule id "hysteresis".
        public var fired: RuleFired?
    }

    /// Settles the tier: the rules' tier, unless the customer's standing tier is kept.
    ///
    /// Hysteresis applies only to a customer who already holds a tier that differs from the rules' tier:
    /// 1. `minDaysInTier`: the standing tier is kept while it has been held fewer whole days than this, except
    ///    when the rescore follows a rule-set activation (`trigger == .ruleSetActivated`).
    /// 2. `scoreMargin`: the standing tier is kept while one of its tier rules is missed by less than the margin
    ///    — in either direction, so a gold customer is kept both just under gold's floor and just over it. A
    ///    rule is missed by the largest `Condition.shortfall` of its conditions on the value score; its
    ///    conditions on any other metric must hold exactly. The proto gives the margin in value-score points
    ///    only, so a tier that is reached by premium, say, has no margin on premium: a customer whose premium
    ///    falls below a premium condition leaves at once. A missed-by of exactly the margin leaves. A standing
    ///    tier with no rule in the rule set is never kept by the margin.
    /// - Parameters:
    ///   - ruled: the tier the rules give now (unspecified when none holds).
    ///   - standing: the customer's tier before this rescore; nil for a first score.
    ///   - rules: the rule set's tier rules.
    ///   - valueScore: the customer's value score now.
    ///   - value: the customer's value of any other metric.
    ///   - now: when the rescore happens.
    ///   - trigger: why; rule-set activation lifts `minDaysInTier`.
    public func settle(ruled: CustomerTier, standing: TierStanding?, rules: [TierRule], valueScore: Double,
                       value: (Metric) -> MetricValue?, now: Timestamp, trigger: ScoreTrigger) -> Outcome {
        guard let standing, standing.tier != .unspecified, standing.tier != ruled else {
            return Outcome(tier: ruled, fired: nil)
        }
        let kept = standing.tier.shortName
        let days = standing.daysHeld(at: now)
        if minDaysInTier > 0, trigger != .ruleSetActivated, days < Int(minDaysInTier) {
            return Outcome(tier: standing.tier, fired: RuleFired(
                ruleId: "hysteresis", description: "no tier change within \(minDaysInTier) days of the last",
                effect: "kept \(kept) (\(days) of \(minDaysInTier) days in tier)"))
        }
        guard scoreMargin > 0 else { return Outcome(tier: ruled, fired: nil) }
        let near = rules.filter { $0.tier == standing.tier }
            .map { rule in (rule, Self.missedBy(rule, valueScore: valueScore, value: value)) }
            .min { $0.1 < $1.1 }
        guard let (rule, missed) = near, missed < scoreMargin else { return Outcome(tier: ruled, fired: nil) }
        return Outcome(tier: standing.tier, fired: RuleFired(
            ruleId: "hysteresis",
            description: "a tier is left only when its conditions are missed by \(Threshold.plain(scoreMargin)) "
                + "value score points or more",
            effect: "kept \(kept) (within margin: \(rule.ruleId) missed by \(Threshold.plain(missed)) < "
                + "\(Threshold.plain(scoreMargin)))"))
    }

    /// Value-score points by which `rule` is missed: the largest shortfall of its value-score conditions; 0 when
    /// it holds; infinite when a condition on another metric fails.
    static func missedBy(_ rule: TierRule, valueScore: Double, value: (Metric) -> MetricValue?) -> Double {
        rule.conditions.reduce(0) { worst, condition in
            if condition.metric == .valueScore { return max(worst, condition.shortfall(of: valueScore)) }
            return condition.holds(for: value(condition.metric)) ? worst : .infinity
        }
    }
}
