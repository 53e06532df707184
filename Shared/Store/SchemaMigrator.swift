public import Logging

/// Applies a service's versioned migrations to its schema, once, even with many replicas starting
/// together.
public enum SchemaMigrator {
    /// Under pg_advisory_lock for the schema: creates <schema>.schema_migrations if missing, checks applied
    /// migrations' checksums still match (else .migrationFailed naming the version), applies the missing ones in
    /// order each in its own transaction, returns the highest version applied.
    ///
    /// Each migration runs with `search_path` set to `schema`, so unqualified names land there. An
    /// applied version this build does not know (a newer build ran first) is logged, not rejected.
    /// - Parameters:
    ///   - schema: The service's schema; it must exist (see ``RoleBootstrap``).
    ///   - migrations: Every migration of the service, in any order; versions must be unique and positive.
    ///   - pool: Where to run; one connection is held for the whole run.
    ///   - logger: Receives one line per applied migration.
    /// - Returns: The highest version now applied (0 when there are none).
    /// - Throws: ``StoreError/Code/migrationFailed`` naming the version for a duplicate version, a changed
    ///   applied migration, a missing schema, or a migration whose SQL failed (with the server's SQLSTATE).
    public static func migrate(schema: String, migrations: [Migration], pool: PostgresPool, logger: Logger)
        async throws -> Int
    {
        let sorted = try validated(migrations)
        return try await pool.withConnection { connection in
            try run(schema: schema, migrations: sorted, on: connection, logger: logger)
        }
    }

    private static func validated(_ migrations: [Migration]) throws(StoreError) -> [Migration] {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw StoreError(.migrationFailed, message: "migration version \(next.version) is defined twice")
        }
        if let first = sorted.first, first.version < 1 {
            throw StoreError(.migrationFailed, message: "migration version \(first.version) is not positive")
        }
        return sorted
    }

    /// On the database thread, holding one connection throughout (the advisory lock is per session).
    private static func run(schema: String, migrations: [Migration], on connection: PostgresConnection,
                            logger: Logger) throws -> Int {
        let lockKey: [PostgresValue] = [.text("clm.schema_migrations:\(schema)")]
        try connection.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))", lockKey)
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", lockKey) }

        let exists = try connection.query(
            "SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = $1)", [.text(schema)])
        guard try exists.first?.decode(Bool.self, at: 0) == true else {
            throw StoreError(.migrationFailed, message: "schema '\(schema)' does not exist; bootstrap it first")
        }
        let table = PostgresQuoting.identifier(schema) + ".schema_migrations"
        try connection.executeScript("""
            CREATE TABLE IF NOT EXISTS \(table) (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM \(table)") {
            applied[try row.decode(Int.self, "version")] = try row.decode(String.self, "checksum")
        }

        var checksums: [Int: String] = [:]
        for migration in migrations {
            let checksum = try checksum(of: migration, on: connection)
            checksums[migration.version] = checksum
            if let recorded = applied[migration.version], recorded != checksum {
                throw StoreError(
                    .migrationFailed,
                    message: "migration \(migration.version) (\(migration.name)) in schema '\(schema)' was changed "
                        + "after it was applied (checksum \(recorded), now \(checksum)); add a new migration instead")
            }
        }
        let known = Set(migrations.map(\.version))
        for version in applied.keys.sorted() where !known.contains(version) {
            logger.warning("schema has a migration this build does not know",
                           metadata: ["schema": "\(schema)", "version": "\(version)"])
        }

        var highest = applied.keys.max() ?? 0
        for migration in migrations where applied[migration.version] == nil {
            try apply(migration, checksum: checksums[migration.version] ?? "", schema: schema, table: table,
                      on: connection)
            logger.info(
                "applied migration",
                metadata: ["schema": "\(schema)", "version": "\(migration.version)", "name": "\(migration.name)"])
            highest = max(highest, migration.version)
        }
        return highest
    }

    private static func checksum(of migration: Migration, on connection: PostgresConnection) throws -> String {
        let rows = try connection.query("SELECT md5($1)", [.text(migration.sql)])
        return try rows.first?.decode(String.self, at: 0) ?? ""
    }

    /// Applies one migration and records it in the same transaction.
    private static func apply(_ migration: Migration, checksum: String, schema: String, table: String,
                              on connection: PostgresConnection) throws {
        do {
            try connection.executeScript("BEGIN")
            try connection.executeScript("SET LOCAL search_path TO \(PostgresQuoting.identifier(schema))")
            try connection.executeScript(migration.sql)
            try connection.execute(
                "INSERT INTO \(table) (version, name, checksum) VALUES ($1, $2, $3)",
                [.int(Int64(migration.version)), .text(migration.name), .text(checksum)])
            try connection.executeScript("COMMIT")
        } catch {
            _ = try? connection.executeScript("ROLLBACK")
            let cause = error as? StoreError
            throw StoreError(
                .migrationFailed,
                message: "migration \(migration.version) (\(migration.name)) in schema '\(schema)' failed: "
                    + (cause?.message ?? "\(error)"),
                sqlState: cause?.sqlState, detail: cause?.detail, hint: cause?.hint, query: cause?.query)
        }
    }
}
