public import ScoringAPI

/// A 0–100 score made of weighted, normalised components: the rule set's value, risk or loyalty scorecard.
public struct Scorecard: Sendable, Hashable {
    /// Which of the rule set's three scorecards.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case value
        case risk
        case loyalty

        /// How a rule problem names the scorecard: "value_components", "risk_components", "loyalty_components".
        public var componentsID: String { rawValue + "_components" }
    }

    /// A scored customer: the score and each component's part in it.
    public struct Result: Sendable, Hashable {
        /// `Σ contributions`, clipped to 0–100.
        public var score: Double
        /// In the scorecard's order.
        public var components: [ScoreComponent]
    }

    public var kind: Kind
    public var components: [WeightedComponent]

    public init(_ kind: Kind, components: [WeightedComponent]) {
        self.kind = kind
        self.components = components
    }

    /// The rule set's scorecard of `kind`.
    public init(_ kind: Kind, of ruleSet: RuleSet) {
        switch kind {
        case .value: self.init(kind, components: ruleSet.valueComponents)
        case .risk: self.init(kind, components: ruleSet.riskComponents)
        case .loyalty: self.init(kind, components: ruleSet.loyaltyComponents)
        }
    }

    /// Scores one customer: each component's `normalised` value (`Normalisation.normalised`), its weight and its
    /// contribution `normalised × weight × 100`; the score is the sum, clipped to 0–100.
    /// - Parameters:
    ///   - book: the book's distributions, for PERCENTILE components.
    ///   - value: the customer's raw value of a metric; nil when it has none.
    public func score(book: MetricDistributions = MetricDistributions(),
                      value: (Metric) -> MetricValue?) -> Result {
        let parts = components.map { component in
            let raw = value(component.metric)
            let normalised = component.normalisation.normalised(raw, distribution: book[component.metric])
            return ScoreComponent(scorecard: kind.rawValue, metric: component.metric,
                                  rawValue: raw?.threshold ?? Threshold(), normalised: normalised,
                                  weight: component.weight, contribution: normalised * component.weight * 100)
        }
        return Result(score: min(100, max(0, parts.reduce(0) { $0 + $1.contribution })), components: parts)
    }
}
