import ScoringAPI

extension RuleSetValidation {
    /// The value, risk and loyalty scorecards: weights, component metrics and normalisations.
    static func scorecardProblems(_ ruleSet: RuleSet) -> [RuleProblem] {
        Scorecard.Kind.allCases.flatMap { kind in
            let scorecard = Scorecard(kind, of: ruleSet)
            return weightProblems(scorecard) + scorecard.components.flatMap { componentProblems($0, in: kind) }
        }
    }

    /// Each weight 0–1, and the weights adding up to 1.
    static func weightProblems(_ scorecard: Scorecard) -> [RuleProblem] {
        let id = scorecard.kind.componentsID
        var problems = scorecard.components.filter { !(0 ... 1).contains($0.weight) }.map { component in
            RuleProblem.error(.weightsNotOne, "The \(scorecard.kind.rawValue) component \(component.metric.shortName) "
                + "weighs \(Threshold.plain(component.weight)); a weight is 0–1.", rules: [id])
        }
        let total = scorecard.components.reduce(0) { $0 + $1.weight }
        if abs(total - 1) > 1e-9 {
            let parts = scorecard.components.map { "\($0.metric.shortName) \(Threshold.plain($0.weight))" }
            problems.append(.error(
                .weightsNotOne,
                scorecard.components.isEmpty
                    ? "The \(scorecard.kind.rawValue) scorecard has no components; give it components weighing 1 "
                        + "in all."
                    : "The \(scorecard.kind.rawValue) components' weights add up to \(Threshold.plain(total)), not 1 "
                        + "(\(parts.joined(separator: ", "))); adjust them.",
                rules: [id]))
        }
        return problems
    }

    /// A component weighs a metric other than the scores it feeds, with a well-formed normalisation.
    static func componentProblems(_ component: WeightedComponent, in kind: Scorecard.Kind) -> [RuleProblem] {
        let id = kind.componentsID
        let name = "The \(kind.rawValue) component \(component.metric.shortName)"
        let own: Metric = switch kind {
        case .value: .valueScore
        case .risk: .riskScore
        case .loyalty: .loyaltyScore
        }
        if component.metric == .unspecified {
            return [.error(.other, "A \(kind.rawValue) component has no metric; choose the metric it weighs.",
                           rules: [id])]
        }
        if [own, .valueScore, .tier].contains(component.metric) {
            return [.error(.other, "\(name) weighs a result of scoring, not a measured metric; choose another "
                + "metric.", rules: [id])]
        }
        let normalisation = component.normalisation
        func bound(_ threshold: Threshold, _ role: String) -> RuleProblem? {
            thresholdProblem(threshold, metric: component.metric).map {
                .error(.invalidThreshold, "\(name): the \(role): \($0).", rules: [id])
            }
        }
        switch normalisation.method {
        case .unspecified:
            return [.error(.other, "\(name) has no normalisation method; choose linear, log, bands or percentile.",
                           rules: [id])]
        case .linear, .log:
            let problems = [bound(normalisation.floor, "floor"), bound(normalisation.cap, "cap")].compactMap { $0 }
            guard problems.isEmpty, let floor = normalisation.floor.numeric, let cap = normalisation.cap.numeric,
                  floor >= cap
            else { return problems }
            return [.error(.invalidThreshold, "\(name): the floor (\(normalisation.floor.text)) is not below the "
                + "cap (\(normalisation.cap.text)).", rules: [id])]
        case .bands:
            let problems = normalisation.bandEdges.enumerated().compactMap { bound($1, "band edge \($0 + 1)") }
            let edges = normalisation.bandEdges.compactMap(\.numeric)
            guard problems.isEmpty else { return problems }
            if edges.isEmpty {
                return [.error(.invalidThreshold, "\(name) is banded without band edges; give ascending edges.",
                               rules: [id])]
            }
            if zip(edges, edges.dropFirst()).contains(where: { $0 >= $1 }) {
                return [.error(.invalidThreshold, "\(name): the band edges "
                    + "(\(normalisation.bandEdges.map(\.text).joined(separator: ", "))) are not strictly ascending.",
                               rules: [id])]
            }
            return []
        case .percentile:
            return []
        }
    }
}
