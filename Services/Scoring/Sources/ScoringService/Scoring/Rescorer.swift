import EventFeed
import Logging
import ScoringAPI
import ServiceLifecycle
import Store

/// Scores again the customers the feed applier queued, soon after the consumer commits their facts: woken by the
/// queue's NOTIFY, and sweeping every second in case one was missed. Each batch is one transaction (take from the
/// queue, read facts, store cards), so a crash puts the batch back on the queue. Every replica runs one; they share
/// the queue without waiting on each other (SKIP LOCKED).
final class Rescorer: Service, Sendable {
    private let context: ScoringContext
    private let worker: BatchWorker

    init(context: ScoringContext, notifications: PostgresNotifications, sweepInterval: Duration = .seconds(1)) {
        self.context = context
        self.worker = BatchWorker(name: "rescoring", notifications: notifications, channel: RescoreQueue.channel,
                                  sweepInterval: sweepInterval, logger: context.logger)
    }

    func run() async throws {
        let batchSize = context.settings.batchSize
        try await worker.run { [self] in try await rescoreBatch() == batchSize }
    }

    /// Takes one batch off the queue and scores it; returns how many customers it took.
    func rescoreBatch() async throws -> Int {
        let context = self.context
        let (taken, events) = try await context.pool.transaction { connection in
            let taken = try RescoreQueue.take(limit: context.settings.batchSize, on: connection)
            var events = 0
            for trigger in Set(taken.map(\.trigger)).sorted(by: { $0.rawValue < $1.rawValue }) {
                events += try Rescoring(context: context, connection: connection)
                    .rescore(taken.filter { $0.trigger == trigger }.map(\.code), trigger: trigger).events
            }
            return (taken.count, events)
        }
        if events > 0 { context.relay.poke() }
        return taken
    }
}
