/// Expectation–maximisation for the two-class Fellegi–Sunter mixture over comparison patterns.
///
/// EM runs on candidate pairs (the only pairs with enough matches to learn m from) and estimates m, u and the share
/// of matches among candidates jointly. Only m is kept: u among candidates is inflated by blocking itself (pairs
/// that share a surname block agree on surname), so the model takes u from random pairs instead, as Splink does.
struct ExpectationMaximisation {
    struct Result {
        var m: [[Double]]
        var u: [[Double]]
        /// The share of matches among the candidate pairs.
        var matchShare: Double
        var iterations: Int
        var converged: Bool
        /// Expected matches reaching each level, to tell levels never seen from rare ones.
        var matchCounts: [[Double]]
    }

    /// Levels per field, *null* included.
    let levelCounts: [Int]
    let maximumIterations: Int
    let tolerance: Double
    /// Pseudo-count added to each level so that no probability is estimated as 0.
    let smoothing = 0.01

    /// Starting m: 0.9 on the strongest level and the rest spread evenly, the usual prior that a true match mostly
    /// agrees exactly. Starting u: the random-pair estimate.
    func initialM() -> [[Double]] {
        levelCounts.map { count in
            let listed = count - 1
            return (0..<count).map { level in
                level == 0 ? 0 : listed == 1 ? 1 : level == 1 ? 0.9 : 0.1 / Double(listed - 1)
            }
        }
    }

    func run(_ patterns: PatternCounts, initialU: [[Double]]) -> Result {
        let entries = patterns.counts.map { (levels: (0..<levelCounts.count).map($0.key.level(ofField:)), count: $0.value) }
        var m = initialM(), u = initialU
        // Start λ at the share of candidates whose weight under the starting parameters is positive: a cheap guess
        // that keeps EM from starting in the wrong basin when matches are a small minority.
        var positive = 0.0, total = 0.0
        for entry in entries {
            var ratio = 1.0
            for (f, level) in entry.levels.enumerated() where level != 0 { ratio *= m[f][level] / u[f][level] }
            if ratio > 1 { positive += entry.count }
            total += entry.count
        }
        var share = min(0.5, max(0.001, positive / max(total, 1)))
        var matchCounts = levelCounts.map { [Double](repeating: 0, count: $0) }
        var iterations = 0, converged = false
        while iterations < maximumIterations {
            iterations += 1
            matchCounts = levelCounts.map { [Double](repeating: 0, count: $0) }
            var nonMatchCounts = matchCounts
            var matchTotal = 0.0
            for entry in entries {
                var pm = share, pu = 1 - share
                for (f, level) in entry.levels.enumerated() where level != 0 {
                    pm *= m[f][level]
                    pu *= u[f][level]
                }
                let g = pm / (pm + pu)
                matchTotal += g * entry.count
                for (f, level) in entry.levels.enumerated() {
                    matchCounts[f][level] += g * entry.count
                    nonMatchCounts[f][level] += (1 - g) * entry.count
                }
            }
            let newM = normalise(matchCounts), newU = normalise(nonMatchCounts)
            let newShare = min(max(matchTotal / max(total, 1), 1e-9), 1 - 1e-9)
            var change = abs(newShare - share)
            for f in m.indices {
                for level in 1..<m[f].count {
                    change = max(change, abs(newM[f][level] - m[f][level]), abs(newU[f][level] - u[f][level]))
                }
            }
            m = newM
            u = newU
            share = newShare
            if change < tolerance {
                converged = true
                break
            }
        }
        return Result(m: m, u: u, matchShare: share, iterations: iterations, converged: converged,
                      matchCounts: matchCounts)
    }

    /// Probabilities over the non-null levels of each field, smoothed.
    private func normalise(_ counts: [[Double]]) -> [[Double]] {
        counts.map { field in
            let listed = Double(field.count - 1)
            let total = field.dropFirst().reduce(0, +) + smoothing * listed
            return field.indices.map { $0 == 0 ? 0 : (field[$0] + smoothing) / total }
        }
    }
}
