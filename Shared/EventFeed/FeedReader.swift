public import Models
import NIOCore
public import RPC
public import Store

/// Serves `ListEvents`: the events after a position, in position order, waiting a while for one if asked to.
public struct FeedReader: Sendable {
    /// Most events one answer carries.
    public static let maxLimit: Int32 = 10_000
    /// Events in an answer when the request names no limit.
    public static let defaultLimit: Int32 = 100
    /// Longest wait a request may ask for, in milliseconds.
    public static let maxWaitMillis: Int32 = 30_000

    private let pool: PostgresPool
    private let signal: FeedSignal

    /// - Parameter signal: the signal the relay notifies, in this process and (through NOTIFY) from others.
    public init(pool: PostgresPool, signal: FeedSignal) {
        self.pool = pool
        self.signal = signal
    }

    /// Answers one `ListEvents` call.
    /// - Throws: `RPCError(.invalidArgument)` for a request out of range; `StoreError` when the database fails.
    public func listEvents(_ request: ListEventsRequest, context: ServerContext) async throws -> ListEventsResponse {
        try Self.validate(request)
        let limit = request.limit == 0 ? Self.defaultLimit : request.limit
        var waitUntil = NIODeadline.now() + .milliseconds(Int64(request.waitMillis))
        if let deadline = context.deadline {
            // Leave a little of the caller's time for the answer to travel back.
            waitUntil = min(waitUntil, deadline - .milliseconds(20))
        }
        while true {
            let seen = signal.version
            let page = try await read(after: request.after, limit: limit)
            let remaining = waitUntil - .now()
            if !page.events.isEmpty || remaining <= .zero || Task.isCancelled { return page }
            await signal.wait(changedFrom: seen, timeout: .nanoseconds(remaining.nanoseconds))
        }
    }

    /// One page of events after `after`, and the head position.
    public func read(after: Int64, limit: Int32) async throws -> ListEventsResponse {
        try await pool.withConnection { connection in
            let rows = try connection.query("""
                SELECT position, event_type, subject, payload, trace_id,
                       (extract(epoch FROM created_at) * 1000000)::bigint AS occurred_micros
                FROM outbox WHERE position > $1 ORDER BY position LIMIT $2
                """, [.int(after), .int(Int64(limit))])
            let events = try rows.map { row in
                FeedEvent(position: try row.decode(Int64.self, "position"),
                          type: try row.decode(String.self, "event_type"),
                          subject: try row.decode(String.self, "subject"),
                          payload: try row.decode([UInt8].self, "payload"),
                          occurredAt: Timestamp(unixMicros: try row.decode(Int64.self, "occurred_micros")),
                          traceID: try row.decode(String.self, "trace_id"))
            }
            let head = try connection.query(FeedPositions.head)
            return ListEventsResponse(events: events, headPosition: try head.first?.decode(Int64.self, "position") ?? 0)
        }
    }

    static func validate(_ request: ListEventsRequest) throws(RPCError) {
        if request.after < 0 {
            throw .invalidArgument(field: "after", "must be 0 (the start of the feed) or a position, not \(request.after)")
        }
        if request.limit < 0 || request.limit > maxLimit {
            throw .invalidArgument(field: "limit", "must be between 0 (default \(defaultLimit)) and \(maxLimit), not \(request.limit)")
        }
        if request.waitMillis < 0 || request.waitMillis > maxWaitMillis {
            throw .invalidArgument(field: "wait_millis", "must be between 0 and \(maxWaitMillis), not \(request.waitMillis)")
        }
    }
}
