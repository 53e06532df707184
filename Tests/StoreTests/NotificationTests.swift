import CLMTesting
import Store
import Testing

@Suite struct NotificationTests {
    /// The stream's next element, or a `TimeoutError`.
    static func next(_ stream: AsyncStream<String>, within seconds: Double = 5) async throws -> String? {
        try await StoreTestSupport.withTimeout(seconds) {
            var iterator = stream.makeAsyncIterator()
            return await iterator.next()
        }
    }

    @Test func aNotifyArrivesOnEverySubscriberAndSurvivesAReconnect() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("notify")
        let listener = PostgresNotifications(
            configuration: db.superuser, channels: ["customer_events", "Other"], logger: StoreTestSupport.logger)
        try await withPostgresPool(db.superuser) { pool in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await listener.run() }
                await listener.waitUntilListening()
                let first = listener.notifications(channel: "customer_events")
                let second = listener.notifications(channel: "customer_events")
                let other = listener.notifications(channel: "Other")

                try await pool.withConnection { connection in
                    try connection.execute("SELECT pg_notify('customer_events', $1)", ["C-1 merged 客户"])
                    try connection.execute("SELECT pg_notify('Other', 'x')")
                }
                #expect(try await Self.next(first) == "C-1 merged 客户")
                #expect(try await Self.next(second) == "C-1 merged 客户")
                #expect(try await Self.next(other) == "x")

                // Kill the listening connection: the listener reconnects, says "" once, and delivers again.
                let oldPID = try #require(listener.listenerBackendPID)
                try await pool.withConnection { connection in
                    try connection.execute("SELECT pg_terminate_backend($1)", [PostgresValue(Int(oldPID))])
                }
                #expect(try await Self.next(first, within: 10) == "")
                #expect(listener.listenerBackendPID != oldPID)
                try await pool.withConnection { try $0.execute("NOTIFY customer_events, 'after'") }
                #expect(try await Self.next(first) == "after")
                group.cancelAll()
            }
        }
    }

    @Test func aChannelThatIsNotListenedToEndsAtOnce() async {
        let listener = PostgresNotifications(
            configuration: PostgresConfiguration(), channels: ["a"], logger: StoreTestSupport.logger)
        var iterator = listener.notifications(channel: "b").makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }
}
