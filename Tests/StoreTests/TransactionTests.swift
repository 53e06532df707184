import CLMTesting
import Store
import Testing

@Suite struct TransactionTests {
    struct Refused: Error {}

    @Test func aTransactionThatThrowsRollsBack() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("rollback")
        let count = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { try $0.executeScript("CREATE TABLE claim (id int)") }
            await #expect(throws: Refused.self) {
                try await pool.transaction { connection in
                    try connection.execute("INSERT INTO claim VALUES (1)")
                    throw Refused()
                }
            }
            return try await pool.withConnection { try $0.query("SELECT id FROM claim").count }
        }
        #expect(count == 0)
    }

    @Test func aCommittedTransactionIsVisibleAndReturnsItsValue() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("commit")
        let (inserted, count) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { try $0.executeScript("CREATE TABLE claim (id int)") }
            let inserted = try await pool.transaction(isolation: .repeatableRead) { connection in
                try connection.execute("INSERT INTO claim VALUES (1), (2)")
            }
            return (inserted, try await pool.withConnection { try $0.query("SELECT id FROM claim").count })
        }
        #expect(inserted == 2)
        #expect(count == 2)
    }

    @Test func conflictingSerializableTransactionsAreRetriedUntilBothCommit() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("serializable")
        let runs = Counter()
        let barrier = ThreadBarrier(parties: 2)
        let onCall = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("""
                    CREATE TABLE doctor (name text PRIMARY KEY, on_call bool NOT NULL);
                    INSERT INTO doctor VALUES ('alice', true), ('bob', true);
                    """)
            }
            // Classic write skew: each sees two doctors on call and takes itself off.
            @Sendable func goOffCall(_ name: String) async throws {
                let attempts = Counter()
                try await pool.transaction(isolation: .serializable) { connection in
                    runs.increment()
                    let onCall = try connection.query("SELECT count(*) FROM doctor WHERE on_call")
                        .first?.decode(Int.self, at: 0) ?? 0
                    if attempts.increment() == 1 { barrier.arriveAndWait() }
                    if onCall >= 2 {
                        try connection.execute("UPDATE doctor SET on_call = false WHERE name = $1", [.text(name)])
                    }
                }
            }
            async let alice: Void = goOffCall("alice")
            async let bob: Void = goOffCall("bob")
            _ = try await (alice, bob)
            return try await pool.withConnection { connection in
                try connection.query("SELECT count(*) FROM doctor WHERE on_call").first?.decode(Int.self, at: 0)
            }
        }
        #expect(runs.current > 2)
        #expect(onCall == 1)
    }

    @Test func aDeadlockIsDetectedAndTheVictimIsRetried() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("deadlock")
        let runs = Counter()
        let barrier = ThreadBarrier(parties: 2)
        let balances = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("""
                    ALTER DATABASE \(PostgresQuoting.identifier(db.name)) SET deadlock_timeout = '50ms';
                    CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL);
                    INSERT INTO account VALUES (1, 0), (2, 0);
                    """)
            }
            @Sendable func touch(_ first: Int, then second: Int) async throws {
                let attempts = Counter()
                try await pool.transaction { connection in
                    runs.increment()
                    let update = "UPDATE account SET balance = balance + 1 WHERE id = $1"
                    try connection.execute(update, [PostgresValue(first)])
                    if attempts.increment() == 1 { barrier.arriveAndWait() }
                    try connection.execute(update, [PostgresValue(second)])
                }
            }
            async let one: Void = touch(1, then: 2)
            async let two: Void = touch(2, then: 1)
            _ = try await (one, two)
            return try await pool.withConnection { connection in
                try connection.query("SELECT balance FROM account ORDER BY id")
                    .map { try $0.decode(Int.self, "balance") }
            }
        }
        #expect(runs.current == 3)
        #expect(balances == [2, 2])
    }

    @Test func aConnectionLostBeforeCommitIsRetriedOnAFreshConnection() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("lostintx")
        let pids = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { try $0.executeScript("CREATE TABLE note (pid int)") }
            let attempts = Counter()
            try await pool.transaction { connection in
                if attempts.increment() == 1 {
                    _ = try connection.query("SELECT pg_terminate_backend(pg_backend_pid())")
                }
                try connection.execute("INSERT INTO note VALUES (pg_backend_pid())")
            }
            return try await pool.withConnection { connection in
                try connection.query("SELECT pid FROM note").map { try $0.decode(Int32.self, "pid") }
            }
        }
        #expect(pids.count == 1)
    }

    @Test func retriesAreBoundedAndTheLastErrorIsThrown() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("bounded")
        let runs = Counter()
        let error = try await withPostgresPool(db.superuser) { pool in
            await #expect(throws: StoreError.self) {
                try await pool.transaction(retries: 2) { connection in
                    runs.increment()
                    try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$")
                }
            }
        }
        #expect(error?.code == .serializationFailure)
        #expect(runs.current == 3)
    }
}
