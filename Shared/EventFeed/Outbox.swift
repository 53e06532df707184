import NIOCore
public import Store
public import WireCodec

/// Appends domain events to the service's outbox, inside the caller's transaction.
public struct Outbox: Sendable {
    public let names: FeedNames

    public init(names: FeedNames) { self.names = names }

    /// Appends `event`, encoded with protobuf-c, about `subject` (usually a customer code).
    ///
    /// Call it on the connection of the transaction that makes the change: the event commits with the change or
    /// not at all. The relay is told through NOTIFY, which PostgreSQL delivers only on commit.
    /// - Throws: `WireError` when the event does not encode, `StoreError` when the insert fails.
    public func append<Event: WireMessage>(_ event: Event, subject: String, traceID: String = "",
                                           on connection: PostgresConnection) throws {
        let payload = try WireCodec.encode(event)
        try connection.execute(
            "INSERT INTO outbox (event_type, subject, payload, trace_id) VALUES ($1, $2, $3, $4)",
            [.text(Event.protoName), .text(subject), .bytes(Array(payload.readableBytesView)), .text(traceID)])
        try connection.execute("SELECT pg_notify($1, '')", [.text(names.outboxChannel)])
    }
}
