/// Pairwise precision, recall and F1 of a clustering against a ground truth: a pair of records is predicted when
/// both sit in one predicted cluster, and true when both sit in one true cluster.
///
/// Computed by counting, never by listing pairs: a cluster of n records holds n(n−1)/2 pairs, and the true
/// positives are the pairs within each non-empty intersection of a predicted and a true cluster.
public struct PairwiseEvaluation: Sendable, Hashable, CustomStringConvertible {
    /// Pairs together in both clusterings.
    public var truePositives: Int
    /// Pairs together in the predicted clustering.
    public var predictedPairs: Int
    /// Pairs together in the true clustering.
    public var truePairs: Int

    /// True positives over predicted pairs (1 when nothing is predicted).
    public var precision: Double { predictedPairs == 0 ? 1 : Double(truePositives) / Double(predictedPairs) }
    /// True positives over true pairs (1 when there are none).
    public var recall: Double { truePairs == 0 ? 1 : Double(truePositives) / Double(truePairs) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Evaluates over the records present in both maps.
    /// - Parameters:
    ///   - predicted: cluster label by record id.
    ///   - truth: true cluster label by record id.
    public init<Predicted: Hashable, Truth: Hashable>(predicted: [Int: Predicted], truth: [Int: Truth]) {
        func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
        var predictedSizes: [Predicted: Int] = [:], trueSizes: [Truth: Int] = [:]
        var both: [Cell<Predicted, Truth>: Int] = [:]
        for (id, label) in predicted {
            guard let truthLabel = truth[id] else { continue }
            predictedSizes[label, default: 0] += 1
            trueSizes[truthLabel, default: 0] += 1
            both[Cell(predicted: label, truth: truthLabel), default: 0] += 1
        }
        truePositives = both.values.reduce(0) { $0 + pairs($1) }
        predictedPairs = predictedSizes.values.reduce(0) { $0 + pairs($1) }
        truePairs = trueSizes.values.reduce(0) { $0 + pairs($1) }
    }

    public var description: String {
        func format(_ x: Double) -> String { String(Double(Int((x * 10_000).rounded())) / 10_000) }
        return "precision \(format(precision)) recall \(format(recall)) F1 \(format(f1)) "
            + "(tp \(truePositives), predicted \(predictedPairs), true \(truePairs))"
    }
}

private struct Cell<Predicted: Hashable, Truth: Hashable>: Hashable {
    let predicted: Predicted
    let truth: Truth
}
