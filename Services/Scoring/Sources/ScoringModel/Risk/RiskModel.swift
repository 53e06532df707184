import Models
public import ScoringAPI

/// How a risk score (0–100, higher riskier) is made from the risk factors and graded A–E: the rule set's
/// `risk_components` and `risk_grades`. `standard` serves where no rule set is given.
public struct RiskModel: Sendable, Hashable, Codable {
    public var components: [WeightedComponent]
    public var bands: [RiskGradeBand]

    public init(components: [WeightedComponent], bands: [RiskGradeBand] = RiskGradeBand.defaults) {
        self.components = components
        self.bands = bands
    }

    /// The rule set's risk components and grade bands (`RiskGradeBand.defaults` when it lists none).
    public init(ruleSet: RuleSet) {
        self.init(components: ruleSet.riskComponents,
                  bands: ruleSet.riskGrades.isEmpty ? RiskGradeBand.defaults : ruleSet.riskGrades)
    }

    /// Claim frequency 30% (0 to 1 claim per policy-year), claim severity 20% (0 to CNY 50,000 a claim),
    /// fraud flags 25% (one flag is the whole weight), occupation class 15% (class 1 → 0, class 6 → 1,
    /// unknown → 0), declared habits 10% (0 to 2 habits), all linear; graded by `RiskGradeBand.defaults`.
    public static let standard = RiskModel(components: [
        WeightedComponent(metric: .claimFrequency, weight: 0.30, normalisation: .linear(floor: 0, cap: 1)),
        WeightedComponent(metric: .claimSeverity, weight: 0.20, normalisation: .linear(
            floor: Threshold(amount: Money(minorUnits: 0, currency: "CNY")),
            cap: Threshold(amount: Money(minorUnits: 5_000_000, currency: "CNY")))),
        WeightedComponent(metric: .fraudFlags, weight: 0.25, normalisation: .linear(floor: 0, cap: 1)),
        WeightedComponent(metric: .occupationClass, weight: 0.15, normalisation: .linear(floor: 1, cap: 6)),
        WeightedComponent(metric: .declaredHabits, weight: 0.10, normalisation: .linear(floor: 0, cap: 2)),
    ])
}
