public import Logging
public import Models
import NIOCore
public import RPC
import ServiceAPI
public import ServiceLifecycle
public import Store

/// Follows the feed of the service upstream and applies its events to this service's schema.
///
/// Each batch is applied in one transaction together with the move of the cursor, so a crash neither loses an event
/// nor applies one twice. Several replicas may run consumers of the same feed: the cursor row is locked for the
/// transaction, and a replica that finds the cursor moved since it read the batch drops the batch and reads on.
public final class FeedConsumer: Service, Sendable {
    /// Applies one event inside the batch's transaction. Throwing rolls the whole batch back; it is tried again.
    public typealias Apply = @Sendable (FeedEvent, PostgresConnection) throws -> Void

    private let source: String
    private let client: RPCClient
    private let pool: PostgresPool
    private let batchSize: Int32
    private let waitMillis: Int32
    private let apply: Apply
    private let logger: Logger

    /// - Parameters:
    ///   - source: the upstream service's name, the cursor's key.
    ///   - client: a client of the upstream service.
    public init(source: String, client: RPCClient, pool: PostgresPool, batchSize: Int32 = 500,
                waitMillis: Int32 = 5_000, logger: Logger, apply: @escaping Apply) {
        self.source = source
        self.client = client
        self.pool = pool
        self.batchSize = batchSize
        self.waitMillis = waitMillis
        self.apply = apply
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            var failures = 0
            while !Task.isCancelled {
                do {
                    try await step()
                    failures = 0
                } catch is CancellationError {
                    return
                } catch {
                    failures += 1
                    let pause = Duration.milliseconds(min(250 * (1 << min(failures, 5)), 5_000))
                    logger.warning("feed consumer failed; will retry",
                                   metadata: ["source": "\(source)", "error": "\(error)", "retry_in": "\(pause)"])
                    try? await Task.sleep(for: pause)
                }
            }
        }
    }

    /// Reads one batch after the stored cursor and applies it; returns the cursor afterwards.
    @discardableResult
    public func step() async throws -> Int64 {
        let after = try await cursor()
        let response = try await client.call(
            CommonAPI.listEvents, ListEventsRequest(after: after, limit: batchSize, waitMillis: waitMillis),
            timeout: .milliseconds(Int64(waitMillis) + 10_000))
        guard let last = response.events.last else { return after }
        if let first = response.events.first, first.position != after + 1 {
            logger.error("feed has a gap", metadata: ["source": "\(source)", "after": "\(after)", "first": "\(first.position)"])
        }
        let source = source
        let apply = apply
        let events = response.events
        return try await pool.transaction { connection in
            try connection.execute(
                "INSERT INTO feed_cursor (source, position) VALUES ($1, 0) ON CONFLICT (source) DO NOTHING",
                [.text(source)])
            let current = try connection.query(
                "SELECT position FROM feed_cursor WHERE source = $1 FOR UPDATE", [.text(source)])
            let position = try current.first?.decode(Int64.self, "position") ?? 0
            // Another replica applied this batch meanwhile: leave it, and go on from where it got to.
            guard position == after else { return position }
            for event in events { try apply(event, connection) }
            try connection.execute(
                "UPDATE feed_cursor SET position = $2, updated_at = now() WHERE source = $1",
                [.text(source), .int(last.position)])
            return last.position
        }
    }

    /// The position of the last event applied.
    public func cursor() async throws -> Int64 {
        let source = source
        return try await pool.withConnection { connection in
            let rows = try connection.query("SELECT position FROM feed_cursor WHERE source = $1", [.text(source)])
            return try rows.first?.decode(Int64.self, "position") ?? 0
        }
    }
}
