import IdentityMatching
import Testing

@Suite struct BulkResolutionTests {
    @Test func syntheticPopulationClustersWithHighF1() async throws {
        let resolution = try await PopulationFixture.resolution.value
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf,
                                            truth: PopulationFixture.population.truth)
        let s = resolution.statistics
        print("synthetic bulk: \(evaluation); records \(s.records), candidates \(s.candidatePairs), "
              + "EM iterations \(s.iterations) converged \(s.converged), prior \(resolution.matcher.model.priorMatchProbability), "
              + "link weight \(resolution.matcher.thresholds.linkWeight), scored \(Int(s.pairsScoredPerSecond)) pairs/s, "
              + "reviews \(resolution.clustering.reviews.count), skipped blocks \(resolution.skippedBlocks.count)")
        #expect(s.converged)
        #expect(evaluation.f1 >= 0.98)
    }

    @Test func guardRailKeepsDifferentValidIDsApartDespiteIdenticalFields() async throws {
        let resolution = try await PopulationFixture.resolution.value
        let (a, b) = (PopulationFixture.twins[0], PopulationFixture.twins[1])
        let explanation = resolution.matcher.explain(a, b)
        #expect(explanation.outcome == .link)  // by score alone they would link
        #expect(resolution.clustering.clusterOf[a.id] != resolution.clustering.clusterOf[b.id])
        let review = resolution.clustering.reviews.first { Set([$0.pair.first, $0.pair.second]) == Set([a.id, b.id]) }
        #expect(review?.reason == .guardRail(identifierType: "resident_id"))
    }

    @Test func explanationSumsToTheTotalWeight() async throws {
        let resolution = try await PopulationFixture.resolution.value
        let records = PopulationFixture.population.records
        for (a, b) in zip(records.prefix(200), records.dropFirst().prefix(200)) {
            let explanation = resolution.matcher.explain(a, b)
            let sum = explanation.fields.reduce(0) { $0 + $1.weight }
            #expect(abs(sum - explanation.totalWeight) < 1e-9)
            #expect(abs(resolution.matcher.score(a, b).weight - explanation.totalWeight) < 1e-9)
            for field in explanation.fields where field.level == 0 { #expect(field.weight == 0) }
        }
    }

    @Test func sharedAgentPhoneIsDownWeightedAndItsBlockSkipped() async throws {
        let resolution = try await PopulationFixture.resolution.value
        let busy = BlockingKey(rule: "phone", value: SyntheticPopulation.busyAgentPhone)
        #expect(resolution.skippedBlocks.contains { $0.key == busy })
        #expect(resolution.matcher.stopKeys.contains(busy))
        // Two strangers sharing only the smaller agent's phone: the phone agreement counts for (almost) nothing.
        let a = MatchRecord(id: 1, fields: ["given_name": ["zara"], "phone": [SyntheticPopulation.agentPhone]])
        let b = MatchRecord(id: 2, fields: ["given_name": ["quentin"], "phone": [SyntheticPopulation.agentPhone]])
        let c = MatchRecord(id: 3, fields: ["given_name": ["zara"], "phone": ["13711112222"]])
        let d = MatchRecord(id: 4, fields: ["given_name": ["quentin"], "phone": ["13711112222"]])
        let shared = try #require(resolution.matcher.explain(a, b).fields.first { $0.field == "phone" })
        let own = try #require(resolution.matcher.explain(c, d).fields.first { $0.field == "phone" })
        #expect(shared.label == "exact" && own.label == "exact")
        #expect(shared.weight < own.weight - 5)
        #expect(shared.termFrequencyAdjustment < 0)
    }
}
