import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct ClvTests {
    /// 3% discount, three years, lapse 5% a year for life and 20% for auto, margin 10% on life, 5% on auto.
    static let assumptions = ClvAssumptions(
        mortalityTable: "CL2013-non-annuity-I", discountRate: 0.03,
        lapseRates: [LapseRate(productLine: .life, annualRate: 0.05), LapseRate(productLine: .auto, annualRate: 0.2)],
        horizonYears: 3,
        marginRates: [MarginRate(productLine: .life, rate: 0.10), MarginRate(productLine: .auto, rate: 0.05)],
        defaultMarginRate: 0.08)

    @Test func discountedExpectedMarginOfThePoliciesHeld() {
        // C1: male, 2025 − 1980 = 45. CL1 (2010–2013): q45 = 0.002639, q46 = 0.002913, q47 = 0.003213.
        // Projected: P1 life 1,200,000 a year (premium term to 2035-03-01, beyond the horizon) and P2 auto
        // 365,000 (one-year cover, assumed renewed). Premium of year t at its start, discounted by 1.03^t.
        let alive1: Double = 1 - 0.002639
        let alive2: Double = alive1 * (1 - 0.002913)
        let alive3: Double = alive2 * (1 - 0.003213)
        let life: [Double] = [1, alive1 * 0.95, alive2 * 0.95 * 0.95]  // Sₚ(t) for t = 0, 1, 2
        let auto: [Double] = [1, alive1 * 0.8, alive2 * 0.8 * 0.8]
        let v: [Double] = [1, 1 / 1.03, 1 / 1.03 / 1.03]
        var clv = 0.0
        var premium = 0.0
        for t in 0 ..< 3 {
            clv += 1_200_000 * 0.10 * life[t] * v[t]
            clv += 365_000 * 0.05 * auto[t] * v[t]
            premium += 1_200_000 * life[t] + 365_000 * auto[t]
        }
        // Still holding at the horizon: alive, and not both policies gone: 1 − (1 − 0.95³)(1 − 0.8³).
        let bothGone: Double = (1 - 0.95 * 0.95 * 0.95) * (1 - 0.8 * 0.8 * 0.8)
        let survival = alive3 * (1 - bothGone)

        let estimate = ClvEstimate(facts: Fixture.customer(), asOf: Fixture.asOf, currency: "CNY",
                                   assumptions: Self.assumptions, mortality: .cl2013NonAnnuityI)
        #expect(estimate.clv == fen(Int64(clv.rounded(.toNearestOrAwayFromZero))))
        #expect(estimate.expectedPremium == fen(Int64(premium.rounded(.toNearestOrAwayFromZero))))
        #expect(abs(estimate.survivalToHorizon - survival) < 1e-12)
        #expect(estimate.assumptions == Self.assumptions)
    }

    @Test func premiumStopsWithThePremiumTermAndTheEndDate() {
        // Q: 20-pay life from 2006-01-01 → premiums end 2026-01-01: years starting 2025-06-30 (t = 0) pays,
        //    2026-06-30 (t = 1) and 2027-06-30 (t = 2) do not. No end date: still covered at the horizon.
        // E: endowment ending 2026-12-31: pays at t = 0 and t = 1, not at t = 2; gone by the horizon.
        // S: single premium: never pays again.
        // An organisation: no mortality. Lines without a rate: no lapse, default margin 8%.
        let facts = CustomerFacts(
            customerCode: "O", profile: DeclaredProfile(kind: .organisation),
            policies: [
                PolicyFact(policyKey: "Q", productLine: .life, premium: fen(100_000), annualisedPremium: fen(100_000),
                           premiumTermYears: 20, effectiveDate: day("2006-01-01")),
                PolicyFact(policyKey: "E", productLine: .annuity, premium: fen(200_000),
                           annualisedPremium: fen(200_000),
                           effectiveDate: day("2016-01-01"), endDate: day("2026-12-31")),
                PolicyFact(policyKey: "S", productLine: .annuity, premium: fen(9_000_000), paymentMode: .single,
                           annualisedPremium: fen(9_000_000), effectiveDate: day("2020-01-01")),
            ])
        let estimate = ClvEstimate(facts: facts, asOf: Fixture.asOf, currency: "CNY", assumptions: Self.assumptions,
                                   mortality: .cl2013NonAnnuityI)
        // Q (life, lapse 5%, margin 10%): t = 0 only → 100,000 × 0.10 = 10,000.
        // E (annuity, no lapse, margin 8%): 200,000 × 0.08 × (1 + 1/1.03).
        let clv: Double = 100_000 * 0.10 + 200_000 * 0.08 * (1 + 1 / 1.03)
        #expect(estimate.clv == fen(Int64(clv.rounded(.toNearestOrAwayFromZero))))
        #expect(estimate.expectedPremium == fen(100_000 + 200_000 * 2))
        // At the horizon (2028-06-30): Q kept with 0.95³, E ended, S kept with 1 (no annuity lapse rate).
        // 1 − (1 − 0.95³)(1 − 0)(1 − 1) = 1.
        #expect(estimate.survivalToHorizon == 1)
    }

    @Test func unknownSexTakesTheMeanOfBothTables() {
        // Born 1965, sex unknown, age 60: q = (0.009161 + 0.004414) / 2. One year horizon: only t = 0, so
        // mortality shows only in the survival to the horizon.
        let facts = CustomerFacts(
            customerCode: "U", profile: DeclaredProfile(birthYear: 1965),
            policies: [PolicyFact(policyKey: "U1", productLine: .health, premium: fen(50_000),
                                  annualisedPremium: fen(50_000), effectiveDate: day("2024-01-01"))])
        var assumptions = Self.assumptions
        assumptions.horizonYears = 1
        let estimate = ClvEstimate(facts: facts, asOf: Fixture.asOf, currency: "CNY", assumptions: assumptions,
                                   mortality: .cl2013NonAnnuityI)
        #expect(estimate.clv == fen(4_000))  // 50,000 × 8%
        #expect(abs(estimate.survivalToHorizon - (1 - (0.009161 + 0.004414) / 2)) < 1e-15)
    }

    @Test func lapseRatesFromTheBooksHistory() {
        // Window 2024-07-01 ... 2025-06-30.
        // C1: P1 life 365 days; P2 auto 303 and P2prev auto 62 (renewed: no lapse); P3 health 92 days, lapsed
        //     2024-10-01 (a lapse).
        // "W": auto 2024-01-01 ... 2024-12-31 expired, not renewed → a lapse, 184 days; life since 2010
        //     surrendered 2025-04-01 → a lapse, 274 days (2024-07-01 ... 2025-03-31).
        // life: 1 / ((365 + 274)/365); auto: 1 / ((303 + 62 + 184)/365); health: 1 / (92/365) > 1 → 1.
        let leaver = CustomerFacts(customerCode: "W", policies: [
            PolicyFact(policyKey: "W1", productLine: .auto, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2024-01-01"), endDate: day("2024-12-31"), status: .expired),
            PolicyFact(policyKey: "W2", productLine: .life, premium: fen(1), annualisedPremium: fen(1),
                       effectiveDate: day("2010-01-01"), status: .surrendered, statusDate: day("2025-04-01")),
        ])
        var experience = LapseExperience(window: Fixture.window)
        experience.add(Fixture.customer())
        experience.add(leaver)
        let rates = Dictionary(uniqueKeysWithValues: experience.rates.map { ($0.productLine, $0.annualRate) })
        #expect(rates.count == 3)
        #expect(abs(rates[.life]! - 365.0 / 639) < 1e-12)
        #expect(abs(rates[.auto]! - 365.0 / 549) < 1e-12)
        #expect(rates[.health] == 1)
        #expect(experience.rates.map(\.productLine) == [.life, .health, .auto])
    }
}
