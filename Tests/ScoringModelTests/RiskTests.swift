import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct RiskTests {
    @Test func factorsFromClaimsAndTheDeclaredProfile() {
        // Claims made in the window: K1 (2024-12-20, paid 800,000), K2 (2025-02-01, declined), K3 (2025-03-01,
        // paid 200,000); K4 was made in 2023. Exposure: days of cover in the window of policies C1 holds or is
        // insured on: P1 365 + P2 303 + P2prev 62 + P3 92 + P4 365 = 1,187.
        let risk = RiskAssessment(facts: Fixture.customer(), settings: Fixture.settings)
        #expect(risk.claimCount == 3)
        #expect(abs(risk.claimFrequency - 3 / (1_187.0 / 365)) < 1e-12)
        #expect(risk.claimsPaid == fen(1_000_000))
        #expect(risk.claimSeverity == fen(500_000))  // 1,000,000 over 2 paid claims
        #expect(risk.fraudFlags == 1)  // K4, ever
        #expect(risk.occupationClass == 3)
        #expect(risk.declaredHabits == ["smoking"])
    }

    @Test func standardScoreAndGrade() {
        // frequency 30 × min(1, 0.92249…) + severity 20 × 500,000/5,000,000 + fraud 25 × 1
        // + occupation 15 × (3 − 1)/(6 − 1) + habits 10 × 1/2 = 27.6748… + 2 + 25 + 6 + 5 = 65.67… → D (60–80).
        let risk = RiskAssessment(facts: Fixture.customer(), settings: Fixture.settings)
        let expected = 30 * (3 / (1_187.0 / 365)) + 20 * 0.1 + 25 + 15 * 0.4 + 10 * 0.5
        #expect(abs(risk.riskScore - expected) < 1e-9)
        #expect(risk.grade == .d)
    }

    @Test func shortExposureCountsAsOnePolicyYear() {
        // One claim on a policy covered for 30 days of the window: 1 / max(1, 30/365) = 1 claim per policy-year.
        let facts = CustomerFacts(customerCode: "N", policies: [
            PolicyFact(policyKey: "N1", productLine: .accident, premium: fen(10_000), annualisedPremium: fen(10_000),
                       effectiveDate: day("2025-06-01"), endDate: day("2026-05-31")),
        ], claims: [
            ClaimFact(claimKey: "NK", policyKey: "N1", reportedDate: day("2025-06-20"), claimedAmount: fen(30_000),
                      status: .underReview),
            ClaimFact(claimKey: "NW", policyKey: "N1", reportedDate: day("2025-06-21"), claimedAmount: fen(30_000),
                      status: .withdrawn),
        ])
        let risk = RiskAssessment(facts: facts, settings: Fixture.settings)
        #expect(risk.claimCount == 1)
        #expect(risk.claimFrequency == 1)
        #expect(risk.claimSeverity == nil)
        #expect(risk.claimsPaid == fen(0))
    }

    @Test(arguments: [(0.0, RiskGrade.a), (19.99, .a), (20, .b), (59.9, .c), (60, .d), (80, .e), (100, .e)])
    func defaultBands(score: Double, grade: RiskGrade) {
        #expect(RiskGradeBand.grade(for: score, bands: RiskGradeBand.defaults) == grade)
    }

    @Test func configuredBandsAndComponents() {
        // Only occupation class counts: class 3 → (3 − 1)/5 × 100 = 40. Bands: A from 50, C from 30 (listed out
        // of order) → C. Below every band → unspecified.
        let model = RiskModel(components: [WeightedComponent(metric: .occupationClass, weight: 1,
                                                                 normalisation: .linear(floor: 1, cap: 6))],
                              bands: [RiskGradeBand(grade: .a, minRiskScore: 50),
                                      RiskGradeBand(grade: .c, minRiskScore: 30)])
        let risk = RiskAssessment(facts: Fixture.customer(), settings: Fixture.settings, model: model)
        #expect(abs(risk.riskScore - 40) < 1e-9)
        #expect(risk.grade == .c)
        #expect(RiskGradeBand.grade(for: 10, bands: model.bands) == .unspecified)
    }

    @Test func componentsNormaliseLinearlyAndClip() {
        let normalisation = Normalisation.linear(floor: 0.5, cap: 1.5, lowerIsBetter: true)
        #expect(normalisation.normalised(.number(0.75)) == 0.75)  // x = 0.25 → 1 − 0.25
        #expect(normalisation.normalised(.number(3)) == 0)  // x clipped to 1
        #expect(normalisation.normalised(nil) == 0)
        let scorecard = Scorecard(.risk, components: [WeightedComponent(metric: .claimsRatio, weight: 0.5,
                                                                        normalisation: normalisation)])
        #expect(scorecard.score { _ in .number(0.75) }.components.first?.contribution == 37.5)  // 0.75 × 0.5 × 100
    }
}
