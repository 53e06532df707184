import Models
import ScoringAPI

extension RuleSetValidation {
    /// The four tiers, highest first.
    static let tiers: [CustomerTier] = [.diamond, .gold, .standard, .basic]

    /// Tier rules: contradictions, overlaps between tiers, gaps, unreachable tiers.
    static func tierProblems(_ ruleSet: RuleSet) -> [RuleProblem] {
        let regions = RuleRegions(ruleSet.tierRules.map {
            (ruleId: $0.ruleId, rank: $0.tier.number, className: $0.tier.shortName, conditions: $0.conditions)
        })
        var problems = contradictions(regions, kind: "tier")
            + overlaps(regions, kind: "tier")
            + gaps(regions, kind: "tier")
        for tier in tiers {
            let rules = regions.regions.filter { $0.rank == tier.number }
            if rules.isEmpty {
                problems.append(RuleProblem(
                    kind: .unreachableTier, severity: .warning,
                    message: "No tier rule gives \(tier.shortName): no customer can reach it; add a rule if the "
                        + "tier is meant to be used.", ruleIds: []))
            } else if rules.allSatisfy(\.isEmpty) {
                let ids = rules.map(\.ruleId)
                problems.append(.error(
                    .unreachableTier, "\(tier.shortName) can never be reached: none of its rules "
                        + "(\(ids.joined(separator: ", "))) can hold; correct their conditions.", rules: ids))
            }
        }
        return problems
    }

    /// Layer rules: contradictions, overlaps between layers, gaps.
    static func layerProblems(_ ruleSet: RuleSet) -> [RuleProblem] {
        let regions = RuleRegions(ruleSet.layerRules.map {
            (ruleId: $0.ruleId, rank: $0.layer.number, className: $0.layer.shortName, conditions: $0.conditions)
        })
        return contradictions(regions, kind: "layer") + overlaps(regions, kind: "layer") + gaps(regions, kind: "layer")
    }

    /// Potential rules may overlap (any one sets the flag); each must be able to hold.
    static func potentialProblems(_ ruleSet: RuleSet) -> [RuleProblem] {
        contradictions(RuleRegions(ruleSet.potentialRules.map {
            (ruleId: $0.ruleId, rank: 0, className: "potential", conditions: $0.conditions)
        }), kind: "potential")
    }

    /// Rules that can never hold although each condition is well formed (malformed ones are reported by
    /// `ruleProblems`).
    static func contradictions(_ regions: RuleRegions, kind: String) -> [RuleProblem] {
        regions.regions.filter { !$0.neverHolds && $0.isEmpty }.map { region in
            let metric = regions.metrics.first { region.allowed[$0]?.isEmpty ?? false }
            let conditions = region.conditions.filter { $0.metric == metric }
            let why = conditions.count == 1
                ? "\(conditions[0].text) never holds: \(metric.map(rangeText) ?? "")"
                : conditions.map(\.text).joined(separator: " and ") + " exclude each other"
            return .error(.contradiction, "\(title(kind)) rule \(region.ruleId) can never hold: \(why); "
                + "correct or remove the conditions.", rules: [region.ruleId])
        }
    }

    /// Pairs of rules of different classes that both hold somewhere.
    static func overlaps(_ regions: RuleRegions, kind: String) -> [RuleProblem] {
        var problems: [RuleProblem] = []
        let live = regions.regions.filter { !$0.isEmpty }
        for (index, a) in live.enumerated() {
            for b in live[(index + 1)...] where a.rank != b.rank {
                guard let shared = regions.intersection(a, b) else { continue }
                let example = regions.example(shared.compactMapValues { $0.min() })
                problems.append(.error(
                    .overlap,
                    "\(title(kind)) rules \(a.ruleId) (\(a.className)) and \(b.ruleId) (\(b.className)) both "
                        + "hold\(example.isEmpty ? " for every customer" : " where \(example)"): every customer must "
                        + "get exactly one \(kind); tighten one of them so they no longer meet.",
                    rules: [a.ruleId, b.ruleId], example: example))
            }
        }
        return problems
    }

    /// Points no rule covers, one problem per pair of nearest rules (at most five). The nearest rules at a
    /// point are the two that fail the fewest conditions there, then by the smallest total shortfall
    /// (`Condition.shortfall`, in each metric's units; an absent value adds none): for a gap between two score
    /// bands, the band below and the band above.
    static func gaps(_ regions: RuleRegions, kind: String) -> [RuleProblem] {
        let live = regions.regions.filter { !$0.isEmpty }
        guard !live.isEmpty else {
            return [.error(.gap, "No \(kind) rule can hold: no customer gets a \(kind); add \(kind) rules.",
                           rules: regions.regions.map(\.ruleId))]
        }
        var problems: [RuleProblem] = []
        var seen: Set<[String]> = []
        for point in regions.uncovered(limit: 50) where problems.count < 5 {
            let ranked = live.enumerated().map { index, region in
                let failed = regions.failing(region, at: point)
                let shortfall = failed.reduce(0) { $0 + regions.shortfall($1, at: point) }
                return (region: region, failed: failed, order: (failed.count, shortfall, index))
            }.sorted { $0.order < $1.order }
            let nearest = ranked.prefix(2)
            guard seen.insert(nearest.map(\.region.ruleId).sorted()).inserted else { continue }
            let example = regions.example(point)
            let needs = nearest.map { "\($0.region.ruleId) needs \($0.failed.map(\.text).joined(separator: " and "))" }
            problems.append(.error(
                .gap, "No \(kind) rule holds where \(example): such customers get no \(kind). Nearest: "
                    + needs.joined(separator: "; ") + ". Widen a rule or add one for them.",
                rules: nearest.map(\.region.ruleId), example: example))
        }
        return problems
    }

    /// "value score is 0–100", "renewal rate is 0–1 or absent".
    static func rangeText(_ metric: Metric) -> String {
        guard let range = metric.range else { return "" }
        let upper = range.upper.map { "–" + Threshold.plain($0) } ?? " or more"
        return "\(metric.shortName) is \(Threshold.plain(range.lower))\(upper)"
            + (range.canBeAbsent ? " or absent" : "")
    }
}
