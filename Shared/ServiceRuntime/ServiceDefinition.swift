public import EventFeed
public import Logging
public import Models
public import RPC
public import ServiceLifecycle
public import Store

/// What one service brings to the shared runtime: its schema, its methods, and what it does with the feed upstream.
public struct ServiceDefinition: Sendable {
    public let name: ServiceName
    /// The service's migrations, the event feed's tables first (see `FeedSchema`).
    public let migrations: [Migration]
    /// Methods of the service's proto that this release does not build yet, by short name, each with the reason
    /// shown to callers. They answer UNIMPLEMENTED. The list is the one place that says what is missing, and can only
    /// shrink.
    public let notYetBuilt: [String: String]
    /// Roles for methods whose roles are not the default for their verb (see `MethodCatalog.defaultRoles`).
    public let roles: [String: Set<Role>]
    /// Registers the methods that are built and answers the service's own long-lived work besides serving calls
    /// and following the feed (e.g. scoring's rescorer), which is started after the feed consumer and stopped
    /// before it. One call, so that the handlers and that work share what the service builds from its settings
    /// (caches, parsed configuration). Throws when the service's own configuration is unusable (the process then
    /// stops at start with the reason).
    public let start: @Sendable (inout RPCRouter, ServiceDependencies) throws -> [any Service]
    /// Applies one event of the upstream service's feed; nil when the service follows no feed yet.
    public let applyUpstreamEvent: FeedConsumer.Apply?

    public init(name: ServiceName, migrations: [Migration], notYetBuilt: [String: String],
                roles: [String: Set<Role>] = [:],
                applyUpstreamEvent: FeedConsumer.Apply? = nil,
                start: @escaping @Sendable (inout RPCRouter, ServiceDependencies) throws -> [any Service] = { _, _ in [] }) {
        self.name = name
        self.migrations = migrations
        self.notYetBuilt = notYetBuilt
        self.roles = roles
        self.applyUpstreamEvent = applyUpstreamEvent
        self.start = start
    }
}

/// What a service's handlers may use.
public struct ServiceDependencies: Sendable {
    public let settings: ServiceSettings
    public let pool: PostgresPool
    /// Appends domain events inside a transaction.
    public let outbox: Outbox
    /// Tell it after committing events so that readers see them without waiting for NOTIFY.
    public let relay: OutboxRelay
    public let feedReader: FeedReader
    public let logger: Logger

    public init(settings: ServiceSettings, pool: PostgresPool, outbox: Outbox, relay: OutboxRelay,
                feedReader: FeedReader, logger: Logger) {
        self.settings = settings
        self.pool = pool
        self.outbox = outbox
        self.relay = relay
        self.feedReader = feedReader
        self.logger = logger
    }
}
