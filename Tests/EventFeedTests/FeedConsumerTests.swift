import CLMTesting
import Foundation
import EventFeed
import Logging
import Models
import NIOCore
import RPC
import ServiceAPI
import Store
import Synchronization
import Testing

@Suite struct FeedConsumerTests {
    /// The producer's feed served over a real socket, and the consumer's schema with a table of applied events
    /// (no key on purpose: a duplicate would show as a second row, not as an error).
    struct Running {
        let fixture: FeedFixture
        let server: RunningServer
        let folder: SocketFolder
        let client: RPCClient

        static func start() async throws -> Running {
            let fixture = try await FeedFixture.make(consumerTables: """
                CREATE TABLE applied (position bigint NOT NULL, subject text NOT NULL);
                """)
            var router = RPCRouter()
            let reader = FeedReader(pool: fixture.producer, signal: FeedSignal())
            router.register(CommonAPI.listEvents, roles: [.service]) { request, context in
                try await reader.listEvents(request, context: context)
            }
            let folder = try SocketFolder()
            let server = try await RunningServer.start(at: folder.socket("r1"), router: router,
                                                       policy: AccessPolicy(rolesByUID: [getuid(): [.service]]))
            return Running(fixture: fixture, server: server, folder: folder, client: RPCClient(.socket(server.path)))
        }

        func consumer(batchSize: Int32 = 500, apply: FeedConsumer.Apply? = nil) -> FeedConsumer {
            FeedConsumer(source: "identity", client: client, pool: fixture.consumer, batchSize: batchSize,
                         waitMillis: 0, logger: Logger(label: "clm.test.consumer"), apply: apply ?? Self.record)
        }

        static let record: FeedConsumer.Apply = { event, connection in
            try connection.execute("INSERT INTO applied (position, subject) VALUES ($1, $2)",
                                   [.int(event.position), .text(event.subject)])
        }

        /// Writes `count` events, one transaction each, and gives them positions.
        func produce(_ count: Int, prefix: String = "e") async throws {
            for n in 1...count { try await fixture.write(["\(prefix)\(n)"]) }
            try await fixture.relay().assignPositions()
        }

        func applied() async throws -> (rows: Int, distinct: Int, cursor: Int64) {
            try await fixture.consumer.withConnection { connection in
                let counts = try connection.query("SELECT count(*) AS rows, count(DISTINCT position) AS distinct_rows FROM applied")
                let cursor = try connection.query("SELECT coalesce(max(position), 0) AS p FROM feed_cursor")
                return (try counts[0].decode(Int.self, "rows"), try counts[0].decode(Int.self, "distinct_rows"),
                        try cursor[0].decode(Int64.self, "p"))
            }
        }

        func stop() async {
            await client.close()
            await server.stopQuietly()
            folder.remove()
            await fixture.close()
        }
    }

    @Test func aBatchThatFailsHalfwayLeavesNothingAndIsAppliedInFullOnTheNextTry() async throws {
        let running = try await Running.start()
        try await running.produce(10)
        let failOnce = Mutex(true)
        let consumer = running.consumer { event, connection in
            try Running.record(event, connection)
            if event.position == 5, failOnce.withLock({ $0 }) {
                failOnce.withLock { $0 = false }
                throw RPCError(.internalError, "simulated crash in the middle of a batch")
            }
        }
        await #expect(throws: RPCError.self) { try await consumer.step() }
        let afterFailure = try await running.applied()
        #expect(afterFailure.rows == 0, "a failed batch must leave no effect behind")
        #expect(afterFailure.cursor == 0)

        #expect(try await consumer.step() == 10)
        let afterRetry = try await running.applied()
        #expect(afterRetry.rows == 10)
        #expect(afterRetry.distinct == 10)
        #expect(afterRetry.cursor == 10)
        await running.stop()
    }

    @Test func aRestartedConsumerGoesOnFromItsStoredCursor() async throws {
        let running = try await Running.start()
        try await running.produce(5, prefix: "a")
        #expect(try await running.consumer(batchSize: 3).step() == 3)
        #expect(try await running.consumer(batchSize: 3).step() == 5)  // a new instance: the cursor is in the database
        try await running.produce(4, prefix: "b")
        let restarted = running.consumer()
        #expect(try await restarted.step() == 9)
        #expect(try await restarted.step() == 9)  // nothing new: the cursor stays
        let applied = try await running.applied()
        #expect(applied.rows == 9)
        #expect(applied.distinct == 9)
        await running.stop()
    }

    @Test func twoReplicasConsumingOneFeedApplyEveryEventExactlyOnce() async throws {
        let running = try await Running.start()
        try await running.produce(120)
        let replicas = [running.consumer(batchSize: 7), running.consumer(batchSize: 11)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for replica in replicas {
                group.addTask {
                    while try await replica.step() < 120 {}
                }
            }
            try await group.waitForAll()
        }
        let applied = try await running.applied()
        #expect(applied.rows == 120, "an event was applied twice or not at all")
        #expect(applied.distinct == 120)
        #expect(applied.cursor == 120)
        await running.stop()
    }
}
