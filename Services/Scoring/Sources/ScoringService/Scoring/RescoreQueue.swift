import Models
import ScoringAPI
import Store

/// The customers waiting to be scored again, kept in the database so that a crash between the facts and the card
/// loses nothing: the feed applier adds customers in the consumer's transaction, the rescorer takes them out in its
/// own.
enum RescoreQueue {
    /// NOTIFY channel that wakes the rescorers when customers are queued (delivered on commit).
    static let channel = "scoring_rescore"

    /// Queues `codes` (empty ones are left out) for rescoring, as touched by the event at `position`.
    static func add(_ codes: some Sequence<String>, trigger: ScoreTrigger, position: Int64,
                    on connection: PostgresConnection) throws {
        let wanted = Set(codes.filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO rescore_queue (customer_code, trigger, position)
            SELECT code, $2, $3 FROM unnest($1::text[]) AS code
            ON CONFLICT (customer_code) DO UPDATE
            SET trigger = excluded.trigger, position = greatest(rescore_queue.position, excluded.position)
            """, [PostgresValue.textArray(wanted.sorted()), .text(trigger.rawValue), .int(position)])
        try connection.execute("SELECT pg_notify($1, '')", [.text(channel)])
    }

    /// Takes up to `limit` customers off the queue, oldest first, skipping those another rescorer holds. The rows
    /// come back if the caller's transaction rolls back.
    static func take(limit: Int, on connection: PostgresConnection) throws -> [(code: String, trigger: ScoreTrigger)] {
        try connection.query(
            """
            DELETE FROM rescore_queue WHERE customer_code IN (
                SELECT customer_code FROM rescore_queue ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING customer_code, trigger
            """, [.int(Int64(limit))]).map { row in
            (try row.decode(String.self, "customer_code"),
             ScoreTrigger(rawValue: try row.decode(String.self, "trigger")) ?? .event)
        }
    }
}
