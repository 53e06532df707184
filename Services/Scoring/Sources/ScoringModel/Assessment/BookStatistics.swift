/// What scoring one customer needs to know about the whole book: segment averages for premium contribution
/// and the RFM band edges. Measured once per batch, then shared by every customer's assessment.
public struct BookStatistics: Sendable, Hashable, Codable {
    public var segmentation: PremiumSegmentation
    public var segmentAverages: SegmentAverages
    public var rfmBands: RfmBands

    public init(segmentation: PremiumSegmentation, segmentAverages: SegmentAverages, rfmBands: RfmBands) {
        self.segmentation = segmentation
        self.segmentAverages = segmentAverages
        self.rfmBands = rfmBands
    }

    /// Measures a book held in memory: every customer's annualised premium into its segment's average, and
    /// quintile RFM edges (`BookQuantiles.rfmBands`).
    /// - Parameters:
    ///   - book: every customer's facts.
    ///   - settings: the day and look-back they are measured with.
    ///   - segmentation: how premium segments are cut.
    public static func measure(_ book: [CustomerFacts], settings: MetricSettings,
                               segmentation: PremiumSegmentation = PremiumSegmentation()) -> BookStatistics {
        var averages = SegmentAverages(currency: settings.currency)
        var intervals: [Int] = []
        var held: [Int] = []
        var depths: [Int] = []
        for facts in book {
            averages.add(segment: segmentation.segment(of: facts, asOf: settings.asOf),
                         annualisedPremium: facts.annualisedPremium(asOf: settings.asOf, currency: settings.currency))
            if let interval = facts.renewalIntervalDays(asOf: settings.asOf) { intervals.append(interval) }
            held.append(facts.policyCount(asOf: settings.asOf))
            depths.append(facts.serviceUsageDepth(in: settings.window))
        }
        return BookStatistics(
            segmentation: segmentation, segmentAverages: averages,
            rfmBands: BookQuantiles.rfmBands(renewalIntervalDays: intervals, policiesHeld: held,
                                             serviceUsageDepths: depths))
    }
}
