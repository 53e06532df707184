/// A name and a value, where a map would otherwise be used (maps are not used in these protos).
public struct KeyValue: Codable, Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String = "", value: String = "") {
        self.key = key
        self.value = value
    }
}

/// Calendar days, both ends inclusive.
public struct DateRange: Codable, Sendable, Hashable {
    public var firstDay: CalendarDate?
    public var lastDay: CalendarDate?

    public init(firstDay: CalendarDate? = nil, lastDay: CalendarDate? = nil) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}

/// Instants: start inclusive, end exclusive.
public struct TimeRange: Codable, Sendable, Hashable {
    public var start: Timestamp?
    public var end: Timestamp?

    public init(start: Timestamp? = nil, end: Timestamp? = nil) {
        self.start = start
        self.end = end
    }
}

/// Long-running work started by an RPC or a schedule: a rescore, a book review, a bulk resolution.
public struct Job: Codable, Sendable, Hashable {
    /// Opaque, assigned by the service.
    public var jobId: String
    /// What the job does, e.g. "rescore-all", "book-review", "train-churn-model".
    public var kind: String
    public var state: JobState
    /// Person who asked for it, or "schedule" when a schedule started it.
    public var requestedBy: String
    public var createdAt: Timestamp
    /// Absent until the job starts.
    public var startedAt: Timestamp?
    /// Absent until the job ends (succeeded, failed or cancelled).
    public var finishedAt: Timestamp?
    /// Items to process (customers, records); -1 while not yet known.
    public var itemsTotal: Int64
    /// Items processed so far, failed ones included.
    public var itemsDone: Int64
    /// Items that could not be processed; the job goes on past them.
    public var itemsFailed: Int64
    /// For a person: why it failed, or a note on the outcome.
    public var message: String

    public init(jobId: String = "", kind: String = "", state: JobState = .unspecified, requestedBy: String = "",
                createdAt: Timestamp = Timestamp(unixMicros: 0), startedAt: Timestamp? = nil,
                finishedAt: Timestamp? = nil, itemsTotal: Int64 = 0, itemsDone: Int64 = 0, itemsFailed: Int64 = 0,
                message: String = "") {
        self.jobId = jobId
        self.kind = kind
        self.state = state
        self.requestedBy = requestedBy
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.itemsTotal = itemsTotal
        self.itemsDone = itemsDone
        self.itemsFailed = itemsFailed
        self.message = message
    }
}
