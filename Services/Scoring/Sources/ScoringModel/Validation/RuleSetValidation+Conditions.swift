import Models
import ScoringAPI

extension RuleSetValidation {
    /// Rule ids, the tier or layer each rule gives, and every condition of every tier, layer and potential rule.
    static func ruleProblems(_ ruleSet: RuleSet) -> [RuleProblem] {
        let rules: [(id: String, kind: String, conditions: [Condition])] =
            ruleSet.tierRules.map { ($0.ruleId, "tier", $0.conditions) }
            + ruleSet.layerRules.map { ($0.ruleId, "layer", $0.conditions) }
            + ruleSet.potentialRules.map { ($0.ruleId, "potential", $0.conditions) }
        var problems: [RuleProblem] = []
        var counts: [String: Int] = [:]
        for rule in rules { counts[rule.id, default: 0] += 1 }
        for id in counts.keys.sorted() where counts[id, default: 0] > 1 && !id.isEmpty {
            problems.append(.error(.other, "Rule id \(id) is used by \(counts[id, default: 0]) rules; rule ids must be "
                + "unique within the rule set.", rules: [id]))
        }
        for rule in rules where rule.id.isEmpty {
            problems.append(.error(.other, "A \(rule.kind) rule has no rule id; give it one.", rules: []))
        }
        for rule in ruleSet.tierRules where rule.tier == .unspecified {
            problems.append(.error(.other, "Tier rule \(rule.ruleId) gives no tier; set its tier.",
                                   rules: [rule.ruleId]))
        }
        for rule in ruleSet.layerRules where rule.layer == .unspecified {
            problems.append(.error(.other, "Layer rule \(rule.ruleId) gives no layer; set its layer.",
                                   rules: [rule.ruleId]))
        }
        for rule in rules {
            for condition in rule.conditions {
                problems += conditionProblems(condition, rule: rule.id, kind: rule.kind)
            }
        }
        return problems
    }

    /// A condition names a metric and a comparison, and a threshold of the metric's kind inside its range;
    /// a tier condition does not test the tier.
    static func conditionProblems(_ condition: Condition, rule: String, kind: String) -> [RuleProblem] {
        let place = "\(title(kind)) rule \(rule)"
        guard condition.metric != .unspecified else {
            return [.error(.other, "\(place) has a condition without a metric; choose the metric it tests.",
                           rules: [rule])]
        }
        var problems: [RuleProblem] = []
        if condition.comparison == .unspecified {
            problems.append(.error(.other, "\(place): the condition on \(condition.metric.shortName) has no "
                + "comparison; choose one (<, ≤, =, ≥, >, ≠).", rules: [rule]))
        }
        if kind == "tier" && condition.metric == .tier {
            problems.append(.error(.other, "\(place) tests the tier itself; tier rules decide the tier and cannot "
                + "test it.", rules: [rule]))
        }
        if let message = thresholdProblem(condition.threshold, metric: condition.metric) {
            problems.append(.error(.invalidThreshold, "\(place): \(condition.text): \(message).", rules: [rule]))
        }
        return problems
    }

    /// What is wrong with a bound on `metric`, if anything: unset, both forms set, of the wrong kind, or outside
    /// the metric's range.
    static func thresholdProblem(_ threshold: Threshold, metric: Metric) -> String? {
        guard let numeric = threshold.numeric else { return "the threshold is not set" }
        if threshold.number != nil && threshold.amount != nil {
            return "the threshold sets both a number and an amount; set one"
        }
        if metric.isMoney && threshold.amount == nil {
            return "\(metric.shortName) is money: give the threshold as an amount"
        }
        if !metric.isMoney && threshold.amount != nil {
            return "\(metric.shortName) is not money: give the threshold as a number"
        }
        if let range = metric.range, !range.contains(numeric) {
            return "the threshold is outside the metric's range (\(rangeText(metric)))"
        }
        return nil
    }
}
