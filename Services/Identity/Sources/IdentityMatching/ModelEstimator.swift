/// Estimates a ``FellegiSunterModel`` from the data: u from random pairs, m and the match share by EM over
/// candidate pairs, λ from the expected number of matches among all pairs.
struct ModelEstimator {
    let fields: [CompiledField]
    let settings: MatchSettings

    /// What estimation did, for the report.
    struct Report: Sendable {
        var randomPairs: Int
        var estimationPairs: Int
        var iterations: Int
        var converged: Bool
        var matchShareAmongCandidates: Double
        var expectedMatches: Double
    }

    func estimate(records: [PreparedRecord], candidates: [UInt64]) -> (FellegiSunterModel, Report) {
        let levelCounts = fields.map(\.levelCount)
        let random = RandomPairSampler.sample(recordCount: records.count, size: settings.randomPairSampleSize,
                                              seed: settings.seed)
        let randomCounts = PatternCounts.count(random, records: records, fields: fields,
                                                     chunks: settings.parallelChunks)
            .levelCounts(levelCounts: levelCounts)
        // Laplace-style smoothing: a level no random pair reached is rare, not impossible.
        let u = randomCounts.map { field in
            let listed = Double(field.count - 1)
            let total = field.dropFirst().reduce(0, +) + 0.5 * listed
            return field.indices.map { $0 == 0 ? 0 : (field[$0] + 0.5) / total }
        }

        let sample = RandomPairSampler.subsample(candidates, size: settings.estimationPairSampleSize,
                                                 seed: settings.seed &+ 1)
        let patterns = PatternCounts.count(sample, records: records, fields: fields,
                                                 chunks: settings.parallelChunks)
        let em = ExpectationMaximisation(levelCounts: levelCounts, maximumIterations: settings.maximumIterations,
                                         tolerance: settings.convergenceTolerance)
        let result = patterns.pairs > 0
            ? em.run(patterns, initialU: u)
            : ExpectationMaximisation.Result(m: em.initialM(), u: u, matchShare: 0.5, iterations: 0,
                                             converged: false, matchCounts: levelCounts.map { [Double](repeating: 0, count: $0) })

        var modelFields: [FellegiSunterModel.Field] = []
        for (f, field) in fields.enumerated() {
            var m = result.m[f]
            for level in 1..<field.levelCount where randomCounts[f][level] == 0 && result.matchCounts[f][level] < 0.5 {
                // Seen neither among random pairs nor among likely matches (a pinyin level on Latin names): the
                // data says nothing, so the level weighs 0 instead of the ratio of two smoothing constants.
                m[level] = u[f][level]
            }
            modelFields.append(FellegiSunterModel.Field(name: field.field, levels: field.labels, m: m, u: u[f]))
        }
        let n = Double(records.count)
        let allPairs = max(n * (n - 1) / 2, 1)
        let expectedMatches = result.matchShare * Double(candidates.count)
        let prior = min(max(expectedMatches / allPairs, 1e-12), 0.5)
        let report = Report(randomPairs: random.count, estimationPairs: sample.count, iterations: result.iterations,
                            converged: result.converged, matchShareAmongCandidates: result.matchShare,
                            expectedMatches: expectedMatches)
        return (FellegiSunterModel(fields: modelFields, priorMatchProbability: prior), report)
    }
}
