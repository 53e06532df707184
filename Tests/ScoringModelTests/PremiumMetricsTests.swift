import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct PremiumMetricsTests {
    @Test func annualisedPremiumAddsHeldPoliciesInForce() {
        // P1 1,200,000 + P2 365,000; P2prev expired, P3 lapsed, P4 only insured.
        #expect(Fixture.customer().annualisedPremium(asOf: Fixture.asOf, currency: "CNY") == fen(1_200_000 + 365_000))
    }

    @Test func annualisedPremiumLeavesOutOtherCurrencies() {
        var facts = Fixture.smallLifeCustomer()
        facts.policies.append(PolicyFact(policyKey: "SYS/HK1", productLine: .life,
                                         premium: Money(minorUnits: 99_900, currency: "HKD"),
                                         annualisedPremium: Money(minorUnits: 99_900, currency: "HKD"),
                                         effectiveDate: day("2023-01-01")))
        #expect(facts.annualisedPremium(asOf: Fixture.asOf, currency: "CNY") == fen(435_000))
    }

    @Test func earnedPremiumIsProRataOfCoverInTheWindow() {
        // Window 2024-07-01 ... 2025-06-30 (365 days).
        // P1: whole window, 365 days             → 1,200,000 × 365/365 = 1,200,000
        // P2: 2024-09-01 ... 2025-06-30, 303 days →   365,000 × 303/365 =   303,000
        // P2prev: 2024-07-01 ... 2024-08-31, 62   →   328,500 ×  62/365 =    55,800
        // P3: 2024-07-01 ... 2024-09-30, 92 days  →   120,000 ×  92/365 ≈    30,246.58
        // P4: not held.
        let expected = 1_200_000.0 + 303_000 + 55_800 + 120_000.0 * 92 / 365
        let earned = Fixture.customer().earnedPremium(in: Fixture.window, currency: "CNY")
        #expect(abs(earned - expected) < 1e-6)
    }

    @Test func singlePremiumIsEarnedOverItsCover() {
        // 36,500.00 single premium for 2024-01-01 ... 2033-12-31 (3,653 days of cover):
        // 3,650,000 × 365 / 3,653 a year, of which the window holds 365 days.
        let facts = CustomerFacts(customerCode: "S", policies: [
            PolicyFact(policyKey: "SYS/S1", productLine: .annuity, premium: fen(3_650_000), paymentMode: .single,
                       annualisedPremium: fen(3_650_000), effectiveDate: day("2024-01-01"), endDate: day("2033-12-31")),
        ])
        let expected = 3_650_000.0 * 365 / 3_653 * 365 / 365
        #expect(abs(facts.earnedPremium(in: Fixture.window, currency: "CNY") - expected) < 1e-6)
    }

    @Test func premiumContributionAgainstTheWholeBook() {
        // Paying customers: C1 1,565,000, C2 435,000, C4 500,000; C3 pays nothing and is left out.
        // Average = 2,500,000 / 3 = 833,333.33 → 833,333 分; C1's contribution = 1,565,000 × 3 / 2,500,000.
        let book = BookStatistics.measure(
            [Fixture.customer(), Fixture.smallLifeCustomer(), Fixture.autoCustomer(), Fixture.prospect()],
            settings: Fixture.settings)
        let metrics = CustomerMetrics(facts: Fixture.customer(), settings: Fixture.settings, book: book)
        #expect(metrics.segment == "")
        #expect(metrics.segmentAveragePremium == fen(833_333))
        #expect(abs(metrics.premiumContribution - 1.878) < 1e-12)
    }

    @Test func premiumContributionWithinTheProductLineSegment() {
        // C1's largest line is LIFE (1,200,000 against AUTO 365,000), as is C2's; C4 is AUTO alone.
        // LIFE: (1,565,000 + 435,000) / 2 = 1,000,000 → C1 = 1.565. AUTO: 500,000 / 1 → C4 = 1.
        let book = BookStatistics.measure(
            [Fixture.customer(), Fixture.smallLifeCustomer(), Fixture.autoCustomer()], settings: Fixture.settings,
            segmentation: PremiumSegmentation(dimensions: [.productLine]))
        let c1 = CustomerMetrics(facts: Fixture.customer(), settings: Fixture.settings, book: book)
        let c4 = CustomerMetrics(facts: Fixture.autoCustomer(), settings: Fixture.settings, book: book)
        #expect(c1.segment == "product_line=LIFE")
        #expect(c1.segmentAveragePremium == fen(1_000_000))
        #expect(abs(c1.premiumContribution - 1.565) < 1e-12)
        #expect(c4.segment == "product_line=AUTO")
        #expect(c4.premiumContribution == 1)
    }

    @Test func segmentLabelsNameEveryDimension() {
        // Born 1980, scored in 2025: 45 → band 40-49.
        let segmentation = PremiumSegmentation(dimensions: [.productLine, .province, .ageBand, .partyKind])
        #expect(segmentation.segment(of: Fixture.customer(), asOf: Fixture.asOf)
            == "product_line=LIFE,province=广东,age_band=40-49,party_kind=individual")
        #expect(segmentation.segment(of: Fixture.smallLifeCustomer(), asOf: Fixture.asOf)
            == "product_line=LIFE,province=unknown,age_band=unknown,party_kind=unknown")
    }

    @Test func contributionIsZeroInASegmentWithoutPayers() {
        let averages = SegmentAverages(currency: "CNY")
        #expect(averages.contribution(of: fen(100), in: "anything") == 0)
        #expect(averages.average(of: "anything") == fen(0))
    }

    @Test func moneyRoundsHalvesAwayFromZero() {
        #expect(Money(roundingMinorUnits: 2.5, currency: "CNY") == fen(3))
        #expect(Money(roundingMinorUnits: 2.4999, currency: "CNY") == fen(2))
        #expect(Money(roundingMinorUnits: -2.5, currency: "CNY") == fen(-3))
    }
}
