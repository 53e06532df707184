public import Logging
public import ServiceLifecycle
import Synchronization

/// LISTEN/NOTIFY for the suite: one dedicated connection that listens on a fixed set of channels
/// and fans each notification out to every subscriber of its channel.
///
/// Notifications are a wake-up signal, not a queue: PostgreSQL drops them while nobody listens.
/// After every reconnect each subscriber receives one empty payload, meaning "something may have been
/// missed; look at the tables again".
public final class PostgresNotifications: Service, Sendable {
    /// Where the listening connection goes (``PostgresConfiguration/poolSize`` is ignored).
    public let configuration: PostgresConfiguration
    /// The channels listened to.
    public let channels: [String]
    private let logger: Logger
    private let state = Mutex(State())

    /// How long one wait on the socket lasts, so the thread notices a stop request quickly.
    private static let pollMilliseconds: Int32 = 100

    private struct State {
        var subscribers: [String: [Int: AsyncStream<String>.Continuation]] = [:]
        var nextSubscriberID = 0
        var stopRequested = false
        var ended = false
        var listenerPID: Int32?
        var listeningWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// One dedicated connection that LISTENs; a thread polls its socket (poll() with a short timeout so
    /// it can stop), reconnects with backoff when lost (and re-LISTENs). Nothing starts before ``run()``.
    /// - Parameters:
    ///   - configuration: Where to connect.
    ///   - channels: The channel names, used exactly as given (case-sensitive, quoted in `LISTEN`).
    ///   - logger: Receives connection losses and reconnects.
    public init(configuration: PostgresConfiguration, channels: [String], logger: Logger) {
        self.configuration = configuration
        self.channels = channels
        self.logger = logger
    }

    /// Listens until graceful shutdown or cancellation, then ends every subscriber's stream.
    public func run() async throws {
        let thread = DatabaseThreads(count: 1)
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                _ = try? await thread.run { self.listenUntilStopped() }
            } onGracefulShutdown: {
                self.requestStop()
            }
        } onCancel: {
            self.requestStop()
        }
        await thread.shutdown()
        let (subscribers, waiters) = state.withLock { state in
            state.ended = true
            state.stopRequested = true
            defer {
                state.subscribers.removeAll()
                state.listeningWaiters.removeAll()
            }
            return (state.subscribers.values.flatMap(\.values), state.listeningWaiters)
        }
        subscribers.forEach { $0.finish() }
        waiters.forEach { $0.resume() }
    }

    /// A stream of notification payloads on `channel` (must be one of `channels`). Each subscriber gets
    /// every notification after it subscribed. Also yields "" once after every reconnect (a notification
    /// may have been missed). Not after the first connect: call ``waitUntilListening()`` before relying on
    /// delivery, and look at the tables once after subscribing.
    ///
    /// The stream ends when the service stops, or at once for a channel not in ``channels`` (logged as an
    /// error). It buffers without limit, so read it promptly.
    public func notifications(channel: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        guard channels.contains(channel) else {
            logger.error("subscribed to a channel that is not listened to", metadata: ["channel": "\(channel)"])
            continuation.finish()
            return stream
        }
        let id: Int? = state.withLock { state in
            guard !state.ended else { return nil }
            state.nextSubscriberID += 1
            state.subscribers[channel, default: [:]][state.nextSubscriberID] = continuation
            return state.nextSubscriberID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers[channel]?.removeValue(forKey: id) }
        }
        return stream
    }

    /// Whether the connection is currently listening.
    public var isListening: Bool { state.withLock { $0.listenerPID != nil } }

    /// The server process ID of the listening connection, while there is one.
    public var listenerBackendPID: Int32? { state.withLock { $0.listenerPID } }

    /// Returns once the connection listens on every channel (or the service has stopped), so that a
    /// NOTIFY sent afterwards is delivered.
    public func waitUntilListening() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                if state.listenerPID != nil || state.ended { return true }
                state.listeningWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func requestStop() {
        state.withLock { $0.stopRequested = true }
    }

    private var stopRequested: Bool { state.withLock { $0.stopRequested } }

    /// On the listener thread: connect, LISTEN, wait for notifications; on loss, back off and repeat.
    private func listenUntilStopped() {
        var delayMilliseconds = 50
        var hasListenedBefore = false
        while !stopRequested {
            guard let connection = openListeningConnection() else {
                sleep(milliseconds: delayMilliseconds)
                delayMilliseconds = min(delayMilliseconds * 2, 5_000)
                continue
            }
            delayMilliseconds = 50
            markListening(pid: connection.backendPID)
            if hasListenedBefore {
                // Anything sent while no connection listened is gone: tell subscribers to look again.
                broadcast("")
            }
            hasListenedBefore = true
            receive(on: connection)
            state.withLock { $0.listenerPID = nil }
        }
    }

    private func openListeningConnection() -> LibpqConnection? {
        do {
            let connection = try LibpqConnection.connect(configuration, logger: logger)
            let script = channels.map { "LISTEN \(PostgresQuoting.identifier($0))" }.joined(separator: "; ")
            if !script.isEmpty { try connection.executeScript(script) }
            logger.debug("listening", metadata: ["channels": "\(channels)", "pid": "\(connection.backendPID)"])
            return connection
        } catch {
            logger.warning("could not open the LISTEN connection; retrying", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func receive(on connection: LibpqConnection) {
        while !stopRequested {
            switch connection.waitForNotifications(timeoutMilliseconds: Self.pollMilliseconds) {
            case .received(let notifications):
                for notification in notifications { deliver(notification.payload, on: notification.channel) }
            case .timedOut:
                continue
            case .lost:
                let reason = connection.lastErrorMessage
                logger.warning("the LISTEN connection was lost; reconnecting", metadata: ["error": "\(reason)"])
                return
            }
        }
    }

    private func markListening(pid: Int32) {
        let waiters = state.withLock { state in
            state.listenerPID = pid
            defer { state.listeningWaiters.removeAll() }
            return state.listeningWaiters
        }
        waiters.forEach { $0.resume() }
    }

    private func deliver(_ payload: String, on channel: String) {
        let subscribers = state.withLock { Array(($0.subscribers[channel] ?? [:]).values) }
        subscribers.forEach { $0.yield(payload) }
    }

    private func broadcast(_ payload: String) {
        let subscribers = state.withLock { $0.subscribers.values.flatMap(\.values) }
        subscribers.forEach { $0.yield(payload) }
    }

    /// Sleeps in short steps so a stop request ends the wait early.
    private func sleep(milliseconds: Int) {
        var remaining = milliseconds
        while remaining > 0, !stopRequested {
            let step = min(remaining, 50)
            usleepMilliseconds(step)
            remaining -= step
        }
    }
}
