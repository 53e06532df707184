/// One weighted part of a 0–100 score: a metric mapped linearly onto 0–1 between a floor and a cap, clipped
/// (scoring.proto `WeightedComponent` with LINEAR normalisation). Money metrics' floor and cap are in minor
/// units.
public struct LinearComponent: Sendable, Hashable, Codable {
    public var metric: Metric
    /// 0–1; the weights of one score add up to 1.
    public var weight: Double
    /// Raw value mapped to 0.
    public var floor: Double
    /// Raw value mapped to 1.
    public var cap: Double
    /// Lower raw values are better: the normalised value is 1 − x.
    public var lowerIsBetter: Bool

    public init(metric: Metric, weight: Double, floor: Double = 0, cap: Double, lowerIsBetter: Bool = false) {
        self.metric = metric
        self.weight = weight
        self.floor = floor
        self.cap = cap
        self.lowerIsBetter = lowerIsBetter
    }

    /// `x = clip((value − floor) / (cap − floor), 0, 1)`, or `1 − x` when lower is better; an absent value
    /// gives 0 either way (nothing known, nothing added). With `cap ≤ floor`, x is 1 at or above the cap,
    /// else 0.
    public func normalised(_ value: MetricValue?) -> Double {
        guard let raw = value?.numeric else { return 0 }
        let x = cap > floor ? min(1, max(0, (raw - floor) / (cap - floor))) : (raw >= cap ? 1 : 0)
        return lowerIsBetter ? 1 - x : x
    }

    /// Points this component adds to the score: `normalised × weight × 100`.
    public func contribution(_ value: MetricValue?) -> Double {
        normalised(value) * weight * 100
    }

    /// A 0–100 score: the sum of the components' contributions, clipped to 0–100.
    /// - Parameters:
    ///   - components: the weighted components.
    ///   - value: the customer's value of a metric.
    public static func score(_ components: [LinearComponent], value: (Metric) -> MetricValue?) -> Double {
        min(100, max(0, components.reduce(0) { $0 + $1.contribution(value($1.metric)) }))
    }
}
