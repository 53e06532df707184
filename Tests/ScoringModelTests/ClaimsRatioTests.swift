import Models
import ScoringModel
import Testing

@Suite struct ClaimsRatioTests {
    @Test func paidClaimsOnHeldPoliciesOverEarnedPremium() {
        // Paid in the window on held policies: K1 800,000 (K2 declined; K3 is on P4, not held; K4 paid in 2023).
        // Earned: see PremiumMetricsTests — 1,200,000 + 303,000 + 55,800 + 120,000 × 92/365.
        let facts = Fixture.customer()
        #expect(facts.claimsPaidOnHeldPolicies(in: Fixture.window, currency: "CNY") == 800_000)
        let expected = 800_000.0 / (1_200_000.0 + 303_000 + 55_800 + 120_000.0 * 92 / 365)
        let ratio = try! #require(facts.claimsRatio(in: Fixture.window, currency: "CNY"))
        #expect(abs(ratio - expected) < 1e-12)
    }

    @Test func claimsAbovePremiumGiveARatioAboveOne() {
        // Auto cover for exactly the window: earned 200,000 × 365/365 = 200,000; paid 1,500,000 → 7.5.
        let facts = CustomerFacts(customerCode: "X", policies: [
            PolicyFact(policyKey: "SYS/X1", productLine: .auto, premium: fen(200_000), annualisedPremium: fen(200_000),
                       effectiveDate: day("2024-07-01"), endDate: day("2025-06-30")),
        ], claims: [
            ClaimFact(claimKey: "SYS/XK", policyKey: "SYS/X1", productLine: .auto, reportedDate: day("2025-02-10"),
                      closedDate: day("2025-03-01"), claimedAmount: fen(1_600_000), paidAmount: fen(1_500_000),
                      status: .paid),
        ])
        #expect(facts.claimsRatio(in: Fixture.window, currency: "CNY") == 7.5)
    }

    @Test func withoutEarnedPremiumTheRatioIsAbsent() {
        #expect(Fixture.prospect().claimsRatio(in: Fixture.window, currency: "CNY") == nil)
    }

    @Test func aClaimPaidWithoutAClosedDateCountsOnItsReportedDay() {
        // Reported 2024-06-20 (before the window), no closed date → not in the window's paid claims.
        // Reported 2024-12-01, no closed date → in.
        let facts = CustomerFacts(customerCode: "Y", policies: [
            PolicyFact(policyKey: "SYS/Y1", productLine: .health, premium: fen(365_000),
                       annualisedPremium: fen(365_000),
                       effectiveDate: day("2020-01-01")),
        ], claims: [
            ClaimFact(claimKey: "Y-a", policyKey: "SYS/Y1", reportedDate: day("2024-06-20"), claimedAmount: fen(1),
                      paidAmount: fen(50_000), status: .paid),
            ClaimFact(claimKey: "Y-b", policyKey: "SYS/Y1", reportedDate: day("2024-12-01"), claimedAmount: fen(1),
                      paidAmount: fen(73_000), status: .paid),
        ])
        // 73,000 / (365,000 × 365/365) = 0.2
        #expect(facts.claimsRatio(in: Fixture.window, currency: "CNY") == 0.2)
    }
}
