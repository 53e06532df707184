/// One versioned change to a service's schema.
///
/// Once applied, a migration must never change: ``SchemaMigrator`` refuses to run when an applied
/// migration's SQL no longer matches what was applied.
public struct Migration: Sendable, Hashable {
    /// The position in the sequence, starting at 1; each version is applied once.
    public let version: Int
    /// A short name, e.g. `create_customers`.
    public let name: String
    /// The SQL, run as one script inside the migration's transaction (several statements allowed,
    /// no COPY and no statements that cannot run in a transaction such as `CREATE INDEX CONCURRENTLY`).
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
