import IdentityMatching
import Testing

@Suite struct PairwiseEvaluationTests {
    @Test func countsPairsWithinClustersByHand() {
        // Truth: {1,2,3} {4,5}; predicted: {1,2} {3,4,5}.
        let truth = [1: "a", 2: "a", 3: "a", 4: "b", 5: "b"]
        let predicted = [1: 10, 2: 10, 3: 20, 4: 20, 5: 20]
        let evaluation = PairwiseEvaluation(predicted: predicted, truth: truth)
        #expect(evaluation.truePairs == 4)
        #expect(evaluation.predictedPairs == 4)
        #expect(evaluation.truePositives == 2)  // (1,2) and (4,5)
        #expect(evaluation.precision == 0.5)
        #expect(evaluation.recall == 0.5)
        #expect(evaluation.f1 == 0.5)
    }

    @Test func handlesHugeClustersByCounting() {
        let n = 200_000
        let truth = Dictionary(uniqueKeysWithValues: (0..<n).map { ($0, 0) })
        let predicted = Dictionary(uniqueKeysWithValues: (0..<n).map { ($0, $0 % 2) })
        let evaluation = PairwiseEvaluation(predicted: predicted, truth: truth)
        #expect(evaluation.truePairs == n * (n - 1) / 2)
        #expect(evaluation.precision == 1)
        #expect(abs(evaluation.recall - 0.5) < 1e-4)
    }
}
