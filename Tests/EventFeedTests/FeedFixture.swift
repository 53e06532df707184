import CLMTesting
import EventFeed
import Logging
import Models
import Store

/// A database with the identity (producer) and scoring (consumer) schemas, each migrated with the feed tables,
/// and a pool per role.
struct FeedFixture: Sendable {
    let database: TestDatabase
    let producer: PostgresPool
    let consumer: PostgresPool
    let names = FeedNames(schema: "identity")

    static func make(consumerTables: String = "") async throws -> FeedFixture {
        let cluster = try await PostgresTestCluster.shared()
        let database = try await cluster.createSuiteDatabase([.identity, .scoring], prefix: "feed")
        let logger = Logger(label: "clm.test.feed")
        let producer = PostgresPool(configuration: database.configuration(user: "clm_identity", poolSize: 8),
                                    logger: logger)
        let consumer = PostgresPool(configuration: database.configuration(user: "clm_scoring", poolSize: 4),
                                    logger: logger)
        _ = try await SchemaMigrator.migrate(schema: "identity", migrations: [FeedSchema.migration(version: 1)],
                                             pool: producer, logger: logger)
        var consumerMigrations = [FeedSchema.migration(version: 1)]
        if !consumerTables.isEmpty {
            consumerMigrations.append(Migration(version: 2, name: "test tables", sql: consumerTables))
        }
        _ = try await SchemaMigrator.migrate(schema: "scoring", migrations: consumerMigrations, pool: consumer,
                                             logger: logger)
        return FeedFixture(database: database, producer: producer, consumer: consumer)
    }

    func relay(sweep: Duration = .milliseconds(20)) -> OutboxRelay {
        OutboxRelay(pool: producer, names: names, signal: FeedSignal(), notifications: nil, sweepInterval: sweep,
                    logger: Logger(label: "clm.test.relay"))
    }

    /// Commits one transaction appending an event per subject.
    func write(_ subjects: [String]) async throws {
        let outbox = Outbox(names: names)
        try await producer.transaction { connection in
            for subject in subjects {
                try outbox.append(HealthCheckRequest(), subject: subject, on: connection)
            }
        }
    }

    /// The outbox id of each subject, to tell insert order from feed order.
    func ids() async throws -> [String: Int64] {
        try await producer.withConnection { connection in
            var ids: [String: Int64] = [:]
            for row in try connection.query("SELECT id, subject FROM outbox") {
                ids[try row.decode(String.self, "subject")] = try row.decode(Int64.self, "id")
            }
            return ids
        }
    }

    func close() async {
        await producer.close()
        await consumer.close()
    }
}
