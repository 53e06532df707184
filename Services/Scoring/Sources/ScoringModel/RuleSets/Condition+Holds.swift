import Models
public import ScoringAPI

extension Condition {
    /// Whether the condition holds for a customer's value of its metric: "value comparison threshold", money
    /// compared in minor units. Never for an absent value, nor for a threshold or comparison left unset.
    public func holds(for value: MetricValue?) -> Bool {
        guard let raw = value?.numeric, let bound = threshold.numeric else { return false }
        switch comparison {
        case .lessThan: return raw < bound
        case .atMost: return raw <= bound
        case .equal: return raw == bound
        case .atLeast: return raw >= bound
        case .greaterThan: return raw > bound
        case .notEqual: return raw != bound
        case .unspecified: return false
        }
    }

    /// How far `value` is from satisfying the condition, in the metric's units: 0 when it holds, else the
    /// distance to the nearest value that does (or to the bound of an open side: `> 80` is missed by 0 at 80).
    public func shortfall(of value: Double) -> Double {
        guard let bound = threshold.numeric else { return .infinity }
        switch comparison {
        case .lessThan, .atMost: return max(0, value - bound)
        case .greaterThan, .atLeast: return max(0, bound - value)
        case .equal: return abs(value - bound)
        case .notEqual: return 0
        case .unspecified: return .infinity
        }
    }

    /// "value_score ≥ 80", "annualised_premium ≥ CNY 10000.00".
    public var text: String {
        return "\(metric.shortName) \(comparison.symbol) \(threshold.text)"
    }
}

extension Threshold {
    /// The amount as money ("CNY 10000.00"), the number without a needless ".0"; "unset" for neither.
    public var text: String {
        if let amount { return amount.description }
        if let number { return Self.plain(number) }
        return "unset"
    }

    /// 72 for 72.0, 0.25 for 0.25; rounded to six decimals so that floating-point noise does not show.
    static func plain(_ number: Double) -> String {
        let rounded = (number * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}

extension MetricValue {
    /// As `Threshold.text` writes it.
    public var text: String { threshold.text }
}
