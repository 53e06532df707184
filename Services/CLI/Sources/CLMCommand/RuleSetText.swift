import Foundation
import Models
import ScoringAPI

/// Rule sets and their problems as `clm rules` prints them.
enum RuleSetText {
    /// Each problem as two lines: severity, kind, rules involved and example; then the service's message, indented.
    /// `ERROR overlap: gold-by-score, standard-by-score (example value_score=55)`.
    static func problemLines(_ problems: [RuleProblem]) -> [String] {
        problems.flatMap { problem in
            let rules = problem.ruleIds.isEmpty ? "" : ": " + problem.ruleIds.joined(separator: ", ")
            let example = problem.example.isEmpty ? "" : " (example \(problem.example))"
            return ["\(problem.severity.label.uppercased()) \(problem.kind.label)\(rules)\(example)",
                    "  \(problem.message)"]
        }
    }

    /// `no problems`, or `3 problems: 2 errors, 1 warning` and what the errors mean.
    static func problemSummary(_ problems: [RuleProblem]) -> String {
        guard !problems.isEmpty else { return "no problems" }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        let counts = [errors > 0 ? count(errors, "error") : nil, warnings > 0 ? count(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
        return count(problems.count, "problem") + ": " + counts
            + (errors > 0 ? " (errors block activation)" : " (warnings do not block activation)")
    }

    /// `book-2025 version 3`.
    static func name(_ ruleSet: RuleSet) -> String { "\(ruleSet.ruleSetId) version \(ruleSet.version)" }

    /// `book-2025@3`, or `the active rule set` for an empty id.
    static func name(_ ref: RuleSetRef) -> String {
        ref.ruleSetId.isEmpty ? "the active rule set"
            : ref.version == 0 ? "\(ref.ruleSetId) (latest)" : "\(ref.ruleSetId)@\(ref.version)"
    }

    /// The whole rule set for a person: who and when, then every part of the rules.
    static func lines(_ ruleSet: RuleSet) -> [String] {
        var lines = ["rule set \(name(ruleSet))  \(ruleSet.status.label.uppercased())"]
        if !ruleSet.description.isEmpty { lines.append("description: \(ruleSet.description)") }
        if ruleSet.fromTemplate != .unspecified { lines.append("from template: \(ruleSet.fromTemplate.label)") }
        if let saved = ruleSet.createdAt {
            lines.append("saved \(formatTimestamp(saved)) by \(ruleSet.createdBy)"
                + (ruleSet.comment.isEmpty ? "" : ": \(ruleSet.comment)"))
        }
        if let activated = ruleSet.activatedAt {
            lines.append("activated \(formatTimestamp(activated)) by \(ruleSet.activatedBy)")
        }
        if let retired = ruleSet.retiredAt { lines.append("retired \(formatTimestamp(retired))") }
        let segments = ruleSet.premiumSegmentBy.map(\.label).joined(separator: ", ")
        lines += ["", "look-back \(ruleSet.lookbackMonths) months; premium compared with "
            + (segments.isEmpty ? "the whole book" : "the segment by \(segments)")
            + "; VIP from \(ruleSet.vipMinContinuousTenureMonths) months of continuous tenure"]
        lines += section("value score", components(ruleSet.valueComponents))
        lines += section("tier rules", ruleSet.tierRules.map {
            [$0.ruleId, $0.tier.label, conditions($0.conditions), $0.description]
        })
        lines += section("potential rules", ruleSet.potentialRules.map {
            [$0.ruleId, conditions($0.conditions), $0.description]
        })
        lines += section("layer rules", ruleSet.layerRules.map {
            [$0.ruleId, $0.layer.label, conditions($0.conditions), $0.description]
        })
        lines += section("risk score", components(ruleSet.riskComponents))
        lines.append("risk grades: " + (ruleSet.riskGrades.isEmpty ? "the default bands"
            : ruleSet.riskGrades.map { "\($0.grade.label.uppercased()) from \(plain($0.minRiskScore))" }
                .joined(separator: ", ")))
        lines += section("loyalty score", components(ruleSet.loyaltyComponents))
        lines.append("RFM edges: " + rfm(ruleSet.rfm))
        lines.append("CLV:" + (ruleSet.clv == ClvAssumptions() ? " the standard assumptions" : ""))
        if ruleSet.clv != ClvAssumptions() { lines += ScoreCardText.assumptions(ruleSet.clv).map { "  " + $0 } }
        lines.append("hysteresis: \(plain(ruleSet.hysteresis.scoreMargin)) value score points, "
            + "\(ruleSet.hysteresis.minDaysInTier) days in a tier at least")
        return lines
    }

    /// `value_score ≥ 60 and tenure_months ≤ 24`; `always` for none.
    static func conditions(_ conditions: [Condition]) -> String {
        guard !conditions.isEmpty else { return "always" }
        return conditions.map { "\($0.metric.label) \($0.comparison.symbol) \(threshold($0.threshold))" }
            .joined(separator: " and ")
    }

    /// A number as written (`80`, `0.25`), or an amount (`CNY 500.00`).
    static func threshold(_ threshold: Threshold) -> String {
        if let amount = threshold.amount { return amount.description }
        return threshold.number.map(plain) ?? "(unset)"
    }

    /// `80` rather than `80.0`.
    static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    private static func components(_ components: [WeightedComponent]) -> [[String]] {
        components.map { component in
            let n = component.normalisation
            let scale = n.method == .bands
                ? "bands " + n.bandEdges.map(threshold).joined(separator: ", ")
                : "\(n.method.label) \(threshold(n.floor)) to \(threshold(n.cap))"
            return [component.metric.label, plain(component.weight), scale + (n.lowerIsBetter ? ", lower is better" : "")]
        }
    }

    private static func section(_ title: String, _ rows: [[String]]) -> [String] {
        ["\(title):"] + (rows.isEmpty ? ["  none"] : formatTable(rows).map { "  " + $0 })
    }

    private static func rfm(_ rfm: RfmBands) -> String {
        let quantities = [("renewal interval days", rfm.renewalIntervalDaysEdges),
                          ("policies held", rfm.policiesHeldEdges), ("service depth", rfm.serviceDepthEdges)]
        return quantities.map { name, edges in
            "\(name) " + (edges.isEmpty ? "by the book's fifths" : edges.map(plain).joined(separator: ", "))
        }.joined(separator: "; ")
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
