public import Logging
import ServiceLifecycle
public import Store

/// Runs one batch of background work again and again until graceful shutdown: at once while batches come back full,
/// otherwise when woken — by a NOTIFY on its channel from another process, or by `wake()` in this one — or after the
/// sweep interval, in case a notification was missed. After a failure it waits longer each time, up to 10 s.
///
/// The outbox relay and scoring's rescorer are both this loop around their own batch.
public final class BatchWorker: Sendable {
    private let name: String
    private let notifications: PostgresNotifications?
    private let channel: String
    private let sweepInterval: Duration
    private let logger: Logger
    private let wakeups = FeedSignal()

    /// - Parameters:
    ///   - name: what the work is, for the log ("relay", "rescoring").
    ///   - notifications: the process's LISTEN connection; nil to rely on `wake()` and sweeps.
    ///   - channel: the NOTIFY channel that announces new work.
    public init(name: String, notifications: PostgresNotifications?, channel: String, sweepInterval: Duration,
                logger: Logger) {
        self.name = name
        self.notifications = notifications
        self.channel = channel
        self.sweepInterval = sweepInterval
        self.logger = logger
    }

    /// Tells the worker that work was just committed in this process, so it need not wait for NOTIFY or a sweep.
    public func wake() { wakeups.notify() }

    /// Runs `batch` until graceful shutdown; `batch` returns whether more work may be waiting (a full batch).
    public func run(_ batch: @escaping @Sendable () async throws -> Bool) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            if let notifications {
                let stream = notifications.notifications(channel: channel)
                let wakeups = self.wakeups
                group.addTask {
                    for await _ in stream { wakeups.notify() }
                }
            }
            group.addTask { [self] in
                try await cancelWhenGracefulShutdown { try await self.loop(batch) }
            }
            // The notification stream has no end of its own: stop it with the loop.
            try await gracefulShutdown()
            group.cancelAll()
        }
    }

    private func loop(_ batch: @Sendable () async throws -> Bool) async throws {
        var failures = 0
        while !Task.isCancelled {
            let seen = wakeups.version
            do {
                let more = try await batch()
                failures = 0
                if more { continue }
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                logger.warning("\(name) failed; will retry", metadata: ["error": "\(error)", "failures": "\(failures)"])
            }
            let pause = failures == 0 ? sweepInterval : min(sweepInterval * failures, .seconds(10))
            await wakeups.wait(changedFrom: seen, timeout: pause)
        }
    }
}
