import Foundation
import IdentityAPI

/// How the matcher's verdicts read on a terminal: one candidate with the per-field contributions to its weight
/// (ResolveParty's candidates and review items show the same explanation).
enum MatchExplanation {
    /// A weight with its sign, two decimals: `+6.10`, `-2.35`.
    static func weight(_ value: Double) -> String { String(format: "%+.2f", value) }

    /// A probability with four decimals.
    static func probability(_ value: Double) -> String { String(format: "%.4f", value) }

    /// `customer C… (best record SALES/R1): weight +12.34, probability 0.9990, link`, the guard rails, then one row
    /// per compared field: level reached, weight, m and u, whether the weight was adjusted for a common value, and
    /// the two values compared.
    static func lines(_ candidate: MatchCandidate) -> [String] {
        var lines = ["customer \(candidate.customerCode) (best record \(candidate.bestRecord.text)): "
            + "weight \(weight(candidate.totalWeight)), probability \(probability(candidate.matchProbability)), "
            + candidate.outcome.label]
        for rail in candidate.guardRails { lines.append("  guard rail: \(rail)") }
        guard !candidate.comparisons.isEmpty else { return lines }
        var table = [["field", "level", "weight", "m", "u", "tf", "query", "candidate"]]
        for comparison in candidate.comparisons {
            table.append([comparison.field, comparison.level, weight(comparison.weight),
                          probability(comparison.mProbability), probability(comparison.uProbability),
                          comparison.termFrequencyAdjusted ? "yes" : "", comparison.queryValue,
                          comparison.candidateValue])
        }
        return lines + formatTable(table, rightAligned: [2, 3, 4]).map { "  " + $0 }
    }

    /// A thresholds line: `link at +12.00, review at +4.00 (parameters 3)`.
    static func thresholds(_ thresholds: MatchThresholds) -> String {
        "link at \(weight(thresholds.linkWeight)), review at \(weight(thresholds.reviewWeight))"
            + (thresholds.parametersVersion.isEmpty ? "" : " (parameters \(thresholds.parametersVersion))")
    }
}

extension SourceRef {
    /// The reference as the CLI prints it: `SALES/R1`.
    var text: String { "\(sourceSystem)/\(sourceKey)" }
}
