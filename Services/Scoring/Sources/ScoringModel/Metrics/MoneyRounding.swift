public import Models

extension Money {
    /// An amount computed in floating-point minor units, rounded to the nearest minor unit, halves away from zero
    /// (0.5 分 becomes 1 分, −0.5 分 becomes −1 分). The one place money leaves floating point.
    public init(roundingMinorUnits value: Double, currency: String) {
        self.init(minorUnits: Int64(value.rounded(.toNearestOrAwayFromZero)), currency: currency)
    }
}
