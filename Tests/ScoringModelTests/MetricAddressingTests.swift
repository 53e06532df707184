import Models
import ScoringAPI
import ScoringModel
import Testing

/// Every metric of the proto's `Metric` enum read by case from one assessment of C1, against the values worked
/// out in the other suites.
@Suite struct MetricAddressingTests {
    private static let assessment: CustomerAssessment = {
        // Book C1 + C2: 2,000,000 over 2 paying customers; C1 contributes 1,565,000 × 2 / 2,000,000 = 1.565.
        let book = BookStatistics(
            segmentation: PremiumSegmentation(),
            segmentAverages: {
                var averages = SegmentAverages(currency: "CNY")
                averages.add(segment: "", annualisedPremium: fen(1_565_000))
                averages.add(segment: "", annualisedPremium: fen(435_000))
                return averages
            }(),
            rfmBands: .defaults)
        return CustomerAssessment(facts: Fixture.customer(), settings: Fixture.settings, book: book,
                                  clvAssumptions: ClvTests.assumptions)
    }()

    private func number(_ metric: Metric) -> Double? {
        guard case .number(let value)? = Self.assessment.value(of: metric) else { return nil }
        return value
    }

    @Test func moneyMetricsReadAsAmounts() {
        #expect(Self.assessment.value(of: .annualisedPremium) == .amount(fen(1_565_000)))
        #expect(Self.assessment.value(of: .claimSeverity) == .amount(fen(500_000)))
        #expect(Self.assessment.value(of: .clv) == .amount(Self.assessment.clv.clv))
        #expect(Metric.allCases.filter(\.isMoney) == [.annualisedPremium, .clv, .claimSeverity])
    }

    @Test func countsAndRatesReadAsNumbers() {
        #expect(number(.premiumContribution) == 1.565)
        #expect(number(.renewalRate) == 0.75)
        #expect(number(.tenureMonths) == 123)
        #expect(number(.continuousTenureMonths) == 123)
        #expect(number(.policyCount) == 2)
        #expect(number(.productLineCount) == 2)
        #expect(number(.serviceUsageDepth) == 2)
        #expect(number(.referralCount) == 2)
        #expect(number(.engagementChannels) == 4)
        #expect(number(.rfmRenewalBand) == 4)
        #expect(number(.rfmPoliciesBand) == 3)
        #expect(number(.rfmServiceBand) == 3)
        #expect(number(.fraudFlags) == 1)
        #expect(number(.occupationClass) == 3)
        #expect(number(.declaredHabits) == 1)
        #expect(number(.monthsSinceInteraction) == 0)
        let claimsRatio = 800_000.0 / (1_200_000.0 + 303_000 + 55_800 + 120_000.0 * 92 / 365)
        #expect(abs(number(.claimsRatio)! - claimsRatio) < 1e-12)
        #expect(abs(number(.claimFrequency)! - 3 / (1_187.0 / 365)) < 1e-12)
        #expect(abs(number(.riskScore)! - (30 * (3 / (1_187.0 / 365)) + 2 + 25 + 6 + 5)) < 1e-9)
        #expect(abs(number(.loyaltyScore)! - (40 + 8 + 20.0 * 2 / 3 + 20)) < 1e-9)
    }

    @Test func metricsLeftToRuleSetsHaveNoValueHere() {
        #expect(Self.assessment.value(of: .valueScore) == nil)
        #expect(Self.assessment.value(of: .tier) == nil)
        #expect(Self.assessment.value(of: .unspecified) == nil)
    }

    @Test func everyOtherMetricHasAValue() {
        let left: Set<Metric> = [.valueScore, .tier, .unspecified]
        for metric in Metric.allCases where !left.contains(metric) {
            #expect(Self.assessment.value(of: metric) != nil, "\(metric)")
        }
    }

    @Test func absentValuesStayAbsent() {
        let book = BookStatistics(segmentation: PremiumSegmentation(),
                                  segmentAverages: SegmentAverages(currency: "CNY"), rfmBands: .defaults)
        let prospect = CustomerAssessment(facts: Fixture.prospect(), settings: Fixture.settings, book: book)
        #expect(prospect.value(of: .renewalRate) == nil)
        #expect(prospect.value(of: .claimsRatio) == nil)
        #expect(prospect.value(of: .claimSeverity) == nil)
        #expect(prospect.value(of: .monthsSinceInteraction) == nil)
        #expect(prospect.value(of: .policyCount) == .number(0))
    }

    @Test func rawValuesAreTheProtoNames() {
        #expect(Metric.annualisedPremium.rawValue == "METRIC_ANNUALISED_PREMIUM")
        #expect(Metric.monthsSinceInteraction.rawValue == "METRIC_MONTHS_SINCE_INTERACTION")
        #expect(Metric.allCases.count == 26)
    }

    @Test func componentsMayNameMetricsOutsideTheirScorecard() {
        // A loyalty score made only of the renewal rate (0.75) → 75.
        let book = BookStatistics(segmentation: PremiumSegmentation(),
                                  segmentAverages: SegmentAverages(currency: "CNY"), rfmBands: .defaults)
        let assessment = CustomerAssessment(
            facts: Fixture.customer(), settings: Fixture.settings, book: book,
            loyaltyModel: LoyaltyModel(components: [WeightedComponent(metric: .renewalRate, weight: 1,
                                                                      normalisation: .linear(floor: 0, cap: 1))]))
        #expect(assessment.loyalty.loyaltyScore == 75)
    }
}
