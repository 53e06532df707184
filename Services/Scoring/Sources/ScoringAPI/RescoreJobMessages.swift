public import Models

/// `StartRescoreAll` request: starts re-scoring the whole book as a job.
public struct StartRescoreAllRequest: Codable, Sendable, Hashable {
    public var operatorId: String
    public var reason: String

    public init(operatorId: String = "", reason: String = "") {
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// `StartRescoreAll` response.
public struct StartRescoreAllResponse: Codable, Sendable, Hashable {
    /// When a full rescore is already running, that job (no second one starts).
    public var job: Job

    public init(job: Job = .init()) {
        self.job = job
    }
}

/// `GetRescoreStatus` request: a full rescore's progress.
public struct GetRescoreStatusRequest: Codable, Sendable, Hashable {
    /// Empty: the latest job.
    public var jobId: String

    public init(jobId: String = "") {
        self.jobId = jobId
    }
}

/// `GetRescoreStatus` response.
public struct GetRescoreStatusResponse: Codable, Sendable, Hashable {
    public var job: Job
    /// The next scheduled full rescore; nil when none is scheduled.
    public var nextScheduledAt: Timestamp?

    public init(job: Job = .init(), nextScheduledAt: Timestamp? = nil) {
        self.job = job
        self.nextScheduledAt = nextScheduledAt
    }
}
