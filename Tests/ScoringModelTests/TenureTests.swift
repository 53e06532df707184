import Models
import ScoringModel
import Testing

@Suite struct TenureTests {
    @Test func tenureRunsFromTheFirstHeldPolicy() {
        // First cover: P1 on 2015-03-01. To 2025-06-30: 10 years 3 months = 123 whole months.
        // Days: 2015-03-01 → 2025-03-01 is 3,653 (leap days 2016, 2020, 2024), + 31 + 30 + 31 + 29 = 3,774.
        let facts = Fixture.customer()
        #expect(facts.firstPolicyDate(asOf: Fixture.asOf) == day("2015-03-01"))
        #expect(facts.tenureMonths(asOf: Fixture.asOf) == 123)
        #expect(facts.tenureYears(asOf: Fixture.asOf) == 3_774.0 / 365.25)
    }

    @Test func continuousTenureFollowsUnbrokenCover() {
        // P1 has covered C1 without a break since 2015-03-01.
        let facts = Fixture.customer()
        #expect(facts.continuousCoverStart(asOf: Fixture.asOf) == day("2015-03-01"))
        #expect(facts.continuousTenureMonths(asOf: Fixture.asOf) == 123)
    }

    /// Auto cover 2019-01-01 ... 2021-12-31, then from 2022-01-11 (a ten-day gap), renewed each year.
    private static func renewalsWithGap() -> CustomerFacts {
        CustomerFacts(customerCode: "G", policies: [
            PolicyFact(policyKey: "G1", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2019-01-01"), endDate: day("2021-12-31"), status: .expired),
            PolicyFact(policyKey: "G2", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2022-01-11"), endDate: day("2023-01-10"), status: .expired),
            PolicyFact(policyKey: "G3", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2023-01-11"), endDate: day("2024-01-10"), status: .expired),
            PolicyFact(policyKey: "G4", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2024-01-11"), endDate: day("2025-01-10"), status: .expired),
            PolicyFact(policyKey: "G5", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2025-01-11"), endDate: day("2026-01-10")),
        ])
    }

    @Test func aGapInCoverRestartsContinuousTenure() {
        // Run since 2022-01-11: to 2025-06-30 is 3 years 5 months, and day 30 ≥ 11 → 41 months.
        // Tenure ignores the gap: 2019-01-01 → 2025-06-30 = 6 years 5 months = 77.
        let facts = Self.renewalsWithGap()
        #expect(facts.continuousCoverStart(asOf: Fixture.asOf) == day("2022-01-11"))
        #expect(facts.continuousTenureMonths(asOf: Fixture.asOf) == 41)
        #expect(facts.tenureMonths(asOf: Fixture.asOf) == 77)
    }

    @Test func anAllowedGapKeepsTenureContinuous() {
        // Ten uncovered days (2022-01-01 ... 2022-01-10): allowed with 10, not with 9.
        let facts = Self.renewalsWithGap()
        #expect(facts.continuousCoverStart(asOf: Fixture.asOf, allowedGapDays: 10) == day("2019-01-01"))
        #expect(facts.continuousCoverStart(asOf: Fixture.asOf, allowedGapDays: 9) == day("2022-01-11"))
        #expect(facts.continuousTenureMonths(asOf: Fixture.asOf, allowedGapDays: 10) == 77)
    }

    @Test func coverEndingBeforeTodayLeavesNoContinuousTenure() {
        let facts = CustomerFacts(customerCode: "L", policies: [
            PolicyFact(policyKey: "L1", productLine: .life, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2010-01-01"), status: .surrendered, statusDate: day("2025-06-30")),
        ])
        // Surrendered on 2025-06-30: cover ended 2025-06-29, so none on the day scored.
        #expect(facts.continuousCoverStart(asOf: Fixture.asOf) == nil)
        #expect(facts.continuousTenureMonths(asOf: Fixture.asOf) == 0)
        #expect(facts.tenureMonths(asOf: Fixture.asOf) == 185)  // 15 years 5 months
    }

    @Test func aPolicyStartingLaterDoesNotCountYet() {
        let facts = CustomerFacts(customerCode: "F", policies: [
            PolicyFact(policyKey: "F1", productLine: .life, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2025-07-01")),
        ])
        #expect(facts.firstPolicyDate(asOf: Fixture.asOf) == nil)
        #expect(facts.tenureMonths(asOf: Fixture.asOf) == 0)
        #expect(facts.policyCount(asOf: Fixture.asOf) == 0)
    }
}
