/// The names one service's feed goes by in its schema and in PostgreSQL's notification channels.
public struct FeedNames: Sendable, Hashable {
    /// The service's schema, e.g. `identity`.
    public let schema: String

    public init(schema: String) { self.schema = schema }

    /// NOTIFY channel that says new outbox rows were committed and wait for positions.
    public var outboxChannel: String { "\(schema)_outbox" }
    /// NOTIFY channel that says positions were assigned: readers waiting on the feed may look again.
    public var feedChannel: String { "\(schema)_feed" }
    /// Key of the advisory lock that lets one relay at a time assign positions.
    public var relayLockKey: String { "clm.feed.relay.\(schema)" }
}
