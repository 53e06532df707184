public import Models

/// A bound in a rule: a plain number, or an amount for money metrics (the proto's `oneof value`).
///
/// Set one of the two; nil for both means no value. The wire carries one member only: were both set, the amount
/// would be sent and the number lost.
public struct Threshold: Codable, Sendable, Hashable {
    /// For the metrics that are counts, ratios, months or scores.
    public var number: Double?
    /// For the money metrics: annualised premium, CLV, claim severity.
    public var amount: Money?

    public init(number: Double? = nil, amount: Money? = nil) {
        self.number = number
        self.amount = amount
    }
}

/// One test of one metric: "metric comparison threshold", e.g. value score ≥ 80.
public struct Condition: Codable, Sendable, Hashable {
    public var metric: Metric
    public var comparison: Comparison
    public var threshold: Threshold

    public init(metric: Metric = .unspecified, comparison: Comparison = .unspecified, threshold: Threshold = .init()) {
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
    }
}

/// How a component's raw value becomes 0–1 before it is weighted.
public struct Normalisation: Codable, Sendable, Hashable {
    public var method: NormalisationMethod
    /// LINEAR and LOG: the raw values mapped to 0 and to 1.
    public var floor: Threshold
    public var cap: Threshold
    /// BANDS: ascending edges.
    public var bandEdges: [Threshold]
    /// Lower raw values are better (claims ratio, risk): the normalised value is 1 − x.
    public var lowerIsBetter: Bool

    public init(method: NormalisationMethod = .unspecified, floor: Threshold = .init(), cap: Threshold = .init(),
                bandEdges: [Threshold] = [], lowerIsBetter: Bool = false) {
        self.method = method
        self.floor = floor
        self.cap = cap
        self.bandEdges = bandEdges
        self.lowerIsBetter = lowerIsBetter
    }
}

/// A weighted component of a scorecard (value, risk or loyalty).
public struct WeightedComponent: Codable, Sendable, Hashable {
    public var metric: Metric
    /// 0–1; the weights of one scorecard add up to 1.
    public var weight: Double
    public var normalisation: Normalisation

    public init(metric: Metric = .unspecified, weight: Double = 0, normalisation: Normalisation = .init()) {
        self.metric = metric
        self.weight = weight
        self.normalisation = normalisation
    }
}

/// Gives customers a tier when all its conditions hold.
///
/// A tier may have several rules (any one suffices); every customer must satisfy exactly one tier.
public struct TierRule: Codable, Sendable, Hashable {
    /// Unique within the rule set, e.g. "gold-by-premium".
    public var ruleId: String
    public var tier: CustomerTier
    /// All must hold; none means always.
    public var conditions: [Condition]
    public var description: String

    public init(ruleId: String = "", tier: CustomerTier = .unspecified, conditions: [Condition] = [],
                description: String = "") {
        self.ruleId = ruleId
        self.tier = tier
        self.conditions = conditions
        self.description = description
    }
}

/// Sets the potential flag when all its conditions hold.
public struct FlagRule: Codable, Sendable, Hashable {
    /// Unique within the rule set.
    public var ruleId: String
    /// All must hold.
    public var conditions: [Condition]
    public var description: String

    public init(ruleId: String = "", conditions: [Condition] = [], description: String = "") {
        self.ruleId = ruleId
        self.conditions = conditions
        self.description = description
    }
}

/// Places customers in a pyramid layer when all its conditions hold.
public struct LayerRule: Codable, Sendable, Hashable {
    /// Unique within the rule set.
    public var ruleId: String
    public var layer: PyramidLayer
    /// All must hold; every customer must satisfy exactly one layer.
    public var conditions: [Condition]
    public var description: String

    public init(ruleId: String = "", layer: PyramidLayer = .unspecified, conditions: [Condition] = [],
                description: String = "") {
        self.ruleId = ruleId
        self.layer = layer
        self.conditions = conditions
        self.description = description
    }
}

/// A risk score at or above `minRiskScore` (0–100) gives `grade`, unless a higher band applies.
public struct RiskGradeBand: Codable, Sendable, Hashable {
    public var grade: RiskGrade
    public var minRiskScore: Double

    public init(grade: RiskGrade = .unspecified, minRiskScore: Double = 0) {
        self.grade = grade
        self.minRiskScore = minRiskScore
    }
}
