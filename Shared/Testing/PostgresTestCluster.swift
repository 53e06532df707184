public import Store
import Foundation
import Logging
import Synchronization

/// A throwaway PostgreSQL cluster for tests: started on first use, one per test process, listening
/// only on a Unix socket in a fresh temporary directory, and removed when the process exits.
///
/// Tests get isolated databases from ``createDatabase(prefix:)`` and per-service roles and schemas
/// from ``bootstrap(schemas:in:)``. Speed over durability: fsync and synchronous commit are off.
public final class PostgresTestCluster: Sendable {
    /// The directory holding the server's socket (pass it as ``PostgresConfiguration/host``).
    public let socketDirectory: String
    /// The server port, which names the socket file (`.s.PGSQL.<port>`).
    public let port: Int
    /// The superuser role that `initdb` created.
    public let superuserName = "postgres"

    private let admin: PostgresPool
    private let knownRoles = Mutex<Set<String>>([])
    private let databaseCounter = Mutex(0)

    private init(socketDirectory: String, port: Int) {
        self.socketDirectory = socketDirectory
        self.port = port
        let configuration = PostgresConfiguration(
            host: socketDirectory, port: port, database: "postgres", user: "postgres",
            applicationName: "clm-test-admin", poolSize: 2)
        self.admin = PostgresPool(configuration: configuration, logger: Logger(label: "clm.test.postgres"))
    }

    /// The cluster for this test process, started (initdb, pg_ctl start) by the first caller.
    /// - Throws: ``TestClusterError`` when the PostgreSQL binaries are missing or the server does not start.
    public static func shared() async throws -> PostgresTestCluster {
        try await starting.value
    }

    // A static let is initialised once, lazily and thread-safely: the first caller starts the cluster.
    private static let starting = Task<PostgresTestCluster, any Error> {
        let launched = try await LocalPostgresServer.launchOffCooperativePool()
        return PostgresTestCluster(socketDirectory: launched.socketDirectory, port: launched.port)
    }

    /// Makes a fresh, empty database with a unique name starting with `prefix`.
    /// - Parameter prefix: A readable stem; characters other than letters, digits and `_` are dropped.
    public func createDatabase(prefix: String = "t") async throws -> TestDatabase {
        let number = databaseCounter.withLock { counter in
            counter += 1
            return counter
        }
        let stem = String(prefix.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }.prefix(30))
        let name = "\(stem.isEmpty ? "t" : stem)_\(number)_\(UInt32.random(in: 0...UInt32.max))"
        try await admin.withConnection { connection in
            try connection.executeScript("CREATE DATABASE \(PostgresQuoting.identifier(name))")
        }
        return TestDatabase(name: name, socketDirectory: socketDirectory, port: port, superuserName: superuserName)
    }

    /// Gives each `(schema, role)` its role (once per cluster, with no password) and, in `db`, its
    /// schema owned by the role, with ``RoleBootstrap``'s privileges: a role has no rights on another
    /// role's schema.
    public func bootstrap(schemas: [(schema: String, role: String)], in db: TestDatabase) async throws {
        let missing = knownRoles.withLock { known in schemas.filter { !known.contains($0.role) } }
        if !missing.isEmpty {
            let statements = RoleBootstrap.roleStatements(missing.map { ($0.schema, $0.role, nil) })
            try await admin.transaction { connection in
                // Roles are cluster-wide; one bootstrap at a time avoids "tuple concurrently updated".
                try connection.execute("SELECT pg_advisory_xact_lock(7240001)")
                for statement in statements { try connection.executeScript(statement) }
            }
            knownRoles.withLock { $0.formUnion(missing.map(\.role)) }
        }
        let statements = RoleBootstrap.databaseStatements(database: db.name, schemas: schemas)
        let pool = PostgresPool(configuration: db.superuser, logger: Logger(label: "clm.test.postgres"))
        do {
            try await pool.withConnection { connection in
                for statement in statements { try connection.executeScript(statement) }
            }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}

/// One database of the test cluster.
public struct TestDatabase: Sendable {
    /// The database name.
    public let name: String
    /// The cluster's socket directory.
    public let socketDirectory: String
    /// The cluster's port.
    public let port: Int
    /// The cluster's superuser.
    public let superuserName: String

    /// A configuration for connecting to this database as `user`.
    public func configuration(user: String, poolSize: Int = 4) -> PostgresConfiguration {
        PostgresConfiguration(
            host: socketDirectory, port: port, database: name, user: user, password: nil,
            applicationName: "clm-test", poolSize: poolSize)
    }

    /// A configuration for connecting to this database as the cluster's superuser.
    public var superuser: PostgresConfiguration { configuration(user: superuserName) }
}

/// Why the test cluster could not be started.
public struct TestClusterError: Error, CustomStringConvertible {
    /// What failed, with the command's output when there is one.
    public var description: String
}
