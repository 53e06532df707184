import CLMTesting
import Store
import Testing

@Suite struct MigrationTests {
    static let migrations = [
        Migration(version: 2, name: "seed", sql: "INSERT INTO applied_log VALUES (2)"),
        Migration(version: 1, name: "create", sql: """
            CREATE TABLE applied_log (version int NOT NULL);
            INSERT INTO applied_log VALUES (1);
            SELECT pg_sleep(0.2);
            """),
    ]

    static func prepared() async throws -> TestDatabase {
        let (cluster, db) = try await StoreTestSupport.freshDatabase("migrate")
        try await cluster.bootstrap(schemas: [("retention", "clm_retention")], in: db)
        return db
    }

    @Test func migrationsApplyOnceInOrderAndAgainIsANoOp() async throws {
        let db = try await Self.prepared()
        let (first, second, log) = try await withPostgresPool(db.configuration(user: "clm_retention")) { pool in
            let first = try await SchemaMigrator.migrate(
                schema: "retention", migrations: Self.migrations, pool: pool, logger: StoreTestSupport.logger)
            let second = try await SchemaMigrator.migrate(
                schema: "retention", migrations: Self.migrations, pool: pool, logger: StoreTestSupport.logger)
            let log = try await pool.withConnection { connection in
                try connection.query("SELECT version FROM retention.applied_log ORDER BY version")
                    .map { try $0.decode(Int.self, "version") }
            }
            return (first, second, log)
        }
        #expect(first == 2)
        #expect(second == 2)
        #expect(log == [1, 2])
    }

    @Test func twoPoolsMigratingAtOnceApplyEachMigrationExactlyOnce() async throws {
        let db = try await Self.prepared()
        let configuration = db.configuration(user: "clm_retention", poolSize: 1)
        async let one = withPostgresPool(configuration) { pool in
            try await SchemaMigrator.migrate(
                schema: "retention", migrations: Self.migrations, pool: pool, logger: StoreTestSupport.logger)
        }
        async let two = withPostgresPool(configuration) { pool in
            try await SchemaMigrator.migrate(
                schema: "retention", migrations: Self.migrations, pool: pool, logger: StoreTestSupport.logger)
        }
        let versions = try await [one, two]
        let counts = try await withPostgresPool(configuration) { pool in
            try await pool.withConnection { connection in
                try connection.query("SELECT version, count(*) AS n FROM applied_log GROUP BY version ORDER BY version")
                    .map { [try $0.decode(Int.self, "version"), try $0.decode(Int.self, "n")] }
            }
        }
        #expect(versions == [2, 2])
        #expect(counts == [[1, 1], [2, 1]])
    }

    @Test func aChangedAppliedMigrationFailsNamingTheVersion() async throws {
        let db = try await Self.prepared()
        var changed = Self.migrations
        changed[0] = Migration(version: 2, name: "seed", sql: "INSERT INTO applied_log VALUES (20)")
        let error = try await withPostgresPool(db.configuration(user: "clm_retention")) { pool in
            _ = try await SchemaMigrator.migrate(
                schema: "retention", migrations: Self.migrations, pool: pool, logger: StoreTestSupport.logger)
            return await #expect(throws: StoreError.self) {
                try await SchemaMigrator.migrate(
                    schema: "retention", migrations: changed, pool: pool, logger: StoreTestSupport.logger)
            }
        }
        #expect(error?.code == .migrationFailed)
        #expect(error?.message.contains("migration 2 (seed)") == true)
        #expect(error?.message.contains("changed") == true)
    }

    @Test func aFailingMigrationIsRolledBackAndReported() async throws {
        let db = try await Self.prepared()
        let broken = Self.migrations + [
            Migration(version: 3, name: "broken", sql: "CREATE TABLE half (x int); SELECT * FROM nowhere")
        ]
        let (error, half, highest) = try await withPostgresPool(db.configuration(user: "clm_retention")) { pool in
            let error = await #expect(throws: StoreError.self) {
                try await SchemaMigrator.migrate(
                    schema: "retention", migrations: broken, pool: pool, logger: StoreTestSupport.logger)
            }
            let (half, highest) = try await pool.withConnection { connection in
                (try connection.scalar(Bool.self, "SELECT to_regclass('retention.half') IS NULL"),
                 try connection.scalar(Int.self, "SELECT max(version) FROM retention.schema_migrations"))
            }
            return (error, half, highest)
        }
        #expect(error?.code == .migrationFailed)
        #expect(error?.sqlState == "42P01")
        #expect(error?.message.contains("migration 3 (broken)") == true)
        #expect(half == true)
        #expect(highest == 2)
    }
}
