import Foundation

extension PostgresConnection {
    /// Runs `body` with a reader of the cursors named `cursors` (declared on this connection) whose FETCHes run
    /// ahead on a thread of their own, a few batches of `fetchSize` rows per cursor, while `body` works through the
    /// batches already read.
    ///
    /// A FETCH answered one at a time leaves the server idle while the caller works through the rows, and the caller
    /// idle while the server reads the next ones: the server can run ahead only by what the socket's buffer holds,
    /// a fraction of a batch. Here the thread drains the socket as the server writes. `body` must not use this
    /// connection: the thread does, until `body` has returned and the thread has stopped.
    /// - Throws: what `body` throws, or a FETCH's ``StoreError`` when `body` asks for its batch.
    public func readingAhead<T>(cursors: [String], fetchSize: Int, depth: Int = 2,
                                _ body: (PostgresReadAhead) throws -> T) throws -> T {
        let reader = PostgresReadAhead(connection: self, cursors: cursors, fetchSize: fetchSize, depth: depth)
        reader.start()
        defer { reader.stop() }
        return try body(reader)
    }
}

/// The batches of rows of a few cursors, fetched ahead
/// (``PostgresConnection/readingAhead(cursors:fetchSize:depth:_:)``).
///
/// `@unchecked Sendable`: its state is guarded by `condition`; the connection is used by the fetching thread alone
/// while it runs, and by nobody else until `stop` has waited for it.
public final class PostgresReadAhead: @unchecked Sendable {
    private let connection: PostgresConnection
    private let cursors: [String]
    private let fetchSize: Int
    private let depth: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    /// Per cursor, the batches fetched and not taken yet.
    private var ready: [[PostgresRows]]
    /// Per cursor, whether its last batch was fetched (one of fewer than `fetchSize` rows).
    private var finished: [Bool]
    /// The cursor `next` waits for, fetched before any other.
    private var awaited: Int?
    private var failure: (any Error)?
    private var stopping = false
    private var running = false

    init(connection: PostgresConnection, cursors: [String], fetchSize: Int, depth: Int) {
        self.connection = connection
        self.cursors = cursors
        self.fetchSize = fetchSize
        self.depth = max(1, depth)
        ready = Array(repeating: [], count: cursors.count)
        finished = Array(repeating: false, count: cursors.count)
    }

    /// The next batch of the cursor at `index` in the names given, waiting for it if need be. A batch of fewer than
    /// `fetchSize` rows is the cursor's last; asking past it is an error.
    public func next(_ index: Int) throws -> PostgresRows {
        condition.lock()
        defer { condition.unlock() }
        while ready[index].isEmpty {
            if let failure { throw failure }
            if finished[index] {
                throw StoreError(.queryFailed, message: "cursor \(cursors[index]) was read to its end already")
            }
            awaited = index
            condition.broadcast()
            condition.wait()
        }
        if awaited == index { awaited = nil }
        condition.broadcast()
        return ready[index].removeFirst()
    }

    func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in fetchUntilStopped() }
        thread.name = "read-ahead"
        thread.start()
    }

    /// Stops fetching and waits for a FETCH under way to end: the connection is the caller's again.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func fetchUntilStopped() {
        while let index = nextToFetch() {
            do {
                let rows = try connection.query("FETCH FORWARD \(fetchSize) FROM \(cursors[index])")
                condition.lock()
                ready[index].append(rows)
                finished[index] = rows.count < fetchSize
                condition.broadcast()
                condition.unlock()
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// The cursor to fetch from next: the one awaited, else the one with fewest batches ready below `depth`; nil once
    /// stopped or failed (the thread then ends).
    private func nextToFetch() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopping || failure != nil {
                running = false
                condition.broadcast()
                return nil
            }
            if let awaited, ready[awaited].isEmpty, !finished[awaited] { return awaited }
            let open = cursors.indices.filter { !finished[$0] && ready[$0].count < depth }
            if let index = open.min(by: { ready[$0].count < ready[$1].count }) { return index }
            condition.wait()
        }
    }
}
