import EventFeed
import Logging
import Models
import ScoringAPI
import ServiceLifecycle
import Store

/// Runs full rescores on this replica: queues the scheduled one when its slot passes (unless a full rescore was
/// queued since the slot), claims the queued job — or a running one whose runner died — and runs it. Woken by the
/// job channel's NOTIFY, and looking every few seconds in case one was missed. Replicas share the jobs: one claims
/// each (SKIP LOCKED), and a unique index keeps a second from being queued while one is queued or running.
final class RescoreJobRunner: Service, Sendable {
    private let context: ScoringContext
    private let worker: BatchWorker
    private let startedAt = Timestamp.now

    init(context: ScoringContext, notifications: PostgresNotifications, sweepInterval: Duration = .seconds(5)) {
        self.context = context
        self.worker = BatchWorker(name: "full rescores", notifications: notifications,
                                  channel: RescoreJobStore.channel, sweepInterval: sweepInterval,
                                  logger: context.logger)
    }

    /// The schedule configured; nil when scheduled rescores are off.
    static func schedule(_ settings: ScoringSettings) -> RescoreSchedule? {
        settings.rescoreAtMinute.map { RescoreSchedule(minuteOfDay: $0, utcOffsetSeconds: settings.utcOffsetSeconds) }
    }

    func run() async throws {
        if let line = context.settings.initialRuleSet,
            let seeded = try await InitialRuleSet.seed(line, context: context) {
            context.logger.info("initial rule set activated",
                                metadata: ["rule_set": "\(seeded.ruleSetId)@\(seeded.version)"])
        }
        try await worker.run { [self] in
            try await queueScheduled()
            guard let job = try await context.pool.withConnection({ try RescoreJobStore(connection: $0).claim() })
            else { return false }
            context.logger.info("full rescore started", metadata: ["job": "\(job.job.jobId)",
                                                                    "requested_by": "\(job.job.requestedBy)"])
            await RescoreAllJob(context: context, stored: job).run()
            return true
        }
    }

    /// Queues the scheduled rescore when a slot has passed since this replica started and no full rescore was
    /// queued since that slot (by another replica's schedule, an operator or an activation).
    private func queueScheduled() async throws {
        guard let schedule = Self.schedule(context.settings) else { return }
        let slot = schedule.lastSlot(atOrBefore: .now)
        guard slot >= startedAt else { return }
        try await context.pool.transaction { connection in
            let jobs = RescoreJobStore(connection: connection)
            guard try !jobs.anyCreated(since: slot) else { return }
            _ = try jobs.enqueue(trigger: .schedule, requestedBy: "schedule", reason: "daily full rescore")
        }
    }
}
