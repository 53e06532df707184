/// Everything that configures a matcher: how fields compare, how candidates are found, how the model is estimated
/// and where the thresholds lie. The defaults are meant to work on any data set; only fields and blocking rules
/// describe the data.
public struct MatchSettings: Sendable {
    /// Field comparisons, at most 16, each with at most 13 levels.
    public var fields: [FieldComparison]
    /// Blocking rules; candidate pairs are the union over them.
    public var blockingRules: [BlockingRule]
    /// Blocks holding more records than this are skipped and reported (a shared agent phone, a placeholder date):
    /// a block of n records costs n(n−1)/2 comparisons. Default 500.
    public var blockSizeCap: Int = 500
    /// Random pairs compared to estimate u (all pairs when there are fewer). Default 1,000,000: the u of a level
    /// reached by one pair in 10⁴ is then known within about ±3 %.
    public var randomPairSampleSize: Int = 1_000_000
    /// Candidate pairs sampled for the EM estimate of m and λ (all when fewer). Default 2,000,000.
    public var estimationPairSampleSize: Int = 2_000_000
    /// EM stops after this many iterations … Default 200.
    public var maximumIterations: Int = 200
    /// … or once no parameter moves by more than this. Default 1e-6.
    public var convergenceTolerance: Double = 1e-6
    /// Whether exact agreements are weighted by the frequency of the agreeing value (per field, see
    /// ``FieldComparison/termFrequencyAdjusted``). Default true.
    public var termFrequencyAdjustment: Bool = true
    /// The most a rare value may add to its level's weight, in bits. Default 6.
    public var maximumTermFrequencyBoost: Double = 6
    /// The posterior match probability from which a pair links. Default 0.99.
    public var linkPosterior: Double = 0.99
    /// The posterior match probability from which a pair goes to clerical review. Default 0.5.
    public var reviewPosterior: Double = 0.5
    /// Fixed thresholds on the match weight, replacing those derived from the posteriors.
    public var thresholds: MatchThresholds?
    /// The seed of every random sample, so fitting is reproducible. Default 1.
    public var seed: UInt64 = 1
    /// Child tasks for the parallel phases: a few per core so uneven chunks even out. Default 16.
    public var parallelChunks: Int = 16

    /// Creates settings with the defaults above.
    /// - Parameters:
    ///   - fields: field comparisons, at most 16.
    ///   - blockingRules: at least one blocking rule.
    public init(fields: [FieldComparison], blockingRules: [BlockingRule]) {
        self.fields = fields
        self.blockingRules = blockingRules
    }

    /// Checks the limits the matcher relies on.
    /// - Throws: ``MatchingError`` with `.noFields`, `.tooManyFields`, `.tooManyLevels`, `.noBlockingRules` or
    ///   `.invalidSetting`.
    public func validate() throws(MatchingError) {
        if fields.isEmpty { throw MatchingError(.noFields, "no field comparison") }
        if fields.count > 16 { throw MatchingError(.tooManyFields, "\(fields.count) fields; at most 16") }
        for field in fields where field.levels.isEmpty || field.levels.count > 13 {
            throw MatchingError(.tooManyLevels, "field \(field.field) has \(field.levels.count) levels; 1 to 13")
        }
        if blockingRules.isEmpty { throw MatchingError(.noBlockingRules, "no blocking rule") }
        let ruleNames = blockingRules.map(\.name)
        if Set(ruleNames).count != ruleNames.count {
            throw MatchingError(.invalidSetting, "blocking rule names must be unique: \(ruleNames)")
        }
        guard blockSizeCap >= 2, randomPairSampleSize > 0, estimationPairSampleSize > 0, maximumIterations > 0,
            0 < reviewPosterior, reviewPosterior <= linkPosterior, linkPosterior < 1, maximumTermFrequencyBoost >= 0
        else {
            throw MatchingError(.invalidSetting, "a cap, sample size or probability is out of range")
        }
    }
}
