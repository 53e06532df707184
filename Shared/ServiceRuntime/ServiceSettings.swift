import Foundation
public import Logging
public import Models
public import RPC
public import Store

/// A service's configuration once flags, environment and defaults are combined.
public struct ServiceSettings: Sendable {
    public var service: ServiceName
    public var layout: SocketLayout
    public var replica: String
    public var policy: AccessPolicy
    public var database: PostgresConfiguration
    public var logLevel: Logger.Level
    public var limits: RPCServer.Limits
    /// The process environment, for settings that belong to one service (e.g. identity's `CLM_PII_KEY`).
    public var environment: [String: String] = [:]

    /// The socket this replica listens on.
    public var socketPath: String { layout.socket(for: service, replica: replica) }

    public init(service: ServiceName, layout: SocketLayout, replica: String, policy: AccessPolicy,
                database: PostgresConfiguration, logLevel: Logger.Level = .info,
                limits: RPCServer.Limits = RPCServer.Limits()) {
        self.service = service
        self.layout = layout
        self.replica = replica
        self.policy = policy
        self.database = database
        self.logLevel = logLevel
        self.limits = limits
    }

    /// Combines `options` (first), `environment` (second) and the defaults.
    /// - Throws: `ConfigurationError` naming the setting that does not parse.
    public init(service: ServiceName, options: ServiceOptions, environment: [String: String]) throws(ConfigurationError) {
        func env(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let root = options.socketDirectory ?? env("CLM_SOCKET_DIR") ?? "/run/clm"
        let replica = options.replica ?? env("CLM_REPLICA") ?? ProcessInfo.processInfo.hostName
        guard !replica.isEmpty, !replica.contains("/") else {
            throw ConfigurationError(setting: "replica", "'\(replica)' cannot name a socket file")
        }
        var policy: AccessPolicy
        do {
            policy = try AccessPolicy(parsing: options.access ?? env("CLM_ACCESS") ?? "")
        } catch {
            throw ConfigurationError(setting: "access", error.description)
        }
        // The uid the service runs as is always admin: its own operator tools run under it.
        policy.grant([.admin], to: getuid())

        var database = PostgresConfiguration(environment: environment, applicationName: service.executable)
        database.host = options.databaseHost ?? database.host
        database.port = options.databasePort ?? database.port
        database.database = options.databaseName ?? database.database ?? "clm"
        database.user = options.databaseUser ?? database.user ?? service.databaseRole
        if let size = options.databasePoolSize {
            guard size > 0 else { throw ConfigurationError(setting: "db-pool-size", "must be at least 1, not \(size)") }
            database.poolSize = size
        }

        let levelName = options.logLevel ?? env("CLM_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelName) else {
            throw ConfigurationError(setting: "log-level", "'\(levelName)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        var limits = RPCServer.Limits()
        if let bytes = options.maxFrameBytes ?? env("CLM_MAX_FRAME_BYTES").flatMap(Int.init) {
            guard bytes >= 1024 else { throw ConfigurationError(setting: "max-frame-bytes", "must be at least 1024") }
            limits.maxFrameSize = bytes
        }
        if let calls = options.maxInFlight ?? env("CLM_MAX_IN_FLIGHT").flatMap(Int.init) {
            guard calls >= 1 else { throw ConfigurationError(setting: "max-in-flight", "must be at least 1") }
            limits.maxInFlightPerConnection = calls
        }
        self.init(service: service, layout: SocketLayout(root: root), replica: replica, policy: policy,
                  database: database, logLevel: level, limits: limits)
        self.environment = environment
    }
}

/// A setting that cannot be used as given.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let setting: String
    public let problem: String

    public init(setting: String, _ problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "setting \(setting): \(problem)" }
}
