/// An amount of money in integer minor units (分 for CNY) with its currency; never floating point.
public struct Money: Codable, Sendable, Hashable, CustomStringConvertible {
    public var minorUnits: Int64
    /// ISO 4217 code, e.g. "CNY".
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// "CNY 1234.56" for display; the amount stays exact.
    public var description: String {
        let sign = minorUnits < 0 ? "-" : ""
        let units = minorUnits.magnitude
        let fraction = units % 100
        return "\(currency) \(sign)\(units / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
