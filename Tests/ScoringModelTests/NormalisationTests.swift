import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct NormalisationTests {
    @Test func linearClipsBetweenFloorAndCap() {
        let linear = Normalisation.linear(floor: 10, cap: 20)
        #expect(linear.normalised(.number(15)) == 0.5)  // (15 − 10) / (20 − 10)
        #expect(linear.normalised(.number(5)) == 0)
        #expect(linear.normalised(.number(25)) == 1)
        #expect(Normalisation.linear(floor: 10, cap: 20, lowerIsBetter: true).normalised(.number(12.5)) == 0.75)
        // Cap not above floor: a step at the cap.
        #expect(Normalisation.linear(floor: 5, cap: 5).normalised(.number(5)) == 1)
        #expect(Normalisation.linear(floor: 5, cap: 5).normalised(.number(4)) == 0)
    }

    @Test func logIsLinearInTheLogarithm() {
        // ln(1 + 9 − 0) / ln(1 + 99 − 0) = ln 10 / ln 100 = 0.5; amounts in minor units.
        let log = Normalisation.log(floor: Threshold(amount: fen(0)), cap: Threshold(amount: fen(99)))
        #expect(abs(log.normalised(.amount(fen(9))) - 0.5) < 1e-12)
        #expect(log.normalised(.amount(fen(0))) == 0)
        #expect(log.normalised(.amount(fen(500))) == 1)
    }

    @Test func bandsStepEvenlyAtTheEdges() {
        // Four edges: each edge at or below the value adds 1/4.
        let edges = [10.0, 20, 30, 40].map { Threshold(number: $0) }
        let bands = Normalisation.bands(edges)
        #expect(bands.normalised(.number(5)) == 0)
        #expect(bands.normalised(.number(10)) == 0.25)
        #expect(bands.normalised(.number(25)) == 0.5)
        #expect(bands.normalised(.number(40)) == 1)
        #expect(Normalisation.bands(edges, lowerIsBetter: true).normalised(.number(35)) == 0.25)
    }

    @Test func percentileIsTheMidRankInTheBook() {
        // Book 10, 20, 20, 30, 40: 20 has 1 below and 2 equal → (1 + 2/2) / 5 = 0.4; 10 → (0 + 1/2) / 5 = 0.1.
        let book = MetricDistribution([30, 20, 10, 40, 20])
        let percentile = Normalisation.percentile()
        #expect(percentile.normalised(.number(20), distribution: book) == 0.4)
        #expect(percentile.normalised(.number(10), distribution: book) == 0.1)
        #expect(percentile.normalised(.number(50), distribution: book) == 1)
        #expect(percentile.normalised(.number(5), distribution: book) == 0)
        #expect(Normalisation.percentile(lowerIsBetter: true).normalised(.number(20), distribution: book) == 0.6)
        #expect(percentile.normalised(.number(20)) == 0)  // no distribution measured
    }

    @Test func distributionsComeFromTheAssessments() {
        // Renewal rates 0.5, absent, 0.25: the absent one is left out → book 0.25, 0.5; 0.5 ranks (1 + 1/2) / 2.
        let assessments = [0.5, nil, 0.25].map { RuleSetFixture.assessment(renewalRate: $0) }
        let distributions = MetricDistributions(of: [.renewalRate], over: assessments)
        #expect(distributions[.renewalRate]?.sorted == [0.25, 0.5])
        #expect(distributions[.renewalRate]?.percentileRank(of: 0.5) == 0.75)
        #expect(distributions[.clv] == nil)
    }

    @Test(arguments: NormalisationMethod.allCases)
    func anAbsentValueAddsNothing(method: NormalisationMethod) {
        let normalisation = Normalisation(method: method, floor: Threshold(number: 0), cap: Threshold(number: 1),
                                          bandEdges: [Threshold(number: 1)], lowerIsBetter: true)
        #expect(normalisation.normalised(nil, distribution: MetricDistribution([1, 2])) == 0)
    }

    @Test func aScorecardAddsContributionsAndClipsAt100() {
        // Two components both at 1, weighing 0.7 and 0.6: 70 + 60 = 130 → 100.
        let scorecard = Scorecard(.value, components: [
            WeightedComponent(metric: .policyCount, weight: 0.7, normalisation: .linear(floor: 0, cap: 1)),
            WeightedComponent(metric: .referralCount, weight: 0.6, normalisation: .linear(floor: 0, cap: 1)),
        ])
        let result = scorecard.score { _ in .number(1) }
        #expect(result.components.map(\.contribution) == [70, 60])
        #expect(result.score == 100)
    }
}
