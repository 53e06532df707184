public import Models
public import ScoringAPI

/// A metric's value for one customer: a plain number, or an amount for money metrics. The proto's `Threshold`
/// with exactly one of its two forms set; `threshold` and `init?(_:)` convert.
public enum MetricValue: Sendable, Hashable, Codable {
    case number(Double)
    case amount(Money)

    /// The value on one numeric scale: the number, or the amount in minor units.
    public var numeric: Double {
        switch self {
        case .number(let value): value
        case .amount(let money): Double(money.minorUnits)
        }
    }

    /// As the proto carries it (a score component's raw value, a condition's threshold).
    public var threshold: Threshold {
        switch self {
        case .number(let value): Threshold(number: value)
        case .amount(let money): Threshold(amount: money)
        }
    }

    /// The value a threshold holds: its amount when set, else its number; nil when neither is.
    public init?(_ threshold: Threshold) {
        if let amount = threshold.amount {
            self = .amount(amount)
        } else if let number = threshold.number {
            self = .number(number)
        } else {
            return nil
        }
    }
}

extension Threshold {
    /// The bound on one numeric scale (the amount in minor units, else the number); nil when neither is set.
    public var numeric: Double? { MetricValue(self)?.numeric }
}
