import ArgumentParser
import Models
import ScoringAPI

/// `clm score rescore CODE`: one customer scored again now.
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Score one customer again now, from the facts scoring holds, and show the card.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    func run() async throws {
        let answer = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: code))
        }
        if global.json {
            try printJSON(answer)
            return
        }
        let card = answer.scoreCard
        print("rescored \(card.value.customerCode): tier " + (answer.tierChanged
            ? "changed from \(ScoringText.name(card.previousTier)) to \(ScoringText.name(card.value.tier))"
            : "unchanged"))
        print(ScoreCardText.header(card).joined(separator: "\n"))
    }
}

/// `clm score rescore-all --reason R`: the whole book scored again as a job, followed to its end.
struct RescoreAllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore-all",
        abstract: "Score the whole book again as a job, and follow its progress until it ends.",
        discussion: "When a full rescore is already running, that job is followed (no second one starts). Exits 1 "
            + "when the job fails or is cancelled.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var change: ChangeOptions

    @Option(name: .customLong("stall-timeout"),
            help: "Stop following the job when it shows no progress for this many seconds.")
    var stallTimeout: Int64 = 600

    func validate() throws {
        guard stallTimeout > 0 else { throw ValidationError("--stall-timeout must be positive") }
    }

    func run() async throws {
        let request = StartRescoreAllRequest(operatorId: change.recordedOperator(command: "score rescore-all"),
                                             reason: change.reason)
        let follower = JobFollower(label: "rescore", stallLimit: .seconds(stallTimeout))
        let job = try await global.withService(.scoring) { scoring in
            let started = try await scoring.call(ScoringAPI.startRescoreAll, request).job
            return try await follower.follow(started) { id in
                do {
                    return try await scoring.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest(jobId: id)).job
                } catch let failure as CommandFailure {
                    throw CommandFailure("\(failure)\nrescore job \(id) may still be running in the service")
                }
            }
        }
        if global.json {
            try printJSON(job)
        } else {
            let g = ScoringText.count
            print("rescore \(job.jobId): \(JobFollower.stateName(job.state)), \(g(job.itemsDone)) customers rescored"
                + (job.itemsFailed > 0 ? ", \(g(job.itemsFailed)) failed" : "")
                + (job.message.isEmpty ? "" : ": \(job.message)"))
        }
        if job.state != .succeeded { throw ExitCode(1) }
    }
}
