public import Logging
public import ServiceLifecycle
public import Store
import Synchronization

/// Gives committed outbox rows their feed positions, in commit order.
///
/// Rows get their `id` from a sequence when inserted, so ids become visible out of order when writers commit out of
/// order. The relay looks only at committed rows, and numbers them after the highest position given so far, under an
/// advisory lock held to the end of its transaction (`FeedPositions`): positions therefore become visible in order,
/// densely, and a reader that has seen position N will never later find a new event below N. Every replica runs a
/// relay; the lock lets one at a time work. A bulk append (`Outbox.appendAllPositioned`) gives its rows their
/// positions itself, under the same lock, and leaves the relay nothing to number for them.
public final class OutboxRelay: Service, Sendable {
    private let pool: PostgresPool
    private let names: FeedNames
    private let signal: FeedSignal
    private let worker: BatchWorker
    private let batchSize: Int
    private let vacuumAfter: Int
    private let logger: Logger
    /// Rows numbered since the outbox was last vacuumed. Numbering a row leaves its old version in the work-list
    /// index until a vacuum, and every look for new rows walks past them: after a bulk load's 485,000 events a look
    /// took 2 ms instead of a tenth of that, once for every event that followed, until autovacuum came round. Rows
    /// appended with their positions are not counted: they are never updated and leave no old versions.
    private let numberedSinceVacuum = Mutex(0)

    /// - Parameters:
    ///   - signal: notified after positions are given, for readers waiting in this process.
    ///   - notifications: the process's LISTEN connection, for commits in other processes; nil to rely on sweeps.
    ///   - sweepInterval: how often to look without being told, in case a notification was missed.
    ///   - vacuumAfter: once it has caught up, the relay vacuums the outbox when it has numbered this many rows
    ///     since the last time.
    public init(pool: PostgresPool, names: FeedNames, signal: FeedSignal, notifications: PostgresNotifications?,
                sweepInterval: Duration = .seconds(1), batchSize: Int = 10_000, vacuumAfter: Int = 50_000,
                logger: Logger) {
        self.pool = pool
        self.names = names
        self.signal = signal
        self.worker = BatchWorker(name: "relay", notifications: notifications, channel: names.outboxChannel,
                                  sweepInterval: sweepInterval, logger: logger)
        self.batchSize = batchSize
        self.vacuumAfter = vacuumAfter
        self.logger = logger
    }

    /// Tells the relay that rows were just committed in this process, so it need not wait for NOTIFY.
    public func poke() { worker.wake() }

    public func run() async throws {
        let batchSize = batchSize
        try await worker.run { [self] in try await assignPositions() == batchSize }
    }

    /// Numbers the committed rows that have no position yet; returns how many it numbered.
    @discardableResult
    public func assignPositions() async throws -> Int {
        let names = names
        let batchSize = batchSize
        let assigned = try await pool.transaction { connection -> Int in
            // Another replica's relay is at work, and will number these rows; or a bulk append is giving its rows
            // positions, and its NOTIFY will wake the relay again when it commits.
            guard try FeedPositions.tryLock(names, on: connection) else { return 0 }
            let rows = try connection.query("""
                WITH head AS (\(FeedPositions.head)),
                     batch AS (SELECT id, row_number() OVER (ORDER BY id) AS n
                               FROM outbox WHERE position IS NULL ORDER BY id LIMIT $1)
                UPDATE outbox SET position = head.position + batch.n
                FROM head, batch WHERE outbox.id = batch.id
                RETURNING outbox.position
                """, [.int(Int64(batchSize))])
            if !rows.isEmpty {
                try connection.execute("SELECT pg_notify($1, '')", [.text(names.feedChannel)])
            }
            return rows.count
        }
        if assigned > 0 { signal.notify() }
        let numbered = numberedSinceVacuum.withLock { count in
            count += assigned
            return count
        }
        if assigned < batchSize, numbered >= vacuumAfter {
            // The positions are committed; a vacuum that fails is tried again next time, without holding up the feed.
            do {
                try await pool.withConnection { try $0.executeScript("VACUUM outbox") }
                numberedSinceVacuum.withLock { $0 -= numbered }
            } catch {
                logger.warning("vacuuming the outbox failed; will try again", metadata: ["error": "\(error)"])
            }
        }
        return assigned
    }
}
