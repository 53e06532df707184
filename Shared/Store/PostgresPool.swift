public import Logging
public import ServiceLifecycle
import Synchronization

/// A small pool of PostgreSQL connections, each used on a dedicated database thread.
///
/// There are as many threads as connections (``PostgresConfiguration/poolSize``), so work waiting
/// for a connection waits in the thread pool's queue, never on a thread. Connections open lazily on
/// first use; a connection found broken is dropped and replaced on the next use.
///
/// Run it in the process's `ServiceGroup` ahead of the services that use it, or call ``close()``:
/// until then its threads keep running.
public final class PostgresPool: Service, Sendable {
    /// Where the connections go.
    public let configuration: PostgresConfiguration
    let logger: Logger
    private let threads: DatabaseThreads
    private let state: Mutex<State>

    private struct State {
        /// One slot per connection; nil means "not open yet" or "dropped, open a new one".
        var slots: [LibpqConnection?]
        var inFlight = 0
        var phase = Phase.open
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private enum Phase { case open, closing, closed }

    /// Creates the pool and starts its database threads; no connection is opened yet.
    /// - Parameters:
    ///   - configuration: Where to connect and how many connections to keep.
    ///   - logger: Receives dropped-connection warnings and retry notes.
    public init(configuration: PostgresConfiguration, logger: Logger) {
        let size = max(1, configuration.poolSize)
        self.configuration = configuration
        self.logger = logger
        self.threads = DatabaseThreads(count: size)
        self.state = Mutex(State(slots: Array(repeating: nil, count: size)))
    }

    /// Waits for graceful shutdown (or cancellation), then ``close()``s the pool.
    public func run() async throws {
        // The pool works without run(); run() only ties closing to the service group's shutdown.
        try? await gracefulShutdown()
        await close()
    }

    /// Stops taking new work, finishes the work already queued, closes every connection and stops
    /// the threads. Calling it again waits for the first call to finish.
    public func close() async {
        enum Step { case start(drain: Bool), wait, done }
        let step: Step = state.withLock { state in
            switch state.phase {
            case .open:
                state.phase = .closing
                return .start(drain: state.inFlight > 0)
            case .closing: return .wait
            case .closed: return .done
            }
        }
        switch step {
        case .done:
            return
        case .wait:
            await withCheckedContinuation { continuation in
                let closed = state.withLock { state in
                    if state.phase == .closed { return true }
                    state.closeWaiters.append(continuation)
                    return false
                }
                if closed { continuation.resume() }
            }
        case .start(let drain):
            if drain {
                await withCheckedContinuation { continuation in
                    let drained = state.withLock { state in
                        if state.inFlight == 0 { return true }
                        state.drainWaiters.append(continuation)
                        return false
                    }
                    if drained { continuation.resume() }
                }
            }
            // PQfinish sends a Terminate message, so connections are closed on a database thread too.
            _ = try? await threads.run {
                let connections = self.state.withLock { state in
                    defer { state.slots.removeAll() }
                    return state.slots
                }
                return connections.count  // the last references end here, on the database thread
            }
            await threads.shutdown()
            let waiters = state.withLock { state in
                state.phase = .closed
                defer { state.closeWaiters.removeAll() }
                return state.closeWaiters
            }
            waiters.forEach { $0.resume() }
            logger.debug("postgres pool closed", metadata: ["pool": "\(configuration)"])
        }
    }

    /// Runs body on a DB thread with a connection of its own for the duration.
    ///
    /// If the closure leaves a transaction open, it is rolled back before the connection is lent again.
    /// - Parameter body: Blocking work with the connection; it must not keep the connection.
    /// - Returns: What `body` returned.
    /// - Throws: What `body` threw; ``StoreError/Code/connectionFailed`` when no connection could be
    ///   opened; ``StoreError/Code/poolClosed`` after ``close()``; `CancellationError` when the task was
    ///   cancelled before a thread picked the work up.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try enter()
        defer { leave() }
        return try await threads.run { try self.lend(body) }
    }

    /// Counts work in flight so ``close()`` can wait for it.
    private func enter() throws(StoreError) {
        let open = state.withLock { state in
            guard state.phase == .open else { return false }
            state.inFlight += 1
            return true
        }
        guard open else { throw StoreError(.poolClosed, message: "the PostgreSQL pool is closed") }
    }

    private func leave() {
        let waiters = state.withLock { state in
            state.inFlight -= 1
            guard state.inFlight == 0 else { return [CheckedContinuation<Void, Never>]() }
            defer { state.drainWaiters.removeAll() }
            return state.drainWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// On a database thread: lends a connection to `body` and takes it back afterwards.
    private func lend<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let handle = try checkOut()
        let connection = PostgresConnection(handle: handle)
        defer {
            connection.isLent = false
            checkIn(handle)
        }
        return try body(connection)
    }

    private func checkOut() throws(StoreError) -> LibpqConnection {
        // There are as many slots as threads, so a slot is always free for the thread running this.
        let slot = state.withLock { $0.slots.popLast() } ?? nil
        if let slot, !slot.wasClosedByServer { return slot }
        do {
            return try LibpqConnection.connect(configuration, logger: logger)
        } catch {
            state.withLock { $0.slots.append(nil) }
            throw error
        }
    }

    private func checkIn(_ handle: LibpqConnection) {
        var keep = !handle.isBroken
        if keep, handle.transactionState != .idle {
            // A closure left a transaction open or failed: roll back so the next caller starts clean.
            if handle.transactionState == .active {
                keep = false
            } else {
                _ = try? handle.simpleQuery("ROLLBACK")
                keep = !handle.isBroken && handle.transactionState == .idle
            }
        }
        if !keep {
            logger.warning("dropping a broken PostgreSQL connection", metadata: ["pid": "\(handle.backendPID)"])
        }
        state.withLock { $0.slots.append(keep ? handle : nil) }
    }
}
