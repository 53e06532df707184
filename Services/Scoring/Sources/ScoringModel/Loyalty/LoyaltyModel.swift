public import ScoringAPI

/// How a loyalty score (0–100) is made and who is on the VIP list: the rule set's `loyalty_components` and
/// `vip_min_continuous_tenure_months`. `standard` serves where no rule set is given.
public struct LoyaltyModel: Sendable, Hashable, Codable {
    public var components: [WeightedComponent]
    /// Continuous tenure, in months, that puts a customer on the VIP list.
    public var vipMinContinuousTenureMonths: Int

    public init(components: [WeightedComponent], vipMinContinuousTenureMonths: Int = 60) {
        self.components = components
        self.vipMinContinuousTenureMonths = vipMinContinuousTenureMonths
    }

    /// The rule set's loyalty components and VIP minimum (60 months when the rule set leaves it 0).
    public init(ruleSet: RuleSet) {
        self.init(components: ruleSet.loyaltyComponents,
                  vipMinContinuousTenureMonths: ruleSet.vipMinContinuousTenureMonths > 0
                      ? Int(ruleSet.vipMinContinuousTenureMonths) : 60)
    }

    /// Continuous tenure 40% (0 to 120 months), service usage depth 20% (0 to 5 services), referrals 20%
    /// (0 to 3), engagement channels 20% (0 to 4 channels), all linear; VIP from five years (60 months).
    public static let standard = LoyaltyModel(components: [
        WeightedComponent(metric: .continuousTenureMonths, weight: 0.4, normalisation: .linear(floor: 0, cap: 120)),
        WeightedComponent(metric: .serviceUsageDepth, weight: 0.2, normalisation: .linear(floor: 0, cap: 5)),
        WeightedComponent(metric: .referralCount, weight: 0.2, normalisation: .linear(floor: 0, cap: 3)),
        WeightedComponent(metric: .engagementChannels, weight: 0.2, normalisation: .linear(floor: 0, cap: 4)),
    ])
}
