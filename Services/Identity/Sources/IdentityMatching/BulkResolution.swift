import Models

/// The result of resolving a set of records in bulk.
public struct BulkResolution: Sendable {
    /// The matcher used: fitted on the records, or the one given. Pass it to a ``MatchIndex`` to resolve further
    /// records one at a time with the same model and thresholds.
    public var matcher: Matcher
    /// Clusters, links and the review queue.
    public var clustering: Clustering
    /// Blocks not compared for being larger than the cap, largest first.
    public var skippedBlocks: [SkippedBlock]
    /// Each record's blocking keys (in the order of the records given) as the resolver's key hash made them: sorted,
    /// without repeats, stop keys left out, ready to be stored as a persistent blocking index.
    public var blockingKeys: [[Int64]]
    /// Counts and timings.
    public var statistics: ResolutionStatistics
}

/// Counts and timings of a bulk resolution.
public struct ResolutionStatistics: Sendable {
    /// Records resolved.
    public var records = 0
    /// Candidate pairs from blocking, after deduplication across rules.
    public var candidatePairs = 0
    /// Candidate pairs each blocking rule contributed, in rule order (a pair counts under the first rule that finds it).
    public var candidatePairsByRule: [(rule: String, pairs: Int)] = []
    /// Random pairs compared to estimate u (0 when the matcher was given).
    public var randomPairs = 0
    /// Candidate pairs EM ran on (0 when the matcher was given).
    public var estimationPairs = 0
    /// EM iterations, and whether EM converged before the limit.
    public var iterations = 0
    /// Whether EM converged before the iteration limit.
    public var converged = false
    /// Expected matches among the candidate pairs under the fitted model.
    public var expectedMatches = 0.0
    /// Pairs scoring at least the review threshold.
    public var pairsAboveReview = 0
    /// Time spent counting term frequencies and preparing records.
    public var prepare: Duration = .zero
    /// Time spent blocking.
    public var block: Duration = .zero
    /// Time spent estimating u, m and λ.
    public var estimate: Duration = .zero
    /// Time spent scoring every candidate pair.
    public var score: Duration = .zero
    /// Time spent clustering.
    public var cluster: Duration = .zero

    /// Candidate pairs scored per second of wall time in the scoring phase.
    public var pairsScoredPerSecond: Double {
        let seconds = score.inSeconds
        return seconds > 0 ? Double(candidatePairs) / seconds : 0
    }
}
