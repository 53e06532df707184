import Store

/// How feed positions are given, by the relay (`OutboxRelay`) and by a bulk append (`Outbox.appendAllPositioned`):
/// under the relay's advisory lock, held to the end of the giving transaction, after the highest position given.
///
/// Whoever holds the lock reads the head only after taking it, so it sees every position committed by the holders
/// before it, and no other holder can commit while it holds the lock: the ranges are given, and become visible, one
/// after the other, each above the last.
enum FeedPositions {
    /// The highest position given so far, 0 for none, as one row with the column `position`; usable as a subquery.
    static let head = "SELECT coalesce(max(position), 0) AS position FROM outbox"

    /// Takes the lock if no one holds it; returns whether it did.
    static func tryLock(_ names: FeedNames, on connection: PostgresConnection) throws -> Bool {
        let locked = try connection.query("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked",
                                          [.text(names.relayLockKey)])
        return try locked.first?.decode(Bool.self, "locked") == true
    }

    /// Takes the lock, waiting for the transaction that holds it to end.
    static func lock(_ names: FeedNames, on connection: PostgresConnection) throws {
        _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text(names.relayLockKey)])
    }
}
