/// How a loyalty score (0–100) is made and who is on the VIP list: weighted linear components and the
/// continuous tenure that makes a VIP. Rule sets will supply their own; `standard` serves until then.
public struct LoyaltyModel: Sendable, Hashable, Codable {
    public var components: [LinearComponent]
    /// Continuous tenure, in months, that puts a customer on the VIP list (the rule set's
    /// `vip_min_continuous_tenure_months`).
    public var vipMinContinuousTenureMonths: Int

    public init(components: [LinearComponent], vipMinContinuousTenureMonths: Int = 60) {
        self.components = components
        self.vipMinContinuousTenureMonths = vipMinContinuousTenureMonths
    }

    /// Continuous tenure 40% (0 to 120 months), service usage depth 20% (0 to 5 services), referrals 20%
    /// (0 to 3), engagement channels 20% (0 to 4 channels); VIP from five years (60 months).
    public static let standard = LoyaltyModel(components: [
        LinearComponent(metric: .continuousTenureMonths, weight: 0.4, floor: 0, cap: 120),
        LinearComponent(metric: .serviceUsageDepth, weight: 0.2, floor: 0, cap: 5),
        LinearComponent(metric: .referralCount, weight: 0.2, floor: 0, cap: 3),
        LinearComponent(metric: .engagementChannels, weight: 0.2, floor: 0, cap: 4),
    ])
}
