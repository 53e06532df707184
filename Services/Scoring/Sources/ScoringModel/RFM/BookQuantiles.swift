public import ScoringAPI

/// Band edges measured on the book: each RFM quantity cut at its quintiles, so that each band holds about a
/// fifth of the customers (ties permitting). Computed once per batch from every customer's values.
public enum BookQuantiles {
    /// The quantile of `p` (0–1) of `sorted` values, interpolated linearly between closest ranks
    /// (Hyndman–Fan type 7, as R's and NumPy's default): `h = (n − 1) p`, `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`.
    /// - Parameter sorted: values in ascending order, at least one.
    public static func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "a quantile of no values")
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower])
    }

    /// The four quintile edges (the 20th, 40th, 60th and 80th percentiles) of `values`; absent for no values.
    public static func quintileEdges(_ values: [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return [0.2, 0.4, 0.6, 0.8].map { quantile($0, ofSorted: sorted) }
    }

    /// RFM band edges from the book's values: quintiles of the renewal intervals of customers who have one, of
    /// policies held and of service usage depth over all customers; a quantity with no values keeps the edges
    /// of `RfmBands.defaults`.
    public static func rfmBands(renewalIntervalDays: [Int], policiesHeld: [Int],
                                serviceUsageDepths: [Int]) -> RfmBands {
        RfmBands(
            renewalIntervalDaysEdges: quintileEdges(renewalIntervalDays.map(Double.init))
                ?? RfmBands.defaults.renewalIntervalDaysEdges,
            policiesHeldEdges: quintileEdges(policiesHeld.map(Double.init)) ?? RfmBands.defaults.policiesHeldEdges,
            serviceDepthEdges: quintileEdges(serviceUsageDepths.map(Double.init))
                ?? RfmBands.defaults.serviceDepthEdges)
    }
}
