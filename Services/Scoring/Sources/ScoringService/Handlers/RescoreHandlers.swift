import Foundation
import Models
import RPC
import ScoringAPI
import Store

/// StartRescoreAll and GetRescoreStatus: full rescores on demand, and how far one has got.
struct RescoreHandlers {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.startRescoreAll, roles: ScoringMethods.roles("StartRescoreAll")) { request, _ in
            try await start(request)
        }
        router.register(ScoringAPI.getRescoreStatus, roles: ScoringMethods.roles("GetRescoreStatus")) { request, _ in
            try await status(request)
        }
    }

    /// Queues a full rescore; when one is already queued or running, answers with that one.
    /// - Throws: INVALID_ARGUMENT without an operator_id.
    func start(_ request: StartRescoreAllRequest) async throws -> StartRescoreAllResponse {
        let operatorID = request.operatorId.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !operatorID.isEmpty else {
            throw RPCError.invalidArgument(field: "operator_id", "required: the person asking for the rescore")
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let job = try await context.pool.transaction { connection in
            try RescoreJobStore(connection: connection)
                .enqueue(trigger: .rescoreAll, requestedBy: operatorID, reason: reason).job.job
        }
        return StartRescoreAllResponse(job: job)
    }

    /// The job asked for, or the latest; and when the next scheduled rescore is due.
    /// - Throws: NOT_FOUND for an unknown job id, or when no full rescore has ever run.
    func status(_ request: GetRescoreStatusRequest) async throws -> GetRescoreStatusResponse {
        let id = request.jobId.trimmingCharacters(in: .whitespacesAndNewlines)
        let job = try await context.pool.withConnection { connection in
            try RescoreJobStore(connection: connection).get(id)
        }
        guard let job else {
            throw RPCError(.notFound, id.isEmpty
                ? "no full rescore has run yet: StartRescoreAll (clm score rescore-all) starts one"
                : "no full rescore \(id): GetRescoreStatus with an empty job_id shows the latest")
        }
        let next = RescoreJobRunner.schedule(context.settings)?.nextSlot(after: .now)
        return GetRescoreStatusResponse(job: job.job, nextScheduledAt: next)
    }
}
