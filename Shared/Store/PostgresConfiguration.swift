import Foundation

/// Where and how the suite reaches PostgreSQL.
///
/// Every optional field left `nil` falls back to libpq's own `PG*` environment variables and
/// built-in defaults at connect time, so a service started with only `PGHOST` set still works.
/// The values are handed to libpq as keyword/value pairs, never interpolated into a string.
public struct PostgresConfiguration: Sendable, Hashable {
    /// A socket directory (absolute path) or a host name.
    public var host: String?
    /// The server port; for a Unix socket it picks the socket file name (`.s.PGSQL.<port>`).
    public var port: Int?
    /// The database to connect to.
    public var database: String?
    /// The role to connect as.
    public var user: String?
    /// The password, when the server asks for one.
    public var password: String?
    /// Shown in `pg_stat_activity.application_name`.
    public var applicationName: String
    /// How many connections (and database threads) a ``PostgresPool`` keeps.
    public var poolSize: Int

    /// The pool size used when none is given.
    public static let defaultPoolSize = 4

    /// Creates a configuration from explicit values.
    /// - Parameters:
    ///   - host: Socket directory or host name; `nil` lets libpq use `PGHOST` or its default.
    ///   - port: Server port; `nil` lets libpq use `PGPORT` or 5432.
    ///   - database: Database name; `nil` lets libpq use `PGDATABASE` or the user name.
    ///   - user: Role name; `nil` lets libpq use `PGUSER` or the operating-system user.
    ///   - password: Password; `nil` lets libpq use `PGPASSWORD` or `~/.pgpass`.
    ///   - applicationName: Name shown to the server.
    ///   - poolSize: Number of pooled connections; values below 1 are raised to 1.
    public init(
        host: String? = nil,
        port: Int? = nil,
        database: String? = nil,
        user: String? = nil,
        password: String? = nil,
        applicationName: String = "clm",
        poolSize: Int = 4
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.applicationName = applicationName
        self.poolSize = max(1, poolSize)
    }

    /// Reads PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, CLM_DB_POOL_SIZE.
    ///
    /// Empty values count as unset. A `CLM_DB_POOL_SIZE` that is not a positive integer is ignored
    /// in favour of ``defaultPoolSize``; an unparsable `PGPORT` is left to libpq to report.
    /// - Parameters:
    ///   - environment: Usually `ProcessInfo.processInfo.environment`.
    ///   - applicationName: Name shown to the server.
    public init(environment: [String: String], applicationName: String) {
        func value(_ key: String) -> String? {
            guard let raw = environment[key], !raw.isEmpty else { return nil }
            return raw
        }
        let poolSize = value("CLM_DB_POOL_SIZE").flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        self.init(
            host: value("PGHOST"),
            port: value("PGPORT").flatMap(Int.init),
            database: value("PGDATABASE"),
            user: value("PGUSER"),
            password: value("PGPASSWORD"),
            applicationName: applicationName,
            poolSize: poolSize ?? Self.defaultPoolSize
        )
    }

    /// The libpq connection keywords and values this configuration sets, unset ones left out.
    ///
    /// `client_encoding` is always UTF8 because every string the module hands back is decoded as UTF-8.
    var connectionParameters: [(keyword: String, value: String)] {
        var pairs: [(keyword: String, value: String)] = []
        if let host { pairs.append(("host", host)) }
        if let port { pairs.append(("port", String(port))) }
        if let database { pairs.append(("dbname", database)) }
        if let user { pairs.append(("user", user)) }
        if let password { pairs.append(("password", password)) }
        pairs.append(("application_name", applicationName))
        // libpq waits for ever by default when a host does not answer; a pool should fail and retry instead.
        // PGCONNECT_TIMEOUT, which libpq reads itself, wins when it is set.
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil {
            pairs.append(("connect_timeout", "10"))
        }
        pairs.append(("client_encoding", "UTF8"))
        return pairs
    }
}

extension PostgresConfiguration: CustomStringConvertible {
    /// A summary for logs; the password is never shown.
    public var description: String {
        let target = [host ?? "$PGHOST", port.map(String.init) ?? "$PGPORT"].joined(separator: ":")
        let password = self.password == nil ? "" : " password=<set>"
        return "postgres(\(user ?? "$PGUSER")@\(target)/\(database ?? "$PGDATABASE")\(password) pool=\(poolSize))"
    }
}
