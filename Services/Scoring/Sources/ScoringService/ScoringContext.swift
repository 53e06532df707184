import EventFeed
import Logging
import ServiceRuntime
import Store

/// What scoring's handlers, feed applier and rescorer share: the database, the outbox, the settings.
final class ScoringContext: Sendable {
    let pool: PostgresPool
    let outbox: Outbox
    let relay: OutboxRelay
    let settings: ScoringSettings
    let logger: Logger
    let books: BookStatisticsStore
    let ruleSets = ActiveRuleSet()

    /// - Throws: `ConfigurationError` when one of scoring's environment variables does not parse.
    init(_ dependencies: ServiceDependencies) throws {
        pool = dependencies.pool
        outbox = dependencies.outbox
        relay = dependencies.relay
        logger = dependencies.logger
        settings = try ScoringSettings(environment: dependencies.settings.environment)
        books = BookStatisticsStore(settings: settings, logger: dependencies.logger)
    }
}
