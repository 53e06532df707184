import EventFeed
import Logging
import Store
import Testing

/// The relay vacuums the outbox once it has numbered enough rows and caught up, so the old versions numbering left
/// in its work-list index stop slowing every later look.
@Suite struct OutboxVacuumTests {
    @Test(arguments: [(vacuumAfter: 5, vacuumed: true), (vacuumAfter: 1_000, vacuumed: false)])
    func theOutboxIsVacuumedAfterManyRowsAreNumbered(vacuumAfter: Int, vacuumed: Bool) async throws {
        let fixture = try await FeedFixture.make()
        let relay = OutboxRelay(pool: fixture.producer, names: fixture.names, signal: FeedSignal(), notifications: nil,
                                vacuumAfter: vacuumAfter, logger: Logger(label: "clm.test.relay"))
        try await fixture.write((0..<10).map { "s\($0)" })
        #expect(try await relay.assignPositions() == 10)
        let lastVacuum = try await fixture.producer.withConnection { connection in
            try connection.query(
                """
                SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables
                WHERE schemaname = 'identity' AND relname = 'outbox'
                """)[0].decode(Bool.self, at: 0)
        }
        #expect(lastVacuum == vacuumed)
        await fixture.close()
    }
}
