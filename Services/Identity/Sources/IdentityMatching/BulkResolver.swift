import Models

/// Resolves a whole set of records at once: prepare, block, estimate the model (unless one is given), score every
/// candidate pair on all cores, cluster with guard rails.
public enum BulkResolver {
    /// Fits a matcher on `records` and resolves them.
    /// - Parameters:
    ///   - records: the records, with distinct ids.
    ///   - settings: fields, blocking rules and estimation settings.
    /// - Throws: ``MatchingError`` for invalid settings or duplicate record ids.
    ///   - keyHash: how a blocking key becomes the 64-bit number ``BulkResolution/blockingKeys`` holds.
    public static func resolve(_ records: [MatchRecord], settings: MatchSettings,
                               keyHash: @escaping @Sendable (BlockingKey) -> Int64 = BlockingKey.stableHash)
        async throws(MatchingError) -> BulkResolution
    {
        try await Parallel.offCooperativePool { () throws(MatchingError) in
            try run(records, settings: settings, matcher: nil, keyHash: keyHash)
        }
    }

    /// Resolves `records` with an already fitted matcher, leaving its model, frequencies and thresholds unchanged.
    /// - Throws: ``MatchingError`` for duplicate record ids.
    public static func resolve(_ records: [MatchRecord], matcher: Matcher,
                               keyHash: @escaping @Sendable (BlockingKey) -> Int64 = BlockingKey.stableHash)
        async throws(MatchingError) -> BulkResolution
    {
        try await Parallel.offCooperativePool { () throws(MatchingError) in
            try run(records, settings: matcher.settings, matcher: matcher, keyHash: keyHash)
        }
    }

    private static func run(_ records: [MatchRecord], settings: MatchSettings, matcher given: Matcher?,
                            keyHash: @Sendable (BlockingKey) -> Int64) throws(MatchingError) -> BulkResolution {
        try settings.validate()
        if Set(records.map(\.id)).count != records.count {
            throw MatchingError(.duplicateRecordID, "record ids must be unique")
        }
        let clock = ContinuousClock()
        var statistics = ResolutionStatistics()
        statistics.records = records.count
        let fields = settings.fields.map(CompiledField.init)
        let chunks = settings.parallelChunks

        var start = clock.now
        let frequencies: [TermFrequencyTable]
        if let given {
            frequencies = given.termFrequencies
        } else {
            let parts = Parallel.map(count: records.count, chunks: chunks) { range in
                RecordPreparer.countFrequencies(records[range], fields: fields)
            }
            var merged = fields.map { TermFrequencyTable(slots: $0.keySources.count) }
            for part in parts { for f in merged.indices { merged[f].merge(part[f]) } }
            frequencies = merged
        }
        let preparer = RecordPreparer(fields: fields, frequencies: frequencies)
        let prepared = Parallel.map(count: records.count, chunks: chunks) { range in
            preparer.prepare(records[range])
        }.flatMap { $0 }
        statistics.prepare = clock.now - start

        start = clock.now
        let candidates = CandidateGenerator.generate(records, rules: settings.blockingRules,
                                                     blockCap: settings.blockSizeCap, chunks: chunks, keyHash: keyHash)
        statistics.candidatePairs = candidates.pairs.count
        statistics.candidatePairsByRule = candidates.pairsByRule
        statistics.block = clock.now - start

        start = clock.now
        let matcher: Matcher
        if let given {
            matcher = given
        } else {
            let (model, report) = ModelEstimator(fields: fields, settings: settings)
                .estimate(records: prepared, candidates: candidates.pairs)
            statistics.randomPairs = report.randomPairs
            statistics.estimationPairs = report.estimationPairs
            statistics.iterations = report.iterations
            statistics.converged = report.converged
            statistics.expectedMatches = report.expectedMatches
            matcher = try Matcher(settings: settings, model: model, termFrequencies: frequencies,
                                  stopKeys: Set(candidates.skipped.map(\.key)))
        }
        statistics.estimate = clock.now - start

        start = clock.now
        let scored = score(candidates.pairs, records: prepared, matcher: matcher, chunks: chunks)
        statistics.pairsAboveReview = scored.count
        statistics.score = clock.now - start

        start = clock.now
        let identifiers = Dictionary(uniqueKeysWithValues: records.lazy.filter { !$0.identifiers.isEmpty }
            .map { ($0.id, $0.identifiers) })
        let clustering = Clustering.cluster(recordIDs: records.map(\.id), identifiers: identifiers, pairs: scored)
        statistics.cluster = clock.now - start
        let stopHashes = Set(matcher.stopKeys.map(keyHash))
        let blockingKeys = stopHashes.isEmpty
            ? candidates.recordKeys : candidates.recordKeys.map { $0.filter { !stopHashes.contains($0) } }
        return BulkResolution(matcher: matcher, clustering: clustering, skippedBlocks: candidates.skipped,
                              blockingKeys: blockingKeys, statistics: statistics)
    }

    /// Scores every candidate pair in parallel and keeps those at or above the review threshold.
    static func score(_ pairs: [UInt64], records: [PreparedRecord], matcher: Matcher,
                      chunks: Int) -> [ScoredPair] {
        let scorer = matcher.scorer
        let floor = matcher.thresholds.reviewWeight
        let kept = Parallel.map(count: pairs.count, chunks: chunks) { range in
            var scratch = DistanceScratch()
            var part: [(UInt64, Double)] = []
            for index in range {
                let pair = pairs[index]
                let weight = scorer.score(records[Int(pair >> 32)], records[Int(pair & 0xFFFF_FFFF)],
                                          scratch: &scratch)
                if weight >= floor { part.append((pair, weight)) }
            }
            return part
        }
        return kept.flatMap { $0 }.map { pair, weight in
            matcher.scoredPair(records[Int(pair >> 32)].id, records[Int(pair & 0xFFFF_FFFF)].id, weight: weight)
        }
    }
}
