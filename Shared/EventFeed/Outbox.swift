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

    /// Appends many events with one COPY and one NOTIFY, for bulk work (a bulk resolution creates a customer per
    /// cluster): row by row, a million events would cost a million round trips.
    /// - Throws: `WireError` when an event does not encode, `StoreError` when the copy fails.
    public func appendAll<Event: WireMessage>(_ events: [(event: Event, subject: String)], traceID: String = "",
                                             on connection: PostgresConnection) throws {
        guard !events.isEmpty else { return }
        var rows: [[PostgresValue]] = []
        rows.reserveCapacity(events.count)
        for (event, subject) in events {
            let payload = try WireCodec.encode(event)
            rows.append([.text(Event.protoName), .text(subject), .bytes(Array(payload.readableBytesView)),
                         .text(traceID)])
        }
        try connection.copyIn("COPY outbox (event_type, subject, payload, trace_id) FROM STDIN", rows: rows)
        try connection.execute("SELECT pg_notify($1, '')", [.text(names.outboxChannel)])
    }
}
