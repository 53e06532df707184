public import Models

/// A metric's value for one customer: a plain number, or an amount for money metrics (scoring.proto
/// `Threshold`'s two forms).
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
}
