import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct EdgeCaseTests {
    private static let book = BookStatistics(segmentation: PremiumSegmentation(),
                                             segmentAverages: SegmentAverages(currency: "CNY"), rfmBands: .defaults)

    @Test func aCustomerWithoutPoliciesHasEmptyMetrics() {
        let assessment = CustomerAssessment(facts: Fixture.prospect(), settings: Fixture.settings, book: Self.book)
        let metrics = assessment.metrics
        #expect(metrics.annualisedPremium == fen(0))
        #expect(metrics.premiumContribution == 0)
        #expect(metrics.renewalRate == nil)
        #expect(metrics.claimsRatio == nil)
        #expect(metrics.tenureMonths == 0)
        #expect(metrics.continuousTenureMonths == 0)
        #expect(metrics.firstPolicyDate == nil)
        #expect(metrics.policyCount == 0)
        #expect(metrics.productLines.isEmpty)
        #expect(metrics.serviceUsageDepth == 0)
        #expect(metrics.referralCount == 0)
        #expect(metrics.engagementChannels == 0)
        #expect(metrics.lastInteractionDate == nil)
        // Never bought: R absent → band 1; F 0 and M 0 are under the first edges (1) → band 1.
        // Never bought: no interval (the proto's field has no presence, so the message reads 0 days, band 1).
        #expect(Fixture.prospect().renewalIntervalDays(asOf: Fixture.asOf) == nil)
        #expect(assessment.rfm.renewalIntervalDays == 0)
        #expect(assessment.rfm.code == "111")
        #expect(assessment.clv.clv == fen(0))
        #expect(assessment.clv.expectedPremium == fen(0))
        #expect(assessment.clv.survivalToHorizon == 0)
        // No claims, no exposure: frequency 0 / max(1, 0) = 0; nothing declared → score 0, grade A.
        #expect(assessment.risk.claimFrequency == 0)
        #expect(assessment.risk.claimSeverity == nil)
        #expect(assessment.risk.riskScore == 0)
        #expect(assessment.risk.grade == .a)
        #expect(assessment.loyalty.loyaltyScore == 0)
        #expect(assessment.loyalty.vip == false)
    }

    /// "LP": L1 life (5,000.00 a year since 2019-01-01) lapsed on 2025-01-01; L2 health (1,000.00 a year since
    /// 2021-05-01) surrendered on 2024-03-01. A claim of 1,000.00 was paid on L1 on 2024-10-10.
    private static func onlyLapsed() -> CustomerFacts {
        CustomerFacts(
            customerCode: "LP",
            policies: [
                PolicyFact(policyKey: "SYS/L1", productLine: .life, premium: fen(500_000),
                           annualisedPremium: fen(500_000),
                           premiumTermYears: 20, effectiveDate: day("2019-01-01"), status: .lapsed,
                           statusDate: day("2025-01-01")),
                PolicyFact(policyKey: "SYS/L2", productLine: .health, premium: fen(100_000),
                           annualisedPremium: fen(100_000), effectiveDate: day("2021-05-01"), status: .surrendered,
                           statusDate: day("2024-03-01")),
            ],
            payments: [
                PaymentFact(paymentKey: "SYS/L1-6", policyKey: "SYS/L1", instalment: 6, dueDate: day("2024-01-01"),
                            paidDate: day("2024-01-01"), amount: fen(500_000), status: .paid),
                PaymentFact(paymentKey: "SYS/L1-7", policyKey: "SYS/L1", instalment: 7, dueDate: day("2025-01-01"),
                            amount: fen(500_000), status: .overdue),
            ],
            claims: [
                ClaimFact(claimKey: "SYS/LK", policyKey: "SYS/L1", productLine: .life, reportedDate: day("2024-10-01"),
                          closedDate: day("2024-10-10"), claimedAmount: fen(100_000), paidAmount: fen(100_000),
                          status: .paid),
            ])
    }

    @Test func aCustomerWithOnlyLapsedPoliciesHoldsNothingButKeepsHistory() {
        let facts = Self.onlyLapsed()
        let assessment = CustomerAssessment(facts: facts, settings: Fixture.settings, book: Self.book)
        let metrics = assessment.metrics
        #expect(metrics.annualisedPremium == fen(0))
        #expect(metrics.policyCount == 0)
        #expect(metrics.productLines.isEmpty)
        // Since 2019-01-01: 6 years 5 months.
        #expect(metrics.tenureMonths == 77)
        #expect(metrics.continuousTenureMonths == 0)
        #expect(assessment.loyalty.vip == false)
        // Only renewal premium in the window: L1 #7, overdue → 0 of 1.
        #expect(metrics.renewalRate == 0)
        // L1 covered 2024-07-01 ... 2024-12-31 = 184 days of the window; L2 none.
        let earned = 500_000.0 * 184 / 365
        #expect(abs(facts.earnedPremium(in: Fixture.window, currency: "CNY") - earned) < 1e-9)
        #expect(abs(metrics.claimsRatio! - 100_000.0 / earned) < 1e-12)
        // R: latest of cover starts (2019-01-01, 2021-05-01) and renewal premiums paid (2024-01-01) = 2024-01-01;
        // to 2025-06-30: 366 (2024 is leap) + 31 + 28 + 31 + 30 + 31 + 29 = 546 days → 3 edges ≤ 546 → band 2.
        #expect(assessment.rfm.renewalIntervalDays == 546)
        #expect(assessment.rfm.code == "211")
        // Nothing in force: nothing to project.
        #expect(assessment.clv.clv == fen(0))
        #expect(assessment.clv.survivalToHorizon == 0)
    }
}
