import Logging

/// Transactions with automatic retry of transient failures.
extension PostgresPool {
    /// BEGIN (isolation), body, COMMIT; on serialization failure / deadlock / connection lost before COMMIT:
    /// ROLLBACK and run body again (up to `retries`, with a small jittered backoff). Lost during COMMIT:
    /// throws .commitOutcomeUnknown, never retried.
    ///
    /// `body` may run several times, so it must not have effects outside the database. Each attempt
    /// returns its connection to the pool and the backoff is awaited off the database threads.
    /// - Parameters:
    ///   - isolation: The isolation level for `BEGIN`.
    ///   - retries: How many times to run `body` again after a transient failure (0: never).
    ///   - body: The transaction's work; throwing rolls the transaction back.
    /// - Returns: What the successful attempt of `body` returned.
    /// - Throws: What `body` threw (after rollback); the last transient ``StoreError`` once retries are
    ///   spent; ``StoreError/Code/commitOutcomeUnknown`` when the connection broke during COMMIT.
    @discardableResult
    public func transaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        retries: Int = 5,
        _ body: @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await withConnection { connection in
                    try connection.runTransaction(isolation: isolation, body)
                }
            } catch let error as StoreError where error.isTransient && attempt < retries {
                attempt += 1
                let delay = Self.backoff(attempt: attempt)
                logger.debug(
                    "retrying transaction after a transient failure",
                    metadata: ["attempt": "\(attempt)", "error": "\(error.code)", "delayMs": "\(delay / 1_000_000)"])
                try await Task.sleep(nanoseconds: delay)
            }
        }
    }

    /// 5 ms doubling per attempt up to 200 ms, scaled by a random factor in [0.5, 1) so that the
    /// transactions that conflicted do not meet again in step.
    static func backoff(attempt: Int) -> UInt64 {
        let base = min(200_000_000, 5_000_000 << min(attempt - 1, 10))
        return UInt64(Double(base) * Double.random(in: 0.5..<1.0))
    }
}

extension PostgresConnection {
    /// On the database thread: one attempt of a transaction.
    func runTransaction<T>(isolation: IsolationLevel, _ body: (PostgresConnection) throws -> T) throws -> T {
        try handle.simpleQuery(isolation.beginStatement)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollBackQuietly()
            throw error
        }
        switch handle.transactionState {
        case .inTransaction:
            break
        case .inError:
            // The body caught a failed statement and carried on; COMMIT would only report ROLLBACK.
            rollBackQuietly()
            throw StoreError(
                .queryFailed,
                message: "a statement in the transaction failed and its error was not rethrown; rolled back")
        default:
            throw StoreError(.queryFailed, message: "the transaction body ended the transaction itself")
        }
        do {
            try handle.simpleQuery("COMMIT")
        } catch where error.code == .connectionLost {
            throw StoreError(
                .commitOutcomeUnknown,
                message: "the connection was lost during COMMIT; the transaction may or may not have committed",
                sqlState: error.sqlState, detail: error.message, query: "COMMIT")
        }
        return value
    }

    private func rollBackQuietly() {
        // A failed ROLLBACK means the connection is broken; the pool drops it on check-in.
        _ = try? handle.simpleQuery("ROLLBACK")
    }
}
