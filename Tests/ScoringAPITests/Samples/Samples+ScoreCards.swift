import Models
import ScoringAPI

// Fully populated values: every field set to a value other than its default, every optional present.

extension CustomerMetrics {
    static let sample = CustomerMetrics(annualisedPremium: SampleBook.annualisedPremium, premiumContribution: 1.35,
        segment: "product_line=LIFE,province=广东",
        segmentAveragePremium: Money(minorUnits: 933_333, currency: "CNY"),
        renewalRate: 0.75, claimsRatio: 1.4, tenureMonths: 86, continuousTenureMonths: 74,
        firstPolicyDate: SampleBook.firstPolicyDate, policyCount: 4, productLineCount: 3,
        productLines: [.life, .health, .auto], serviceUses: 11, serviceUsageDepth: 3, referralCount: 2,
        interactionCount: 27, engagementChannels: 3, channelsUsed: [.app, .wechat, .agent],
        lastInteractionDate: SampleBook.lastInteraction)
}

extension InsuranceRfm {
    static let sample = InsuranceRfm(renewalIntervalDays: 41, renewalBand: 5, policiesHeld: 4, policiesBand: 4,
        serviceUsageDepth: 3, serviceBand: 3, code: "543")
}

extension ClvEstimate {
    static let sample = ClvEstimate(clv: SampleBook.negativeClv,
        expectedPremium: Money(minorUnits: 37_800_000, currency: "CNY"), survivalToHorizon: 0.62,
        assumptions: .sample)
}

extension RiskAssessment {
    static let sample = RiskAssessment(grade: .c, riskScore: 62.5, claimCount: 3, claimFrequency: 0.25,
        claimSeverity: Money(minorUnits: 411_522, currency: "CNY"),
        claimsPaid: Money(minorUnits: 1_234_566, currency: "CNY"), fraudFlags: 1, occupationClass: 4,
        declaredHabits: ["smoking", "hazardous_sports"])
}

extension LoyaltyAssessment {
    static let sample = LoyaltyAssessment(loyaltyScore: 66.5, continuousTenureMonths: 74, vip: true,
        vipSince: SampleBook.vipSince, serviceUsageDepth: 3, referralCount: 2, engagementChannels: 3)
}

extension ScoreComponent {
    static let sample = ScoreComponent(scorecard: "value", metric: .annualisedPremium, rawValue: .sampleAmount,
        normalised: 0.8125, weight: 0.35, contribution: 28.4375)
}

extension RuleFired {
    static let sample = RuleFired(ruleId: "gold-by-premium",
        description: "年缴保费 ≥ 10 000 and value score ≥ 80", effect: "tier GOLD")
}

extension ScoreExplanation {
    static let sample = ScoreExplanation(
        components: [.sample, ScoreComponent(scorecard: "risk", metric: .claimsRatio, rawValue: .sample,
                                             normalised: 0.25, weight: 0.6, contribution: 15)],
        rulesFired: [.sample, RuleFired(ruleId: "hysteresis", description: "margin 2.5",
                                        effect: "kept GOLD (within margin)")],
        summary: "Gold: premium 1.35× the segment's average; 客户忠诚度 above average.")
}

extension ScoreCard {
    static let sample = ScoreCard(value: SampleBook.value, metrics: .sample, rfm: .sample, clv: .sample,
        risk: .sample, loyalty: .sample, explanation: .sample, factsPosition: 9_000_000_123, previousTier: .standard,
        tierSince: SampleBook.scoredAt)
}
