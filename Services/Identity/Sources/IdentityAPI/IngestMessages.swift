/// What happened to one record of a batch.
public struct RecordResult: Codable, Sendable, Hashable {
    /// Position of the record in the request, from 0.
    public var index: Int32
    public var ref: SourceRef
    public var outcome: RecordOutcome
    /// REJECTED: why, for a person; empty otherwise.
    public var reason: String
    /// Problems with single fields (invalid values are kept and flagged, not rejected).
    public var checks: [FieldCheck]
    /// Party records: the customer the record resolved to; empty while resolution is deferred.
    public var customerCode: String
    /// Business records: parties referenced but not yet received.
    public var pendingParties: [SourceRef]
    /// Party records: the record went to the clerical review queue.
    public var sentToReview: Bool

    public init(index: Int32 = 0, ref: SourceRef = .init(), outcome: RecordOutcome = .unspecified, reason: String = "",
                checks: [FieldCheck] = [], customerCode: String = "", pendingParties: [SourceRef] = [],
                sentToReview: Bool = false) {
        self.index = index
        self.ref = ref
        self.outcome = outcome
        self.reason = reason
        self.checks = checks
        self.customerCode = customerCode
        self.pendingParties = pendingParties
        self.sentToReview = sentToReview
    }
}

/// Counts over one batch.
public struct BatchSummary: Codable, Sendable, Hashable {
    public var created: Int32
    public var updated: Int32
    public var unchanged: Int32
    public var stale: Int32
    public var rejected: Int32

    public init(created: Int32 = 0, updated: Int32 = 0, unchanged: Int32 = 0, stale: Int32 = 0, rejected: Int32 = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.stale = stale
        self.rejected = rejected
    }
}

/// `IngestParties` request: stores party records (idempotent by source version) and resolves them, unless deferred.
public struct IngestPartiesRequest: Codable, Sendable, Hashable {
    /// At most 10000 records per call.
    public var records: [PartyRecord]
    /// True: store and normalise only, and resolve later with `StartBulkResolution`.
    public var deferResolution: Bool

    public init(records: [PartyRecord] = [], deferResolution: Bool = false) {
        self.records = records
        self.deferResolution = deferResolution
    }
}

/// `IngestParties` response.
public struct IngestPartiesResponse: Codable, Sendable, Hashable {
    /// One per record, in request order.
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestPolicies` request: stores policy records and links them to the customers of their parties.
public struct IngestPoliciesRequest: Codable, Sendable, Hashable {
    /// At most 10000 records per call.
    public var records: [PolicyRecord]

    public init(records: [PolicyRecord] = []) {
        self.records = records
    }
}

/// `IngestPolicies` response.
public struct IngestPoliciesResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestPayments` request: stores premium payment records.
public struct IngestPaymentsRequest: Codable, Sendable, Hashable {
    public var records: [PaymentRecord]

    public init(records: [PaymentRecord] = []) {
        self.records = records
    }
}

/// `IngestPayments` response.
public struct IngestPaymentsResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestClaims` request: stores claim records.
public struct IngestClaimsRequest: Codable, Sendable, Hashable {
    public var records: [ClaimRecord]

    public init(records: [ClaimRecord] = []) {
        self.records = records
    }
}

/// `IngestClaims` response.
public struct IngestClaimsResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestServicing` request: stores policy-servicing (保全) records.
public struct IngestServicingRequest: Codable, Sendable, Hashable {
    public var records: [ServicingRecord]

    public init(records: [ServicingRecord] = []) {
        self.records = records
    }
}

/// `IngestServicing` response.
public struct IngestServicingResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestServiceUsage` request: stores value-added service usage records.
public struct IngestServiceUsageRequest: Codable, Sendable, Hashable {
    public var records: [ServiceUsageRecord]

    public init(records: [ServiceUsageRecord] = []) {
        self.records = records
    }
}

/// `IngestServiceUsage` response.
public struct IngestServiceUsageResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}

/// `IngestInteractions` request: stores interaction records (logins, contacts, complaints, referrals, responses).
public struct IngestInteractionsRequest: Codable, Sendable, Hashable {
    public var records: [InteractionRecord]

    public init(records: [InteractionRecord] = []) {
        self.records = records
    }
}

/// `IngestInteractions` response.
public struct IngestInteractionsResponse: Codable, Sendable, Hashable {
    public var results: [RecordResult]
    public var summary: BatchSummary

    public init(results: [RecordResult] = [], summary: BatchSummary = .init()) {
        self.results = results
        self.summary = summary
    }
}
