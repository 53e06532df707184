import Foundation
import IdentityMatching
import Testing

/// Throughput on a larger synthetic population, run on request only (it is a measurement, not a check):
/// `MATCH_SCALE_PEOPLE=200000 swift test -c release -Xswiftc -enable-testing --filter ScaleTests`.
@Suite struct ScaleTests {
    static let people = ProcessInfo.processInfo.environment["MATCH_SCALE_PEOPLE"].flatMap { Int($0) }

    @Test(.enabled(if: people != nil, "set MATCH_SCALE_PEOPLE to measure throughput"))
    func bulkThroughput() async throws {
        let clock = ContinuousClock()
        var start = clock.now
        let population = SyntheticPopulation(people: try #require(Self.people), seed: 99)
        let generated = clock.now - start
        start = clock.now
        let resolution = try await BulkResolver.resolve(population.records, settings: SyntheticPopulation.settings)
        let total = clock.now - start
        let s = resolution.statistics
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf, truth: population.truth)
        print("scale: \(s.records) records (generated in \(generated)), total \(total): prepare \(s.prepare), "
              + "block \(s.block), estimate \(s.estimate) (\(s.randomPairs) random + \(s.estimationPairs) EM pairs, "
              + "\(s.iterations) iterations), score \(s.score), cluster \(s.cluster); candidates \(s.candidatePairs), "
              + "\(Int(s.pairsScoredPerSecond)) pairs/s; \(evaluation)")
        #expect(evaluation.f1 >= 0.98)
    }
}
