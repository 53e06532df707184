/// Why a customer scored as they did: each component's part, and each rule that fired.
public struct ScoreExplanation: Codable, Sendable, Hashable {
    public var components: [ScoreComponent]
    public var rulesFired: [RuleFired]
    /// One paragraph for a person.
    public var summary: String

    public init(components: [ScoreComponent] = [], rulesFired: [RuleFired] = [], summary: String = "") {
        self.components = components
        self.rulesFired = rulesFired
        self.summary = summary
    }
}

/// One component's part in a score.
public struct ScoreComponent: Codable, Sendable, Hashable {
    /// "value", "risk" or "loyalty".
    public var scorecard: String
    public var metric: Metric
    /// The metric's raw value.
    public var rawValue: Threshold
    /// After normalisation, 0–1.
    public var normalised: Double
    /// 0–1.
    public var weight: Double
    /// Points added to the 0–100 score: normalised × weight × 100.
    public var contribution: Double

    public init(scorecard: String = "", metric: Metric = .unspecified, rawValue: Threshold = .init(),
                normalised: Double = 0, weight: Double = 0, contribution: Double = 0) {
        self.scorecard = scorecard
        self.metric = metric
        self.rawValue = rawValue
        self.normalised = normalised
        self.weight = weight
        self.contribution = contribution
    }
}

/// A rule that fired in scoring a customer.
public struct RuleFired: Codable, Sendable, Hashable {
    /// A tier, flag or layer rule id, or "hysteresis", "vip".
    public var ruleId: String
    public var description: String
    /// What it did, e.g. "tier GOLD", "potential", "kept GOLD (within margin)".
    public var effect: String

    public init(ruleId: String = "", description: String = "", effect: String = "") {
        self.ruleId = ruleId
        self.description = description
        self.effect = effect
    }
}
