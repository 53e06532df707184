import Foundation
import Models
import RPC
import ScoringAPI

/// One full rescore through scoring's RPCs, timed from the outside: `StartRescoreAll`, then `GetRescoreStatus` every
/// 100 ms until the job is no longer queued or running. The wall time is the caller's (start call to the poll that
/// saw the end, so up to one poll late); the job's own start and finish times are kept beside it.
struct RescoreRun {
    let client: RPCClient

    /// How a rescore went.
    struct Outcome {
        var job: Job
        var wallSeconds: Double
        /// `finishedAt − startedAt` as the service recorded them; nil without both.
        var jobSeconds: Double?
    }

    /// Why a rescore could not be timed.
    enum Failure: Error, CustomStringConvertible {
        /// The service answers UNIMPLEMENTED: StartRescoreAll has not landed yet.
        case notBuilt(String)

        var description: String {
            switch self {
            case .notBuilt(let message): "StartRescoreAll is not built yet (UNIMPLEMENTED: \(message))"
            }
        }
    }

    func run(reason: String) async throws -> Outcome {
        var started = ContinuousClock().now
        var job = try await start(reason: reason)
        if job.requestedBy != Self.operatorID {
            // Another full rescore was running (StartRescoreAll answers with it): let it end, then start ours.
            say("  another full rescore (\(job.requestedBy)) is running; waiting for it first")
            _ = try await follow(job, since: started)
            started = ContinuousClock().now
            job = try await start(reason: reason)
        }
        return try await follow(job, since: started)
    }

    private static let operatorID = "scoring-bench"

    private func start(reason: String) async throws -> Job {
        do {
            return try await client.call(ScoringAPI.startRescoreAll,
                                         StartRescoreAllRequest(operatorId: Self.operatorID, reason: reason)).job
        } catch {
            // Not `catch where`: Swift 6.3 crashes compiling a guarded catch of a typed throw here.
            guard error.status == .unimplemented else { throw error }
            throw Failure.notBuilt(error.message)
        }
    }

    /// Polls `job` until it is no longer queued or running.
    private func follow(_ job: Job, since started: ContinuousClock.Instant) async throws -> Outcome {
        let clock = ContinuousClock()
        var job = job
        var lastReport = clock.now
        while job.state == .queued || job.state == .running {
            try await Task.sleep(for: .milliseconds(100))
            job = try await client.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest(jobId: job.jobId)).job
            if clock.now - lastReport > .seconds(60) {
                lastReport = clock.now
                say(String(format: "  … %.0f s: %lld of %lld customers; %@", (clock.now - started).inSeconds,
                           job.itemsDone, job.itemsTotal, job.message))
            }
        }
        let wall = (clock.now - started).inSeconds
        let own = job.startedAt.flatMap { start in
            job.finishedAt.map { Double($0.unixMicros - start.unixMicros) / 1e6 }
        }
        return Outcome(job: job, wallSeconds: wall, jobSeconds: own)
    }
}
