/// A fitted matcher: settings, the estimated model, the term frequencies it was fitted with and the thresholds.
///
/// The same value scores pairs in bulk (``BulkResolver``) and one record at a time (``MatchIndex``), so the two
/// paths cannot disagree about a pair.
public struct Matcher: Sendable {
    /// The settings the matcher was built from.
    public let settings: MatchSettings
    /// The fitted m, u and λ.
    public let model: FellegiSunterModel
    /// Value frequencies per field, for term-frequency adjustment.
    public let termFrequencies: [TermFrequencyTable]
    /// Link and review thresholds on the match weight.
    public let thresholds: MatchThresholds
    /// Blocking keys skipped in bulk for being shared by too many records; the index skips them too.
    public let stopKeys: Set<BlockingKey>

    let fields: [CompiledField]
    let scorer: PairScorer
    let preparer: RecordPreparer

    /// Rebuilds a matcher from stored parameters.
    /// - Parameters:
    ///   - settings: the settings the model was fitted with (same fields, same level order).
    ///   - model: the fitted parameters.
    ///   - termFrequencies: one table per field, as fitted.
    ///   - stopKeys: blocking keys to skip.
    /// - Throws: ``MatchingError`` when the settings are invalid or do not fit the model.
    public init(settings: MatchSettings, model: FellegiSunterModel, termFrequencies: [TermFrequencyTable],
                stopKeys: Set<BlockingKey> = []) throws(MatchingError) {
        try settings.validate()
        let fields = settings.fields.map(CompiledField.init)
        guard model.fields.count == fields.count, termFrequencies.count == fields.count,
            zip(model.fields, fields).allSatisfy({ $0.levels.count == $1.levelCount && $0.name == $1.field }),
            zip(termFrequencies, fields).allSatisfy({ $0.counts.count == $1.keySources.count })
        else {
            throw MatchingError(.invalidSetting, "the model's fields and levels do not match the settings")
        }
        self.settings = settings
        self.model = model
        self.termFrequencies = termFrequencies
        self.stopKeys = stopKeys
        self.fields = fields
        self.thresholds = settings.thresholds
            ?? MatchThresholds(model: model, linkPosterior: settings.linkPosterior,
                               reviewPosterior: settings.reviewPosterior)
        let boost = settings.termFrequencyAdjustment ? settings.maximumTermFrequencyBoost : 0
        self.scorer = PairScorer(fields: fields, model: model, maximumBoost: boost,
                                 adjusted: settings.termFrequencyAdjustment)
        self.preparer = RecordPreparer(fields: fields, frequencies: termFrequencies)
    }

    /// Scores one pair of records.
    public func score(_ a: MatchRecord, _ b: MatchRecord) -> ScoredPair {
        var scratch = DistanceScratch()
        let weight = scorer.score(preparer.prepare(a), preparer.prepare(b), scratch: &scratch)
        return scoredPair(a.id, b.id, weight: weight)
    }

    /// The pairs of `record` with each candidate that reach the review threshold, strongest first (ties by the
    /// candidate's id); each pair's `first` is the candidate.
    public func pairs(of record: MatchRecord, against candidates: [MatchRecord]) -> [ScoredPair] {
        let prepared = preparer.prepare(record)
        var scratch = DistanceScratch()
        var pairs: [ScoredPair] = []
        for (candidate, other) in zip(candidates, preparer.prepare(candidates[...])) where candidate.id != record.id {
            let weight = scorer.score(prepared, other, scratch: &scratch)
            if weight >= thresholds.reviewWeight { pairs.append(scoredPair(candidate.id, record.id, weight: weight)) }
        }
        pairs.sort { ($0.weight, $1.first) > ($1.weight, $0.first) }
        return pairs
    }

    /// The blocking keys of a record under every rule, stop keys excluded.
    public func blockingKeys(of record: MatchRecord) -> [BlockingKey] {
        settings.blockingRules.flatMap { rule in
            Set(rule.keys(record)).sorted().map { BlockingKey(rule: rule.name, value: $0) }
        }.filter { !stopKeys.contains($0) }
    }

    func scoredPair(_ first: Int, _ second: Int, weight: Double) -> ScoredPair {
        ScoredPair(first: first, second: second, weight: weight, posterior: model.posterior(weight: weight),
                   outcome: thresholds.outcome(weight: weight))
    }
}

/// A compared pair of records with its total weight, posterior and outcome.
public struct ScoredPair: Sendable, Hashable, Codable {
    /// The first record's id.
    public var first: Int
    /// The second record's id.
    public var second: Int
    /// Σ log2(m/u) over the fields, term-frequency adjusted.
    public var weight: Double
    /// The posterior match probability.
    public var posterior: Double
    /// Link, review or no link, by the matcher's thresholds.
    public var outcome: MatchOutcome
}
