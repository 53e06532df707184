import CLMTesting
import Store
import Testing

@Suite struct ConnectionLossTests {
    @Test func aBackendTerminatedMidQueryIsReportedAsLostAndThePoolRecovers() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("loss")
        let busyPID = SharedValue<Int32>()
        let (error, after) = try await withPostgresPool(db.superuser, label: "admin") { admin in
            try await withPostgresPool(db.configuration(user: "postgres", poolSize: 1)) { pool in
                async let sleeper: Void = pool.withConnection { connection in
                    busyPID.set(connection.backendPID)
                    try connection.execute("SELECT pg_sleep(10)")
                }
                while busyPID.current == nil { try await Task.sleep(nanoseconds: 5_000_000) }
                let pid = Int64(busyPID.current ?? 0)
                let terminated = try await admin.withConnection { connection in
                    try connection.scalar(Bool.self, "SELECT pg_terminate_backend($1)", [.int(pid)])
                }
                #expect(terminated == true)
                var error: StoreError?
                do { try await sleeper } catch let caught as StoreError { error = caught }
                let after = try await pool.withConnection { connection in
                    (connection.backendPID, try connection.query("SELECT 1").count)
                }
                return (error, after)
            }
        }
        #expect(error?.code == .connectionLost)
        #expect(error?.isTransient == true)
        #expect(after.0 != busyPID.current)
        #expect(after.1 == 1)
    }

    @Test func aConnectionTerminatedWhileIdleIsReplacedBeforeItIsLent() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("idleloss")
        let (before, after) = try await withPostgresPool(db.superuser, label: "admin") { admin in
            try await withPostgresPool(db.configuration(user: "postgres", poolSize: 1)) { pool in
                let before = try await pool.withConnection { $0.backendPID }
                try await admin.withConnection { connection in
                    try connection.execute("SELECT pg_terminate_backend($1, 5000)", [.int(Int64(before))])
                }
                let after = try await pool.withConnection { connection in
                    (connection.backendPID, try connection.query("SELECT 1").count)
                }
                return (before, after)
            }
        }
        #expect(after.0 != before)
        #expect(after.1 == 1)
    }

    @Test func aConnectionLeftInsideATransactionIsRolledBackBeforeReuse() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("leftopen")
        let (state, rows) = try await withPostgresPool(db.configuration(user: "postgres", poolSize: 1)) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("CREATE TABLE t (x int)")
                try connection.executeScript("BEGIN")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
            return try await pool.withConnection { connection in
                (try connection.scalar(Bool.self, "SELECT txid_current_if_assigned() IS NULL"),
                 try connection.query("SELECT x FROM t").count)
            }
        }
        #expect(state == true)  // not inside the old transaction any more
        #expect(rows == 0)
    }
}
