import CLMTesting
import Store
import Testing

/// `send` / `receive`: one statement in flight while the caller works, its rows or its error received after; any
/// other statement first drops an unreceived one, so the connection, and a transaction's end, stay usable.
@Suite struct SendReceiveTests {
    struct Refused: Error {}

    @Test func theRowsOfASentStatementAreReceivedAfter() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("send")
        let values = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.send("SELECT n FROM generate_series($1::int, $2::int) AS n", [3, 7])
                return try connection.receive().map { try $0.decode(Int.self, "n") }
            }
        }
        #expect(values == [3, 4, 5, 6, 7])
    }

    @Test func aSentStatementsErrorComesWithItsRows() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("sendfail")
        let (failure, after) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("CREATE TABLE book (id int PRIMARY KEY); INSERT INTO book VALUES (1)")
                try connection.send("INSERT INTO book VALUES (1)")
                var failure: StoreError?
                do { _ = try connection.receive() } catch let error as StoreError { failure = error }
                return (failure, try connection.query("SELECT count(*) AS n FROM book")[0].decode(Int.self, "n"))
            }
        }
        #expect(failure?.code == .uniqueViolation)
        #expect(after == 1)
    }

    @Test func aSecondSendDropsTheFirstsResult() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("sendtwice")
        let value = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.send("SELECT 1 AS n")
                try connection.send("SELECT 2 AS n")
                return try connection.receive()[0].decode(Int.self, "n")
            }
        }
        #expect(value == 2)
    }

    @Test func receivingWithNothingSentIsAnError() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("sendnone")
        let failure = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection -> StoreError? in
                try connection.send("SELECT 1")
                _ = try connection.receive()
                do { _ = try connection.receive() } catch let error as StoreError { return error }
                return nil
            }
        }
        #expect(failure?.code == .queryFailed)
        #expect(failure?.message.contains("no statement was sent") == true)
    }

    @Test func anotherStatementDropsAnUnreceivedOneAndTheTransactionStillEnds() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("senddrop")
        let (seen, kept, rolledBack) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { try $0.executeScript("CREATE TABLE book (id int)") }
            let seen = try await pool.transaction { connection in
                try connection.send("INSERT INTO book VALUES (1)")
                // Not received: the next statement reads and drops its result (the insert itself stands).
                let seen = try connection.query("SELECT count(*) AS n FROM book")[0].decode(Int.self, "n")
                // Dropped, so there is nothing left to receive.
                let error = #expect(throws: StoreError.self) { _ = try connection.receive() }
                #expect(error?.message.contains("no statement was sent") == true, "\(String(describing: error))")
                return seen
            }
            await #expect(throws: Refused.self) {
                try await pool.transaction { connection in
                    try connection.send("INSERT INTO book VALUES (2)")
                    throw Refused()
                }
            }
            let ids = try await pool.withConnection { connection in
                try connection.query("SELECT id FROM book ORDER BY id").map { try $0.decode(Int.self, "id") }
            }
            return (seen, ids.contains(1), !ids.contains(2))
        }
        #expect(seen == 1)
        #expect(kept)
        #expect(rolledBack, "a transaction that threw with a statement in flight rolled back")
    }
}
