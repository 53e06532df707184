import EventFeed
import Logging
import ServiceLifecycle
import Store

/// Scores again the customers the feed applier queued, soon after the consumer commits their facts: woken by the
/// queue's NOTIFY, and sweeping every second in case one was missed. Each batch is one transaction (take from the
/// queue, read facts, store cards), so a crash puts the batch back on the queue. Every replica runs one; they share
/// the queue without waiting on each other (SKIP LOCKED).
final class Rescorer: Service, Sendable {
    private let context: ScoringContext
    private let notifications: PostgresNotifications
    private let wakeups = FeedSignal()
    private let sweepInterval: Duration

    init(context: ScoringContext, notifications: PostgresNotifications, sweepInterval: Duration = .seconds(1)) {
        self.context = context
        self.notifications = notifications
        self.sweepInterval = sweepInterval
    }

    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            let stream = notifications.notifications(channel: RescoreQueue.channel)
            let wakeups = self.wakeups
            group.addTask {
                for await _ in stream { wakeups.notify() }
            }
            group.addTask { [self] in
                try await cancelWhenGracefulShutdown { try await self.loop() }
            }
            // The notification stream has no end of its own: stop it with the loop.
            try await gracefulShutdown()
            group.cancelAll()
        }
    }

    private func loop() async throws {
        var failures = 0
        while !Task.isCancelled {
            let seen = wakeups.version
            do {
                let taken = try await rescoreBatch()
                failures = 0
                if taken == context.settings.batchSize { continue }  // more may be waiting
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                context.logger.warning("rescoring failed; will retry",
                                       metadata: ["error": "\(error)", "failures": "\(failures)"])
            }
            let pause = failures == 0 ? sweepInterval : min(sweepInterval * failures, .seconds(10))
            await wakeups.wait(changedFrom: seen, timeout: pause)
        }
    }

    /// Takes one batch off the queue and scores it; returns how many customers it took.
    func rescoreBatch() async throws -> Int {
        let context = self.context
        return try await context.pool.transaction { connection in
            let taken = try RescoreQueue.take(limit: context.settings.batchSize, on: connection)
            _ = try Rescoring(context: context, connection: connection).rescore(taken.map(\.code))
            return taken.count
        }
    }
}
