import Foundation
import IdentityAPI
import Models
import RPC
import Store

/// StartBulkResolution and GetBulkResolution.
struct BulkHandlers {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.startBulkResolution, roles: IdentityMethods.roles("StartBulkResolution")) {
            request, call in try await start(request, call: call)
        }
        router.register(IdentityAPI.getBulkResolution, roles: IdentityMethods.roles("GetBulkResolution")) {
            request, _ in try await get(request)
        }
    }

    func start(_ request: StartBulkResolutionRequest, call: ServerContext) async throws -> StartBulkResolutionResponse {
        let operatorID = request.operatorId.isEmpty ? "uid:\(call.caller.uid)" : request.operatorId
        let id = "bulk-" + UUID().uuidString.lowercased()
        let context = self.context
        let job = try await context.pool.transaction { connection -> Job in
            _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext('identity.bulk_job'))")
            // A job whose replica stopped beating is over.
            try connection.execute(
                """
                UPDATE bulk_job SET state = 4, finished_at = now(),
                       message = 'the replica running it stopped before it finished; start another'
                WHERE state = 2 AND heartbeat_at < now() - interval '2 minutes'
                """)
            if let running = try connection.query("SELECT id FROM bulk_job WHERE state = 2").first {
                throw RPCError(.failedPrecondition,
                               "bulk resolution \(try running.decode(String.self, at: 0)) is still running; "
                                   + "follow it with GetBulkResolution")
            }
            let total = try connection.query("""
                SELECT count(*) FROM party_record p
                WHERE \(PartyStore.deferred)
                """)[0]
                .decode(Int64.self, at: 0)
            try connection.execute(
                """
                INSERT INTO bulk_job (id, state, operator_id, estimate, total, phase)
                VALUES ($1, 2, $2, $3, $4, 'queued')
                """, [.text(id), .text(operatorID), .bool(request.estimateParameters), .int(total)])
            return try Self.job(id, on: connection)
        }
        let work = BulkResolutionJob(context: context, id: id, estimate: request.estimateParameters,
                                     operatorID: operatorID)
        Task.detached { await work.run() }
        return StartBulkResolutionResponse(job: job)
    }

    func get(_ request: GetBulkResolutionRequest) async throws -> GetBulkResolutionResponse {
        try await context.pool.withConnection { connection in
            let id: String
            if request.jobId.isEmpty {
                guard let latest = try connection.query("SELECT id FROM bulk_job ORDER BY seq DESC LIMIT 1").first else {
                    throw RPCError(.notFound, "no bulk resolution has been started")
                }
                id = try latest.decode(String.self, at: 0)
            } else {
                id = request.jobId
            }
            return GetBulkResolutionResponse(job: try Self.job(id, on: connection))
        }
    }

    static func job(_ id: String, on connection: PostgresConnection) throws -> Job {
        guard let row = try connection.query(
            """
            SELECT state, operator_id, started_at, finished_at, total, done, phase, message FROM bulk_job WHERE id = $1
            """, [.text(id)]).first
        else { throw RPCError(.notFound, "no bulk resolution \(id)") }
        let phase = try row.decode(String.self, at: 6), message = try row.decode(String.self, at: 7)
        let started = try row.decode(PostgresTimestamp.self, at: 2)
        return Job(jobId: id, kind: "bulk_resolution",
                   state: JobState(protoNumber: Int(try row.decode(Int16.self, at: 0))) ?? .unspecified,
                   requestedBy: try row.decode(String.self, at: 1),
                   createdAt: Timestamp(unixMicros: started.microsSince1970),
                   startedAt: Timestamp(unixMicros: started.microsSince1970),
                   finishedAt: try row.decode(PostgresTimestamp?.self, at: 3).map { Timestamp(unixMicros: $0.microsSince1970) },
                   itemsTotal: try row.decode(Int64.self, at: 4), itemsDone: try row.decode(Int64.self, at: 5),
                   message: message.isEmpty ? phase : message)
    }
}
