import Models
import ScoringAPI

// Fully populated values: every field set to a value other than its default, every optional present; a oneof
// with several members has one sample per member.

extension GetScoreCardRequest {
    static let sample = GetScoreCardRequest(customerCode: SampleBook.customerCode, includeExplanation: true)
}

extension GetScoreCardResponse {
    static let sample = GetScoreCardResponse(scoreCard: .sample)
}

extension RescoreCustomerRequest {
    static let sample = RescoreCustomerRequest(customerCode: SampleBook.customerCode)
}

extension RescoreCustomerResponse {
    static let sample = RescoreCustomerResponse(scoreCard: .sample, tierChanged: true)
}

extension ListCustomersRequest {
    static let sample = ListCustomersRequest(page: SampleBook.pageRequest, tiers: [.gold, .diamond],
        layers: [.top, .middle], riskGrades: [.a, .b], potential: true, vip: true, productLines: [.life, .annuity],
        minValueScore: 75.5, order: .clvDesc)
}

extension ListCustomersResponse {
    static let sample = ListCustomersResponse(customers: [SampleBook.value, SampleBook.previousValue],
        page: SampleBook.pageResponse)
}

extension GetTierDistributionRequest {
    static let sample = GetTierDistributionRequest(productLine: .health)
}

extension TierCount {
    static let sample = TierCount(tier: .gold, customers: 3_000_000_000, potentialCustomers: 41,
        annualisedPremium: Money(minorUnits: 98_765_432_100, currency: "CNY"), customerShare: 0.18,
        premiumShare: 0.41, averageValueScore: 83.2)
}

extension LayerCount {
    static let sample = LayerCount(layer: .top, customers: 378,
        annualisedPremium: Money(minorUnits: 2_345_678_900, currency: "CNY"), customerShare: 0.18, premiumShare: 0.55)
}

extension GetTierDistributionResponse {
    static let sample = GetTierDistributionResponse(
        tiers: [.sample, TierCount(tier: .basic, customers: 1_200, potentialCustomers: 88,
                                   annualisedPremium: Money(minorUnits: 360_000_000, currency: "CNY"),
                                   customerShare: 0.57, premiumShare: 0.12, averageValueScore: 31.5)],
        pyramid: [.sample, LayerCount(layer: .base, customers: 1_722,
                                      annualisedPremium: Money(minorUnits: 700_000_000, currency: "CNY"),
                                      customerShare: 0.82, premiumShare: 0.25)],
        scoredCustomers: 2_100, unscoredCustomers: 7, ruleSet: .sample, computedAt: SampleBook.scoredAt)
}

extension GetRuleSetTemplateRequest {
    static let sample = GetRuleSetTemplateRequest(productLine: .property)
}

extension GetRuleSetTemplateResponse {
    static let sample = GetRuleSetTemplateResponse(ruleSet: .sample)
}

extension SaveRuleSetRequest {
    static let sample = SaveRuleSetRequest(ruleSet: .sample, operatorId: "analyst-王五",
        comment: "raised the gold bar")
}

extension SaveRuleSetResponse {
    static let sample = SaveRuleSetResponse(ruleSet: .sample, problems: [.sample, .sample])
}

extension GetRuleSetRequest {
    static let sample = GetRuleSetRequest(ref: .sample)
}

extension GetRuleSetResponse {
    static let sample = GetRuleSetResponse(ruleSet: .sample)
}

extension ListRuleSetsRequest {
    static let sample = ListRuleSetsRequest(page: SampleBook.pageRequest, ruleSetId: "book-2025", status: .draft)
}

extension ListRuleSetsResponse {
    static let sample = ListRuleSetsResponse(ruleSets: [.sample, .sample], page: SampleBook.pageResponse)
}

extension ValidateRuleSetRequest {
    static let sample = ValidateRuleSetRequest(ruleSet: .sample)
    static let sampleStored = ValidateRuleSetRequest(stored: .sample)
}

extension ValidateRuleSetResponse {
    static let sample = ValidateRuleSetResponse(valid: true, problems: [.sample, .sample])
}

extension DryRunRuleSetRequest {
    static let sample = DryRunRuleSetRequest(ruleSet: .sample, examplesPerCell: 100)
    static let sampleStored = DryRunRuleSetRequest(stored: .sample, examplesPerCell: 5)
}

extension MigrationCell {
    static let sample = MigrationCell(fromTier: .standard, toTier: .gold, customers: 212,
        annualisedPremium: Money(minorUnits: 301_000_000, currency: "CNY"),
        exampleCustomerCodes: [SampleBook.customerCode, "C-2020-001188"])
}

extension DryRunRuleSetResponse {
    static let sample = DryRunRuleSetResponse(problems: [.sample, .sample], active: .sample,
        matrix: [.sample, MigrationCell(fromTier: .gold, toTier: .gold, customers: 300,
                                        annualisedPremium: Money(minorUnits: 450_000_000, currency: "CNY"),
                                        exampleCustomerCodes: ["C-2017-000009"])],
        customersScored: 2_100,
        upgrades: 212, downgrades: 96, potentialGained: 14, potentialLost: 9, layerChanges: 130, vipEntering: 4,
        vipLeaving: 2, tiersAfter: [.sample, .sample])
}

extension ActivateRuleSetRequest {
    static let sample = ActivateRuleSetRequest(ref: .sample, operatorId: "risk-赵六",
        reason: "approved by 风险委员会", deferRescore: true)
}

extension ActivateRuleSetResponse {
    static let sample = ActivateRuleSetResponse(ruleSet: .sample, rescore: SampleBook.rescoreJob)
}

extension ListVipCustomersRequest {
    static let sample = ListVipCustomersRequest(page: SampleBook.pageRequest, enteredSince: SampleBook.vipSince)
}

extension VipEntry {
    static let sample = VipEntry(customerCode: SampleBook.customerCode, vipSince: SampleBook.vipSince,
        continuousTenureMonths: 74, tier: .gold, annualisedPremium: SampleBook.annualisedPremium)
}

extension ListVipCustomersResponse {
    static let sample = ListVipCustomersResponse(customers: [.sample, .sample], page: SampleBook.pageResponse)
}

extension StartRescoreAllRequest {
    static let sample = StartRescoreAllRequest(operatorId: "ops-李四", reason: "facts reloaded from 核心系统")
}

extension StartRescoreAllResponse {
    static let sample = StartRescoreAllResponse(job: SampleBook.rescoreJob)
}

extension GetRescoreStatusRequest {
    static let sample = GetRescoreStatusRequest(jobId: "rescore-20250601-01")
}

extension GetRescoreStatusResponse {
    static let sample = GetRescoreStatusResponse(job: SampleBook.rescoreJob,
        nextScheduledAt: Timestamp(unixMicros: 1_748_822_400_000_000))
}
