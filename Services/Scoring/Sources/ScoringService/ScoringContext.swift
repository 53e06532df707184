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

    /// - Throws: `ConfigurationError` when one of scoring's environment variables does not parse, or a full
    ///   rescore's workers would take every pooled connection from the rescorer and the calls.
    init(_ dependencies: ServiceDependencies) throws {
        pool = dependencies.pool
        outbox = dependencies.outbox
        relay = dependencies.relay
        logger = dependencies.logger
        settings = try ScoringSettings(environment: dependencies.settings.environment)
            .inPool(of: dependencies.settings.database.poolSize)
        books = BookStatisticsStore(settings: settings, logger: dependencies.logger)
    }
}
