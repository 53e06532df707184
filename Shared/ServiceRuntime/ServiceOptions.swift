public import ArgumentParser

/// The flags every service executable takes. Each falls back to an environment variable, then to a default, so the
/// same binary runs from a shell, from `make run` and in a container.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("socket-dir"),
            help: "Root folder of the suite's sockets; this replica listens in <dir>/<service>/<replica>.sock. Env CLM_SOCKET_DIR; default /run/clm.")
    public var socketDirectory: String?

    @Option(help: "Name of this replica's socket within its service folder. Env CLM_REPLICA; default the host name.")
    public var replica: String?

    @Option(help: "Roles of each caller uid, as uid=role,role;uid=role. Env CLM_ACCESS; default: this process's own uid is admin.")
    public var access: String?

    @Option(name: .customLong("db-host"), help: "PostgreSQL socket folder (or host). Env PGHOST.")
    public var databaseHost: String?

    @Option(name: .customLong("db-port"), help: "PostgreSQL port. Env PGPORT.")
    public var databasePort: Int?

    @Option(name: .customLong("db-name"), help: "Database. Env PGDATABASE; default clm.")
    public var databaseName: String?

    @Option(name: .customLong("db-user"), help: "Database role. Env PGUSER; default clm_<service>. The password comes only from PGPASSWORD.")
    public var databaseUser: String?

    @Option(name: .customLong("db-pool-size"), help: "Database connections (and threads) in the pool. Env CLM_DB_POOL_SIZE; default 4.")
    public var databasePoolSize: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical. Env CLM_LOG_LEVEL; default info.")
    public var logLevel: String?

    @Option(name: .customLong("max-frame-bytes"), help: "Largest request frame accepted. Env CLM_MAX_FRAME_BYTES; default 16 MiB.")
    public var maxFrameBytes: Int?

    @Option(name: .customLong("max-in-flight"), help: "Calls one connection may have in flight. Env CLM_MAX_IN_FLIGHT; default 1024.")
    public var maxInFlight: Int?

    public init() {}
}
