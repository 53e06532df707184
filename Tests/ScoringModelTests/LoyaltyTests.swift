import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct LoyaltyTests {
    @Test func standardLoyaltyOfTheCustomer() {
        // Continuous 123 months (cap 120 → 1) × 40 + services 2/5 × 20 + referrals 2/3 × 20 + channels 4/4 × 20
        // = 40 + 8 + 13.33… + 20. VIP: 123 ≥ 60, since 2015-03-01 + 60 months = 2020-03-01.
        let loyalty = LoyaltyAssessment(facts: Fixture.customer(), settings: Fixture.settings)
        #expect(loyalty.continuousTenureMonths == 123)
        #expect(loyalty.vip)
        #expect(loyalty.vipSince == day("2020-03-01"))
        #expect(loyalty.serviceUsageDepth == 2)
        #expect(loyalty.referralCount == 2)
        #expect(loyalty.engagementChannels == 4)
        #expect(abs(loyalty.loyaltyScore - (40 + 8 + 20.0 * 2 / 3 + 20)) < 1e-9)
    }

    @Test func vipStartsAtTheConfiguredTenure() {
        // C2: cover since 2022-05-01 → 37 months. VIP from 36 months yes (since 2025-05-01); from 60 no.
        let facts = Fixture.smallLifeCustomer()
        let at36 = LoyaltyAssessment(facts: facts, settings: Fixture.settings,
                                     model: LoyaltyModel(components: [], vipMinContinuousTenureMonths: 36))
        #expect(at36.continuousTenureMonths == 37)
        #expect(at36.vip)
        #expect(at36.vipSince == day("2025-05-01"))
        #expect(at36.loyaltyScore == 0)
        let standard = LoyaltyAssessment(facts: facts, settings: Fixture.settings)
        #expect(!standard.vip)
        #expect(standard.vipSince == nil)
        // 37/120 × 40.
        #expect(abs(standard.loyaltyScore - 37.0 / 120 * 40) < 1e-9)
    }

    @Test func theAllowedCoverGapCarriesIntoLoyalty() {
        // Cover 2019-01-01 ... 2020-12-31, then from 2021-01-04: three uncovered days (1 ... 3 January).
        let facts = CustomerFacts(customerCode: "V", policies: [
            PolicyFact(policyKey: "V1", productLine: .life, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2019-01-01"), endDate: day("2020-12-31"), status: .matured),
            PolicyFact(policyKey: "V2", productLine: .life, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2021-01-04")),
        ])
        let strict = LoyaltyAssessment(facts: facts, settings: Fixture.settings)
        let lenient = LoyaltyAssessment(facts: facts,
                                        settings: MetricSettings(asOf: Fixture.asOf, allowedCoverGapDays: 3))
        #expect(strict.continuousTenureMonths == 53)  // 2021-01-04 → 2025-06-30
        #expect(!strict.vip)
        #expect(lenient.continuousTenureMonths == 77)  // 2019-01-01 → 2025-06-30
        #expect(lenient.vip)
    }
}
