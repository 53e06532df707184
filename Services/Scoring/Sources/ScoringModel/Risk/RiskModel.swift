/// How a risk score (0–100, higher riskier) is made from the risk factors and graded A–E: weighted linear
/// components, then bands. Rule sets will supply their own; `standard` serves until then.
public struct RiskModel: Sendable, Hashable, Codable {
    public var components: [LinearComponent]
    public var bands: [RiskGradeBand]

    public init(components: [LinearComponent], bands: [RiskGradeBand] = RiskGradeBand.defaults) {
        self.components = components
        self.bands = bands
    }

    /// Claim frequency 30% (0 to 1 claim per policy-year), claim severity 20% (0 to CNY 50,000 a claim),
    /// fraud flags 25% (one flag is the whole weight), occupation class 15% (class 1 → 0, class 6 → 1,
    /// unknown → 0), declared habits 10% (0 to 2 habits); graded by `RiskGradeBand.defaults`.
    public static let standard = RiskModel(components: [
        LinearComponent(metric: .claimFrequency, weight: 0.30, floor: 0, cap: 1),
        LinearComponent(metric: .claimSeverity, weight: 0.20, floor: 0, cap: 5_000_000),
        LinearComponent(metric: .fraudFlags, weight: 0.25, floor: 0, cap: 1),
        LinearComponent(metric: .occupationClass, weight: 0.15, floor: 1, cap: 6),
        LinearComponent(metric: .declaredHabits, weight: 0.10, floor: 0, cap: 2),
    ])
}
