public import Logging
import Models
public import Store

/// Sets up the suite's database: one role and one schema per service.
public enum SuiteDatabase {
    /// Creates `database` if missing, then every service's role and schema in it, as `superuser` (whose own
    /// `database` setting is used only to connect first, default `postgres`). Idempotent.
    /// - Parameter environment: read for `CLM_DB_PASSWORD_<SERVICE>`.
    public static func initialize(database: String, superuser: PostgresConfiguration, environment: [String: String],
                                  logger: Logger) async throws {
        var admin = superuser
        admin.poolSize = 1
        admin.database = superuser.database ?? "postgres"
        let adminPool = PostgresPool(configuration: admin, logger: logger)
        try await adminPool.withConnection { connection in
            let exists = try connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [.text(database)])
            if exists.isEmpty {
                try connection.executeScript("CREATE DATABASE \(PostgresQuoting.identifier(database))")
            }
        }
        await adminPool.close()

        var target = admin
        target.database = database
        let pool = PostgresPool(configuration: target, logger: logger)
        let schemas = ServiceName.allCases.map { service in
            (schema: service.schema, role: service.databaseRole,
             password: environment["CLM_DB_PASSWORD_\(service.rawValue.uppercased())"])
        }
        let statements = RoleBootstrap.statements(database: database, schemas: schemas)
        try await pool.withConnection { connection in
            for statement in statements { try connection.executeScript(statement) }
        }
        await pool.close()
    }
}
