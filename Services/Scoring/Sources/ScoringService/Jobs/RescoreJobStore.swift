import Foundation
import Models
import ScoringAPI
import Store

/// The `rescore_job` table: full rescores, queued by StartRescoreAll, a rule-set activation or the schedule, and
/// run by whichever replica claims them first. At most one is queued or running at a time (a unique index).
struct RescoreJobStore {
    let connection: PostgresConnection

    /// A job as stored: the proto's Job, and what its runner needs.
    struct Stored: Sendable {
        var job: Job
        var trigger: ScoreTrigger
        var afterCode: String
    }

    /// NOTIFY channel that wakes the job runners when a job is queued (delivered on commit).
    static let channel = "scoring_rescore_job"

    /// A runner that has not written its heartbeat for this long is taken to be dead; its job can be claimed again.
    static let staleAfterSeconds = 30

    private static let columns = """
        job_id, state, trigger, requested_by, reason, items_total, items_done, items_failed, after_code, message,
        extract(epoch FROM created_at)::float8 AS created, extract(epoch FROM started_at)::float8 AS started,
        extract(epoch FROM finished_at)::float8 AS finished
        """

    /// Queues a full rescore, or returns the one already queued or running (and false).
    func enqueue(trigger: ScoreTrigger, requestedBy: String, reason: String) throws -> (job: Stored, started: Bool) {
        let id = "rescore-" + UUID().uuidString.lowercased()
        let inserted = try connection.query(
            """
            INSERT INTO rescore_job (job_id, state, trigger, requested_by, reason) VALUES ($1, 'JOB_STATE_QUEUED', $2, $3, $4)
            ON CONFLICT DO NOTHING RETURNING \(Self.columns)
            """, [.text(id), .text(trigger.rawValue), .text(requestedBy), .text(reason)])
        if let row = inserted.first {
            try connection.execute("SELECT pg_notify($1, '')", [.text(Self.channel)])
            return (try Self.stored(row), true)
        }
        guard let running = try active() else {
            // The running job ended between the insert and the read: try once more.
            return try enqueue(trigger: trigger, requestedBy: requestedBy, reason: reason)
        }
        return (running, false)
    }

    /// The job queued or running now, if any.
    func active() throws -> Stored? {
        try connection.query(
            "SELECT \(Self.columns) FROM rescore_job WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_RUNNING')"
        ).first.map(Self.stored)
    }

    /// The job `id`, or the latest one for an empty id.
    func get(_ id: String) throws -> Stored? {
        let rows = id.isEmpty
            ? try connection.query("SELECT \(Self.columns) FROM rescore_job ORDER BY seq DESC LIMIT 1")
            : try connection.query("SELECT \(Self.columns) FROM rescore_job WHERE job_id = $1", [.text(id)])
        return try rows.first.map(Self.stored)
    }

    /// Whether a job was created at or after `instant` (the schedule's last slot).
    func anyCreated(since instant: Timestamp) throws -> Bool {
        try connection.query("SELECT EXISTS (SELECT 1 FROM rescore_job WHERE created_at >= $1)",
                             [.timestamp(microsSince1970: instant.unixMicros)])[0].decode(Bool.self, at: 0)
    }

    /// Claims the queued job, or a running one whose runner stopped writing its heartbeat; nil when there is none.
    func claim() throws -> Stored? {
        try connection.query(
            """
            UPDATE rescore_job SET state = 'JOB_STATE_RUNNING', started_at = coalesce(started_at, now()),
                   heartbeat_at = now()
            WHERE job_id = (SELECT job_id FROM rescore_job
                            WHERE state = 'JOB_STATE_QUEUED' OR (state = 'JOB_STATE_RUNNING'
                                  AND heartbeat_at < now() - make_interval(secs => \(Self.staleAfterSeconds)))
                            ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING \(Self.columns)
            """).first.map(Self.stored)
    }

    /// Records progress, which only moves forward (chunks in flight at once report out of order); false when the
    /// job is no longer running (cancelled meanwhile), so the runner stops.
    func progress(_ id: String, total: Int64? = nil, done: Int64, afterCode: String, message: String) throws -> Bool {
        !(try connection.query(
            """
            UPDATE rescore_job SET items_total = coalesce($2, items_total), items_done = greatest(items_done, $3),
                   after_code = greatest(after_code, $4), message = $5, heartbeat_at = now()
            WHERE job_id = $1 AND state = 'JOB_STATE_RUNNING' RETURNING job_id
            """, [.text(id), total.map { .int($0) } ?? .null, .int(done), .text(afterCode), .text(message)]).isEmpty)
    }

    /// Ends the job in `state` with a message for a person.
    func finish(_ id: String, _ state: JobState, message: String) throws {
        try connection.execute(
            """
            UPDATE rescore_job SET state = $2, message = $3, finished_at = now(), heartbeat_at = now(),
                   items_done = CASE WHEN $2 = 'JOB_STATE_SUCCEEDED' THEN items_total ELSE items_done END
            WHERE job_id = $1 AND state IN ('JOB_STATE_QUEUED', 'JOB_STATE_RUNNING')
            """, [.text(id), .text(state.rawValue), .text(message)])
    }

    /// Cancels the queued or running job, if any (a new activation supersedes it).
    func cancelActive(reason: String) throws {
        try connection.execute(
            """
            UPDATE rescore_job SET state = 'JOB_STATE_CANCELLED', message = $1, finished_at = now()
            WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_RUNNING')
            """, [.text(reason)])
    }

    private static func stored(_ row: PostgresRow) throws -> Stored {
        func time(_ column: String) throws -> Timestamp? {
            try row.decode(Double?.self, column).map { Timestamp(unixMicros: Int64(($0 * 1_000_000).rounded())) }
        }
        let job = Job(
            jobId: try row.decode(String.self, "job_id"), kind: "rescore-all",
            state: JobState(rawValue: try row.decode(String.self, "state")) ?? .unspecified,
            requestedBy: try row.decode(String.self, "requested_by"),
            createdAt: try time("created") ?? Timestamp(unixMicros: 0), startedAt: try time("started"),
            finishedAt: try time("finished"), itemsTotal: try row.decode(Int64.self, "items_total"),
            itemsDone: try row.decode(Int64.self, "items_done"), itemsFailed: try row.decode(Int64.self, "items_failed"),
            message: try row.decode(String.self, "message"))
        return Stored(job: job, trigger: ScoreTrigger(rawValue: try row.decode(String.self, "trigger")) ?? .rescoreAll,
                      afterCode: try row.decode(String.self, "after_code"))
    }
}
