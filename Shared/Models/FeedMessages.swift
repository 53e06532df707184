/// One domain event from a service's outbox (common.proto `Event`).
public struct FeedEvent: Codable, Sendable, Hashable {
    /// Position in the feed: dense from 1, in commit order.
    public var position: Int64
    /// Full proto name of the message in `payload`.
    public var type: String
    /// What the event is about, usually a customer code.
    public var subject: String
    public var payload: [UInt8]
    public var occurredAt: Timestamp?
    public var traceID: String

    enum CodingKeys: String, CodingKey {
        case position, type, subject, payload, occurredAt
        case traceID = "trace_id"
    }

    public init(position: Int64, type: String, subject: String, payload: [UInt8], occurredAt: Timestamp?,
                traceID: String) {
        self.position = position
        self.type = type
        self.subject = subject
        self.payload = payload
        self.occurredAt = occurredAt
        self.traceID = traceID
    }
}

/// Asks a feed for the events after a position (common.proto `ListEventsRequest`).
public struct ListEventsRequest: Codable, Sendable, Hashable {
    public var after: Int64
    /// 0 means 100; at most 10,000.
    public var limit: Int32
    /// How long to wait for a first event when none is there yet; at most 30,000.
    public var waitMillis: Int32

    public init(after: Int64, limit: Int32 = 0, waitMillis: Int32 = 0) {
        self.after = after
        self.limit = limit
        self.waitMillis = waitMillis
    }
}

/// Events in position order (common.proto `ListEventsResponse`).
public struct ListEventsResponse: Codable, Sendable, Hashable {
    public var events: [FeedEvent]
    /// The feed's highest position when the answer was made.
    public var headPosition: Int64

    public init(events: [FeedEvent], headPosition: Int64) {
        self.events = events
        self.headPosition = headPosition
    }
}
