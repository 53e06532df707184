import Models
public import ScoringAPI

extension CustomerMetrics {
    /// Measures every metric of `facts` under `settings`, premium contribution against `book`'s segment averages.
    /// Each field comes from the `CustomerFacts` function of the same idea:
    /// - annualised premium: `annualisedPremium(asOf:currency:)`;
    /// - segment, its average and the premium contribution: `PremiumSegmentation.segment(of:asOf:)`,
    ///   `SegmentAverages.average(of:)` and `SegmentAverages.contribution(of:in:)`;
    /// - renewal rate: `renewalRate(in:)`, nil when no renewal fell due; claims ratio:
    ///   `claimsRatio(in:currency:)`, nil when no premium was earned;
    /// - tenure: `tenureMonths(asOf:)`, `continuousTenureMonths(asOf:allowedGapDays:)`, `firstPolicyDate(asOf:)`;
    /// - holding: `policyCount(asOf:)`, `productLines(asOf:)`;
    /// - engagement: `serviceUses(in:)`, `serviceUsageDepth(in:)`, `referralCount(in:)`, `interactionCount(in:)`,
    ///   `channelsUsed(in:)`, `lastInteractionDate(asOf:)`.
    public init(facts: CustomerFacts, settings: MetricSettings, book: BookStatistics) {
        self.init(facts: facts, settings: settings, segmentation: book.segmentation)
        compare(against: book.segmentAverages)
    }

    /// Measures every metric of `facts` but those the book's segment averages give (premium contribution and the
    /// segment's average, left 0 until `compare(against:)`), with the segment `segmentation` gives.
    public init(facts: CustomerFacts, settings: MetricSettings, segmentation: PremiumSegmentation) {
        let asOf = settings.asOf
        let window = settings.window
        let lines = facts.productLines(asOf: asOf)
        let channels = facts.channelsUsed(in: window)
        self.init(
            annualisedPremium: facts.annualisedPremium(asOf: asOf, currency: settings.currency),
            premiumContribution: 0,
            segment: segmentation.segment(of: facts, asOf: asOf),
            segmentAveragePremium: Money(minorUnits: 0, currency: settings.currency),
            renewalRate: facts.renewalRate(in: window),
            claimsRatio: facts.claimsRatio(in: window, currency: settings.currency),
            tenureMonths: Int32(facts.tenureMonths(asOf: asOf)),
            continuousTenureMonths: Int32(facts.continuousTenureMonths(asOf: asOf,
                                                                      allowedGapDays: settings.allowedCoverGapDays)),
            firstPolicyDate: facts.firstPolicyDate(asOf: asOf),
            policyCount: Int32(facts.policyCount(asOf: asOf)),
            productLineCount: Int32(lines.count),
            productLines: lines,
            serviceUses: Int32(facts.serviceUses(in: window)),
            serviceUsageDepth: Int32(facts.serviceUsageDepth(in: window)),
            referralCount: Int32(facts.referralCount(in: window)),
            interactionCount: Int32(facts.interactionCount(in: window)),
            engagementChannels: Int32(channels.count),
            channelsUsed: channels,
            lastInteractionDate: facts.lastInteractionDate(asOf: asOf))
    }

    /// Sets premium contribution and the segment's average from the book's segment averages.
    public mutating func compare(against averages: SegmentAverages) {
        premiumContribution = averages.contribution(of: annualisedPremium, in: segment)
        segmentAveragePremium = averages.average(of: segment)
    }
}
