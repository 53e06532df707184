public import Models

/// A customer's metrics (scoring.proto `CustomerMetrics`), each measured by the `CustomerFacts` function
/// named on its property.
public struct CustomerMetrics: Sendable, Hashable, Codable {
    /// `annualisedPremium(asOf:currency:)`.
    public var annualisedPremium: Money
    /// `SegmentAverages.contribution(of:in:)`.
    public var premiumContribution: Double
    /// `PremiumSegmentation.segment(of:asOf:)`; empty for the whole book.
    public var segment: String
    /// `SegmentAverages.average(of:)`.
    public var segmentAveragePremium: Money
    /// `renewalRate(in:)`; absent when no renewal fell due.
    public var renewalRate: Double?
    /// `claimsRatio(in:currency:)`; absent when no premium was earned.
    public var claimsRatio: Double?
    /// `tenureMonths(asOf:)`.
    public var tenureMonths: Int32
    /// `continuousTenureMonths(asOf:allowedGapDays:)`.
    public var continuousTenureMonths: Int32
    /// `firstPolicyDate(asOf:)`.
    public var firstPolicyDate: CalendarDate?
    /// `policyCount(asOf:)`.
    public var policyCount: Int32
    /// `productLineCount(asOf:)` and `productLines(asOf:)`.
    public var productLineCount: Int32
    public var productLines: [ProductLine]
    /// `serviceUses(in:)` and `serviceUsageDepth(in:)`.
    public var serviceUses: Int32
    public var serviceUsageDepth: Int32
    /// `referralCount(in:)`.
    public var referralCount: Int32
    /// `interactionCount(in:)`.
    public var interactionCount: Int32
    /// `engagementChannels(in:)` and `channelsUsed(in:)`.
    public var engagementChannels: Int32
    public var channelsUsed: [ContactChannel]
    /// `lastInteractionDate(asOf:)`.
    public var lastInteractionDate: CalendarDate?

    public init(annualisedPremium: Money, premiumContribution: Double, segment: String, segmentAveragePremium: Money,
                renewalRate: Double?, claimsRatio: Double?, tenureMonths: Int32, continuousTenureMonths: Int32,
                firstPolicyDate: CalendarDate?, policyCount: Int32, productLineCount: Int32,
                productLines: [ProductLine], serviceUses: Int32, serviceUsageDepth: Int32, referralCount: Int32,
                interactionCount: Int32, engagementChannels: Int32, channelsUsed: [ContactChannel],
                lastInteractionDate: CalendarDate?) {
        self.annualisedPremium = annualisedPremium
        self.premiumContribution = premiumContribution
        self.segment = segment
        self.segmentAveragePremium = segmentAveragePremium
        self.renewalRate = renewalRate
        self.claimsRatio = claimsRatio
        self.tenureMonths = tenureMonths
        self.continuousTenureMonths = continuousTenureMonths
        self.firstPolicyDate = firstPolicyDate
        self.policyCount = policyCount
        self.productLineCount = productLineCount
        self.productLines = productLines
        self.serviceUses = serviceUses
        self.serviceUsageDepth = serviceUsageDepth
        self.referralCount = referralCount
        self.interactionCount = interactionCount
        self.engagementChannels = engagementChannels
        self.channelsUsed = channelsUsed
        self.lastInteractionDate = lastInteractionDate
    }

    /// Measures every metric of `facts` under `settings`, premium contribution against `book`'s segment
    /// averages.
    public init(facts: CustomerFacts, settings: MetricSettings, book: BookStatistics) {
        let asOf = settings.asOf
        let window = settings.window
        let premium = facts.annualisedPremium(asOf: asOf, currency: settings.currency)
        let segment = book.segmentation.segment(of: facts, asOf: asOf)
        let lines = facts.productLines(asOf: asOf)
        let channels = facts.channelsUsed(in: window)
        self.init(
            annualisedPremium: premium,
            premiumContribution: book.segmentAverages.contribution(of: premium, in: segment),
            segment: segment,
            segmentAveragePremium: book.segmentAverages.average(of: segment),
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
}
