public import Models

/// The average annualised premium of each segment of the book, counted over the customers who pay any
/// premium; computed once per batch from every customer and then read per customer.
public struct SegmentAverages: Sendable, Hashable, Codable {
    /// Sum and head count of the paying customers of one segment.
    public struct Total: Sendable, Hashable, Codable {
        /// Annualised premium in minor units.
        public var premium: Int64
        public var customers: Int

        public init(premium: Int64 = 0, customers: Int = 0) {
            self.premium = premium
            self.customers = customers
        }
    }

    public var currency: String
    public private(set) var totals: [String: Total]

    /// An empty book in `currency`.
    public init(currency: String, totals: [String: Total] = [:]) {
        self.currency = currency
        self.totals = totals
    }

    /// Counts one customer: a premium of zero or less (no cover) is left out of the average.
    public mutating func add(segment: String, annualisedPremium: Money) {
        guard annualisedPremium.minorUnits > 0, annualisedPremium.currency == currency else { return }
        totals[segment, default: Total()].premium += annualisedPremium.minorUnits
        totals[segment, default: Total()].customers += 1
    }

    /// Adds another book's total of a segment (a measurement made on another core).
    public mutating func add(segment: String, total: Total) {
        totals[segment, default: Total()].premium += total.premium
        totals[segment, default: Total()].customers += total.customers
    }

    /// The segment's average, `total / paying customers`, rounded to the minor unit (halves away from zero); zero
    /// for a segment without paying customers.
    public func average(of segment: String) -> Money {
        guard let total = totals[segment], total.customers > 0 else { return Money(minorUnits: 0, currency: currency) }
        return Money(roundingMinorUnits: Double(total.premium) / Double(total.customers), currency: currency)
    }

    /// Premium contribution (METRIC_PREMIUM_CONTRIBUTION), ≥ 0, 1 = the segment's average:
    /// `premium × paying customers in the segment / segment total`, from the exact total (the rounded average
    /// is for display); 0 when the segment has no paying customer.
    public func contribution(of premium: Money, in segment: String) -> Double {
        guard let total = totals[segment], total.premium > 0, total.customers > 0 else { return 0 }
        return Double(premium.minorUnits) * Double(total.customers) / Double(total.premium)
    }
}
