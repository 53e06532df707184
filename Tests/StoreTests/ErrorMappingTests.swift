import CLMTesting
import Store
import Testing

@Suite struct ErrorMappingTests {
    @Test func duplicateKeyMapsToUniqueViolationWithSQLState() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("unique")
        let error = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection -> StoreError? in
                try connection.executeScript("CREATE TABLE policy (number text PRIMARY KEY)")
                try connection.execute("INSERT INTO policy VALUES ($1)", ["P-1"])
                do {
                    try connection.execute("INSERT INTO policy VALUES ($1)", ["P-1"])
                    return nil
                } catch let error as StoreError {
                    return error
                }
            }
        }
        #expect(error?.code == .uniqueViolation)
        #expect(error?.sqlState == "23505")
        #expect(error?.detail?.contains("P-1") == true)
        #expect(error?.isTransient == false)
    }

    @Test func otherConstraintsAndMissingTablesMapToTheirCodes() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("constraints")
        let (codes, inserted) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("""
                    CREATE TABLE parent (id int PRIMARY KEY);
                    CREATE TABLE child (id int PRIMARY KEY, parent int NOT NULL REFERENCES parent,
                                        premium int CHECK (premium >= 0));
                    INSERT INTO parent VALUES (1);
                    """)
                var codes: [StoreError.Code] = []
                for (sql, params) in [
                    ("INSERT INTO child VALUES (1, 99, 0)", [PostgresValue]()),
                    ("INSERT INTO child VALUES (1, 1, -5)", []),
                    ("INSERT INTO child VALUES ($1, $2, 0)", [1, nil]),
                    ("SELECT * FROM no_such_table", []),
                    ("SELEKT 1", []),
                ] {
                    do {
                        try connection.execute(sql, params)
                    } catch let error as StoreError {
                        codes.append(error.code)
                    }
                }
                // The connection is still fine after all those failures.
                return (codes, try connection.execute("INSERT INTO child VALUES (1, 1, 0)"))
            }
        }
        #expect(codes == [.foreignKeyViolation, .checkViolation, .notNullViolation, .undefinedTable, .queryFailed])
        #expect(inserted == 1)
    }

    @Test func aRoleCannotReadAnotherRolesSchema() async throws {
        let (cluster, db) = try await StoreTestSupport.freshDatabase("privileges")
        try await cluster.bootstrap(schemas: [("identity", "clm_identity"), ("scoring", "clm_scoring")], in: db)
        let schema = try await withPostgresPool(db.configuration(user: "clm_identity")) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("CREATE TABLE customers (code text PRIMARY KEY)")
                try connection.execute("INSERT INTO customers VALUES ('C1')")
                return try connection.query("SELECT current_schema()").first?.decode(String.self, at: 0)
            }
        }
        #expect(schema == "identity")
        let errors = try await withPostgresPool(db.configuration(user: "clm_scoring")) { pool in
            try await pool.withConnection { connection in
                var errors: [StoreError] = []
                for sql in ["SELECT * FROM identity.customers", "CREATE TABLE public.intruder (x int)"] {
                    do { try connection.execute(sql) } catch let error as StoreError { errors.append(error) }
                }
                return errors
            }
        }
        #expect(errors.map(\.code) == [.insufficientPrivilege, .insufficientPrivilege])
        #expect(errors.first?.sqlState == "42501")
    }

    @Test func aClosedPoolRefusesWork() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("closed")
        let pool = PostgresPool(configuration: db.superuser, logger: StoreTestSupport.logger)
        #expect(try await pool.withConnection { try $0.query("SELECT 1").count } == 1)
        await pool.close()
        await pool.close()
        let error = await #expect(throws: StoreError.self) {
            try await pool.withConnection { _ in 0 }
        }
        #expect(error?.code == .poolClosed)
    }

    @Test func aWrongSocketFailsToConnectWithClearCode() async throws {
        let configuration = PostgresConfiguration(host: "/nonexistent-clm-socket-dir", port: 5432, user: "nobody")
        let error = try await withPostgresPool(configuration) { pool in
            await #expect(throws: StoreError.self) {
                try await pool.withConnection { _ in 0 }
            }
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("nonexistent-clm-socket-dir") == true)
    }
}
