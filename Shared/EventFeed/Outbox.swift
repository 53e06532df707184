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

    /// Appends many events with one COPY and one NOTIFY, for bulk work: row by row, a million events would cost a
    /// million round trips. The relay gives them their positions after commit, as it does for `append`; for events
    /// by the hundred thousand, `appendAllPositioned` spares it that.
    /// - Throws: `WireError` when an event does not encode, `StoreError` when the copy fails.
    public func appendAll<Event: WireMessage>(_ events: [(event: Event, subject: String)], traceID: String = "",
                                             on connection: PostgresConnection) throws {
        try appendAll(encoded: try events.map { try EncodedEvent($0.event, subject: $0.subject) }, traceID: traceID,
                      on: connection)
    }

    /// `appendAll(_:traceID:on:)` for events already encoded, of any types, in their order.
    public func appendAll(encoded events: [EncodedEvent], traceID: String = "",
                          on connection: PostgresConnection) throws {
        guard !events.isEmpty else { return }
        try connection.copyInBinary("COPY outbox (event_type, subject, payload, trace_id) FROM STDIN (FORMAT binary)",
                                    columns: 4, rows: events) { event, row in event.write(traceID: traceID, &row) }
        try connection.execute("SELECT pg_notify($1, '')", [.text(names.outboxChannel)])
    }

    /// Appends many events with one COPY, with their feed positions given here, in this transaction, so that the
    /// relay has nothing to number for them after commit. A bulk resolution creates a customer per cluster: numbered
    /// by the relay, a million events became a million-row UPDATE right after the load, whose dead row versions and
    /// competition slowed online resolution for a while.
    ///
    /// The positions are given as the relay gives them (see `FeedPositions`):
    /// - The transaction takes the relay's advisory lock, waiting if a relay pass (or another positioned append)
    ///   holds it, and keeps it to its end. From then on no one else gives positions until it commits or rolls back.
    /// - It then reads the head, the highest position given. At READ COMMITTED each statement sees what was committed
    ///   before it started, and PostgreSQL makes a commit visible before it releases the committer's locks: the head
    ///   includes every position given by the holders before this one.
    /// - The events are copied with positions head + 1 … head + k, in the order given.
    ///
    /// Why a reader never passes an event: positions become visible only when their giver commits, all of a giver's
    /// at once, and every giver holds the lock from before it reads the head until after its commit is visible. So
    /// the givers commit one after the other, in the order they took the lock. A position N that a reader saw before
    /// this transaction commits was committed by an earlier holder, before this one took the lock: N ≤ head, below
    /// every position given here. Any position given after this commit is given by a later holder, whose head is at
    /// least head + k. A position that becomes visible is therefore above every position visible before it, and
    /// positions stay dense: none is skipped, none given twice. A rollback makes nothing visible and consumes
    /// nothing (the next holder reads the same head), unlike a sequence.
    ///
    /// Rows this transaction appends with `append` or `appendAll`, before or after this call, keep no position until
    /// the relay numbers them after commit, above head + k: in the feed they come after these events whatever the
    /// order of the calls. Rows of other transactions that committed before the lock was taken but that the relay
    /// had not numbered yet (it numbers within milliseconds of a commit) also come after these events: these events
    /// take their place in the feed as though they committed when the lock was taken.
    ///
    /// Call it as the transaction's last step before commit: the lock is held from here to commit, and meanwhile the
    /// relay, which only tries the lock, numbers nothing. The events are encoded before the lock is taken. At commit,
    /// NOTIFY on the feed channel wakes readers, and NOTIFY on the outbox channel wakes relays for the rows that other
    /// transactions committed while the lock was held (their own NOTIFY found the relay locked out). These rows are
    /// never updated, so they leave no dead row versions, and the relay's vacuum count rightly does not include them.
    /// - Returns: the positions given, nil when `events` is empty.
    /// - Throws: `WireError` when an event does not encode; `StoreError` when the transaction is not at READ
    ///   COMMITTED (under a snapshot taken before the lock, the head could be stale) or when the copy fails.
    @discardableResult
    public func appendAllPositioned<Event: WireMessage>(
        _ events: [(event: Event, subject: String)], traceID: String = "", on connection: PostgresConnection
    ) throws -> ClosedRange<Int64>? {
        try appendAllPositioned(encoded: try events.map { try EncodedEvent($0.event, subject: $0.subject) },
                                traceID: traceID, on: connection)
    }

    /// `appendAllPositioned(_:traceID:on:)` for events already encoded, of any types: they take their positions in
    /// their order.
    @discardableResult
    public func appendAllPositioned(encoded events: [EncodedEvent], traceID: String = "",
                                    on connection: PostgresConnection) throws -> ClosedRange<Int64>? {
        guard !events.isEmpty else { return nil }
        try FeedPositions.lock(names, on: connection)
        let head = try connection.query(
            "SELECT position, current_setting('transaction_isolation') AS isolation FROM (\(FeedPositions.head)) head")
        let isolation = try head.first?.decode(String.self, "isolation")
        guard isolation == "read committed" else {
            throw StoreError(.queryFailed, message: "events can be appended with their positions only in a READ "
                             + "COMMITTED transaction, not \(isolation ?? "none"): the head is read after the lock")
        }
        let first = try head[0].decode(Int64.self, "position") + 1
        try connection.copyInBinary(
            "COPY outbox (position, event_type, subject, payload, trace_id) FROM STDIN (FORMAT binary)", columns: 5,
            rows: events.enumerated()) { numbered, row in
                row.int8(first + Int64(numbered.offset))
                numbered.element.write(traceID: traceID, &row)
            }
        try connection.execute("SELECT pg_notify($1, ''), pg_notify($2, '')",
                               [.text(names.feedChannel), .text(names.outboxChannel)])
        return first...(first + Int64(events.count) - 1)
    }
}

/// An event encoded for the outbox: its type (the message's proto name), its subject and its payload. A service
/// that writes a great many of one kind may encode them itself, faster than the codec's generic path.
public struct EncodedEvent: Sendable, Equatable {
    public var type: String
    public var subject: String
    public var payload: [UInt8]

    public init(type: String, subject: String, payload: [UInt8]) {
        self.type = type
        self.subject = subject
        self.payload = payload
    }

    /// `event` encoded with protobuf-c.
    /// - Throws: `WireError` when the event does not encode.
    public init<Event: WireMessage>(_ event: Event, subject: String) throws {
        self.init(type: Event.protoName, subject: subject,
                  payload: Array(try WireCodec.encode(event).readableBytesView))
    }

    /// The COPY row: type, subject, payload, trace id.
    /// The event's fields of an outbox row: type, subject, payload, trace id.
    func write(traceID: String, _ row: inout PostgresBinaryRow) {
        row.text(type)
        row.text(subject)
        row.bytes(payload)
        row.text(traceID)
    }
}
