import IdentityMatching
import Testing

@Suite struct IncrementalResolutionTests {
    @Test func oneByOneAgreesWithBulk() async throws {
        let bulk = try await PopulationFixture.resolution.value
        let index = MatchIndex(matcher: bulk.matcher, storage: InMemoryMatchIndexStorage())
        let clock = ContinuousClock()
        let start = clock.now
        let records = PopulationFixture.population.records + PopulationFixture.twins
        for record in records { _ = try await index.resolve(record) }
        let elapsed = clock.now - start
        let incremental = await index.storage.allClusters()
        let agreement = PairwiseEvaluation(predicted: incremental, truth: bulk.clustering.clusterOf)
        let accuracy = PairwiseEvaluation(predicted: incremental, truth: PopulationFixture.population.truth)
        print("incremental vs bulk: \(agreement); incremental vs truth: \(accuracy); "
              + "\(records.count) records in \(elapsed)")
        #expect(agreement.f1 >= 0.995)
        #expect(incremental[PopulationFixture.twins[0].id] != incremental[PopulationFixture.twins[1].id])
    }

    @Test func guardRailRefusesTheSecondIDAndQueuesItForReview() async throws {
        let bulk = try await PopulationFixture.resolution.value
        let index = MatchIndex(matcher: bulk.matcher, storage: InMemoryMatchIndexStorage())
        let first = try await index.resolve(PopulationFixture.twins[0])
        let second = try await index.resolve(PopulationFixture.twins[1])
        #expect(first.isNewCluster && second.isNewCluster)
        #expect(second.reviews.map(\.reason) == [.guardRail(identifierType: "resident_id")])
        var same = PopulationFixture.twins[1]
        same.id = 900_003
        same.identifiers = ["resident_id": "110105197104230049"]
        let third = try await index.resolve(same)
        #expect(third.cluster == second.cluster)
    }

    @Test func queryWithoutStoringReturnsScoredCandidates() async throws {
        let bulk = try await PopulationFixture.resolution.value
        let index = MatchIndex(matcher: bulk.matcher, storage: InMemoryMatchIndexStorage())
        _ = try await index.resolve(PopulationFixture.twins[0])
        var query = PopulationFixture.twins[0]
        query.id = 1
        query.identifiers = [:]
        let (pairs, compared) = try await index.match(query)
        #expect(compared == 1)
        #expect(pairs.first?.outcome == .link)
        #expect(await index.storage.allClusters().count == 1)
    }
}
