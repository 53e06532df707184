public import Models

/// A customer's loyalty (scoring.proto `LoyaltyAssessment`): continuous tenure and the VIP list, service
/// usage, referrals and engagement, and the score a `LoyaltyModel` makes of them.
public struct LoyaltyAssessment: Sendable, Hashable, Codable {
    /// 0–100.
    public var loyaltyScore: Double
    public var continuousTenureMonths: Int32
    public var vip: Bool
    /// The day the customer's continuous tenure reached the VIP minimum; absent when not VIP.
    public var vipSince: CalendarDate?
    public var serviceUsageDepth: Int32
    public var referralCount: Int32
    public var engagementChannels: Int32

    public init(loyaltyScore: Double, continuousTenureMonths: Int32, vip: Bool, vipSince: CalendarDate?,
                serviceUsageDepth: Int32, referralCount: Int32, engagementChannels: Int32) {
        self.loyaltyScore = loyaltyScore
        self.continuousTenureMonths = continuousTenureMonths
        self.vip = vip
        self.vipSince = vipSince
        self.serviceUsageDepth = serviceUsageDepth
        self.referralCount = referralCount
        self.engagementChannels = engagementChannels
    }

    /// Measures loyalty: continuous tenure (`continuousTenureMonths`), VIP when it is at least
    /// `model.vipMinContinuousTenureMonths` with `vipSince = continuous cover start + that many months`,
    /// `serviceUsageDepth`, `referralCount` and `engagementChannels` in the window; the score is
    /// `LinearComponent.score(model.components)` over them (and `otherMetrics` for any other metric).
    public init(facts: CustomerFacts, settings: MetricSettings, model: LoyaltyModel = .standard,
                otherMetrics: (Metric) -> MetricValue? = { _ in nil }) {
        let window = settings.window
        let start = facts.continuousCoverStart(asOf: settings.asOf, allowedGapDays: settings.allowedCoverGapDays)
        let months = start.map { CalendarDate.wholeMonths(from: $0, to: settings.asOf) } ?? 0
        let vip = start != nil && months >= model.vipMinContinuousTenureMonths
        self.init(
            loyaltyScore: 0, continuousTenureMonths: Int32(months), vip: vip,
            vipSince: vip ? start?.addingMonths(model.vipMinContinuousTenureMonths) : nil,
            serviceUsageDepth: Int32(facts.serviceUsageDepth(in: window)),
            referralCount: Int32(facts.referralCount(in: window)),
            engagementChannels: Int32(facts.engagementChannels(in: window)))
        let measured = self
        loyaltyScore = LinearComponent.score(model.components) { measured.value(of: $0) ?? otherMetrics($0) }
    }

    /// The value of a loyalty metric (continuous tenure, service usage depth, referrals, engagement channels,
    /// loyalty score); nil for other metrics.
    public func value(of metric: Metric) -> MetricValue? {
        switch metric {
        case .continuousTenureMonths: .number(Double(continuousTenureMonths))
        case .serviceUsageDepth: .number(Double(serviceUsageDepth))
        case .referralCount: .number(Double(referralCount))
        case .engagementChannels: .number(Double(engagementChannels))
        case .loyaltyScore: .number(loyaltyScore)
        default: nil
        }
    }
}
