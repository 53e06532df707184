public import Models

/// When and how metrics are measured: the day scored as of, the look-back of counts and rates, the currency of
/// money metrics, and the gap in cover that still counts as continuous.
public struct MetricSettings: Sendable, Hashable, Codable {
    /// The day the customer is scored as of; nothing after it is looked at.
    public var asOf: CalendarDate
    /// Counts and rates (renewal rate, claims ratio, service usage, referrals, engagement, claim frequency)
    /// look back this many months (the rule set's `lookback_months`, 1–120).
    public var lookbackMonths: Int
    /// Money metrics add up amounts in this currency only; amounts in other currencies are left out (there is
    /// no conversion).
    public var currency: String
    /// Days without cover between two policies that still count as continuous tenure (a renewal taken a few
    /// days late); 0 means any uncovered day breaks it.
    public var allowedCoverGapDays: Int

    public init(asOf: CalendarDate, lookbackMonths: Int = 12, currency: String = "CNY", allowedCoverGapDays: Int = 0) {
        self.asOf = asOf
        self.lookbackMonths = lookbackMonths
        self.currency = currency
        self.allowedCoverGapDays = allowedCoverGapDays
    }

    /// The look-back window ending on `asOf`.
    public var window: LookbackWindow { LookbackWindow(endingOn: asOf, months: lookbackMonths) }
}
