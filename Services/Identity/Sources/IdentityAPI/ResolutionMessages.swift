public import Models

/// `StartBulkResolution` request: starts resolving every deferred party record as one bulk job.
public struct StartBulkResolutionRequest: Codable, Sendable, Hashable {
    /// Re-estimate the m/u parameters from all stored records before resolving.
    public var estimateParameters: Bool
    public var operatorId: String

    public init(estimateParameters: Bool = false, operatorId: String = "") {
        self.estimateParameters = estimateParameters
        self.operatorId = operatorId
    }
}

/// `StartBulkResolution` response.
public struct StartBulkResolutionResponse: Codable, Sendable, Hashable {
    public var job: Job

    public init(job: Job = .init()) {
        self.job = job
    }
}

/// `GetBulkResolution` request: reports a bulk resolution job's progress.
public struct GetBulkResolutionRequest: Codable, Sendable, Hashable {
    /// Empty: the latest job.
    public var jobId: String

    public init(jobId: String = "") {
        self.jobId = jobId
    }
}

/// `GetBulkResolution` response.
public struct GetBulkResolutionResponse: Codable, Sendable, Hashable {
    public var job: Job

    public init(job: Job = .init()) {
        self.job = job
    }
}

/// `ResolveParty` request: resolves a party record against the customers without storing it, with the explanation.
public struct ResolvePartyRequest: Codable, Sendable, Hashable {
    /// The record to resolve; when `ref` names a stored record, that record is not a candidate.
    public var query: PartyRecord
    /// At most this many candidates, best first; 0 means 10, the maximum is 100.
    public var maxCandidates: Int32

    public init(query: PartyRecord = .init(), maxCandidates: Int32 = 0) {
        self.query = query
        self.maxCandidates = maxCandidates
    }
}

/// `ResolveParty` response.
public struct ResolvePartyResponse: Codable, Sendable, Hashable {
    /// The verdict for the best candidate (NO_LINK when there is none).
    public var outcome: MatchOutcome
    /// LINK: the customer the record belongs to; empty otherwise.
    public var customerCode: String
    /// Best first, each with its explanation.
    public var candidates: [MatchCandidate]
    /// The query after normalisation, masked unless the caller may see personal data.
    public var normalisedQuery: PartyDetails
    public var checks: [FieldCheck]
    public var thresholds: MatchThresholds
    public var personalDataMasked: Bool

    public init(outcome: MatchOutcome = .unspecified, customerCode: String = "", candidates: [MatchCandidate] = [],
                normalisedQuery: PartyDetails = .init(), checks: [FieldCheck] = [],
                thresholds: MatchThresholds = .init(), personalDataMasked: Bool = false) {
        self.outcome = outcome
        self.customerCode = customerCode
        self.candidates = candidates
        self.normalisedQuery = normalisedQuery
        self.checks = checks
        self.thresholds = thresholds
        self.personalDataMasked = personalDataMasked
    }
}

/// `ResolveAndStoreParty` request: resolves one party record and stores it (the incremental path).
public struct ResolveAndStorePartyRequest: Codable, Sendable, Hashable {
    public var record: PartyRecord

    public init(record: PartyRecord = .init()) {
        self.record = record
    }
}

/// `ResolveAndStoreParty` response.
public struct ResolveAndStorePartyResponse: Codable, Sendable, Hashable {
    public var result: RecordResult
    /// LINK: linked to a customer; NO_LINK: a new customer; CLERICAL_REVIEW: a new customer, queued for review.
    public var outcome: MatchOutcome
    public var candidates: [MatchCandidate]
    public var thresholds: MatchThresholds
    public var personalDataMasked: Bool

    public init(result: RecordResult = .init(), outcome: MatchOutcome = .unspecified, candidates: [MatchCandidate] = [],
                thresholds: MatchThresholds = .init(), personalDataMasked: Bool = false) {
        self.result = result
        self.outcome = outcome
        self.candidates = candidates
        self.thresholds = thresholds
        self.personalDataMasked = personalDataMasked
    }
}
