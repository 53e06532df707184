import CLMTesting
import EventFeed
import Foundation
import Logging
import Models
import RPC
import ServiceAPI
import Store
import Synchronization
import Testing
import WireCodec

@Suite struct FeedOrderingTests {
    /// The hazard the relay exists for: an event inserted first (smaller id) but committed last must still reach a
    /// reader who has already read past the events committed before it.
    @Test func anEventCommittedLateWithASmallerIDStillReachesAReaderThatMovedOn() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let reader = FeedReader(pool: fixture.producer, signal: FeedSignal())
        let outbox = Outbox(names: fixture.names)

        let producer = fixture.producer
        let slowWriter = Task {
            try await producer.transaction { connection in
                try outbox.append(HealthCheckRequest(), subject: "inserted-first", on: connection)
                // Still open while the other event commits and the relay numbers it (at most 10 s): ordered by the
                // database, not by sleeps, which a loaded machine outran.
                try connection.executeScript("""
                    DO $$ BEGIN
                        FOR i IN 1..1000 LOOP
                            EXIT WHEN EXISTS (SELECT 1 FROM outbox WHERE position IS NOT NULL);
                            PERFORM pg_sleep(0.01);
                        END LOOP;
                    END $$
                    """)
            }
        }
        // The other event is written once the slow writer has taken its id: ids come from a sequence, whose use
        // shows outside the slow writer's transaction.
        while try await producer.withConnection({
            try $0.query("SELECT is_called FROM outbox_id_seq")[0].decode(Bool.self, "is_called")
        }) == false {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await fixture.write(["inserted-second"])

        #expect(try await relay.assignPositions() == 1)
        let firstPage = try await reader.read(after: 0, limit: 10)
        #expect(firstPage.events.map(\.subject) == ["inserted-second"])
        #expect(firstPage.events.map(\.position) == [1])

        try await slowWriter.value
        #expect(try await relay.assignPositions() == 1)
        let secondPage = try await reader.read(after: 1, limit: 10)
        #expect(secondPage.events.map(\.subject) == ["inserted-first"])
        #expect(secondPage.events.map(\.position) == [2])

        let ids = try await fixture.ids()
        #expect(ids["inserted-first"]! < ids["inserted-second"]!, "the scenario needs the late event to have the smaller id")
        await fixture.close()
    }

    @Test func concurrentWritersCommittingOutOfOrderAreEachSeenExactlyOnce() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let relayTask = Task {
            while !Task.isCancelled {
                _ = try? await relay.assignPositions()
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        let reader = FeedReader(pool: fixture.producer, signal: FeedSignal())
        let outbox = Outbox(names: fixture.names)
        let producer = fixture.producer

        // 8 writers × 25 transactions of 1–3 events, each holding its transaction open for a random while so that
        // commits overtake each other; every fifth transaction rolls back and its events must never appear.
        struct RolledBack: Error {}
        let committed = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var mine: [String] = []
                    for transaction in 0..<25 {
                        let subjects = (0..<Int.random(in: 1...3)).map { "w\(writer)-t\(transaction)-e\($0)" }
                        let rollBack = transaction % 5 == 4
                        do {
                            try await producer.transaction(retries: 0) { connection in
                                for subject in subjects {
                                    try outbox.append(HealthCheckRequest(), subject: subject, on: connection)
                                }
                                try connection.execute("SELECT pg_sleep($1)", [.double(Double.random(in: 0...0.015))])
                                if rollBack { throw RolledBack() }
                            }
                            mine += subjects
                        } catch is RolledBack {}
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        // Read the feed as a consumer would, from position 0, until every committed event has arrived.
        var seen: [FeedEvent] = []
        let clock = ContinuousClock()
        let giveUp = clock.now + .seconds(30)
        while seen.count < committed.count && clock.now < giveUp {
            let page = try await reader.read(after: seen.last?.position ?? 0, limit: 50)
            seen += page.events
            if page.events.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        }
        relayTask.cancel()

        #expect(seen.count == committed.count)
        #expect(Set(seen.map(\.subject)) == Set(committed))
        #expect(Set(seen.map(\.subject)).count == seen.count, "an event was delivered twice")
        #expect(seen.map(\.position) == Array(1...Int64(seen.count)), "positions must be dense and in order")
        #expect(!seen.contains { $0.subject.hasPrefix("w") && $0.subject.contains("-t4-") }, "a rolled-back event leaked")

        // The run must really have committed out of insert order, or it proves nothing.
        let ids = try await fixture.ids()
        let idsInFeedOrder = seen.map { ids[$0.subject]! }
        #expect(idsInFeedOrder != idsInFeedOrder.sorted(), "no commit overtook another; the test needs more contention")
        await fixture.close()
    }

    @Test func listEventsWaitsForTheNextEventAndAnswersWhenItCommits() async throws {
        let fixture = try await FeedFixture.make()
        let signal = FeedSignal()
        let relay = OutboxRelay(pool: fixture.producer, names: fixture.names, signal: signal, notifications: nil,
                                sweepInterval: .seconds(60), logger: Logger(label: "clm.test.relay"))
        let reader = FeedReader(pool: fixture.producer, signal: signal)
        let context = ServerContext(method: CommonAPI.listEvents.path,
                                    caller: Caller(uid: 0, gid: 0, pid: 0, roles: [.service]), deadline: nil,
                                    traceID: "t", logger: Logger(label: "clm.test"))
        let started = ContinuousClock.now
        let waiting = Task { try await reader.listEvents(ListEventsRequest(after: 0, limit: 10, waitMillis: 10_000),
                                                         context: context) }
        try await Task.sleep(for: .milliseconds(300))
        try await fixture.write(["late"])
        try await relay.assignPositions()  // notifies the signal the reader waits on
        let answer = try await waiting.value
        #expect(answer.events.map(\.subject) == ["late"])
        #expect(answer.headPosition == 1)
        #expect(ContinuousClock.now - started < .seconds(5), "the reader slept through the event")

        // With nothing new, a bounded wait ends empty.
        let empty = try await reader.listEvents(ListEventsRequest(after: 1, limit: 10, waitMillis: 200), context: context)
        #expect(empty.events.isEmpty)
        await fixture.close()
    }

    @Test(arguments: [
        (ListEventsRequest(after: -1), "after"),
        (ListEventsRequest(after: 0, limit: 10_001), "limit"),
        (ListEventsRequest(after: 0, limit: -5), "limit"),
        (ListEventsRequest(after: 0, waitMillis: 30_001), "wait_millis"),
    ])
    func listEventsRejectsRequestsOutOfRange(request: ListEventsRequest, field: String) async throws {
        // Validation answers before any query: a pool that could never connect shows it.
        let pool = PostgresPool(configuration: PostgresConfiguration(host: "/nonexistent"), logger: Logger(label: "t"))
        let reader = FeedReader(pool: pool, signal: FeedSignal())
        let context = ServerContext(method: "", caller: Caller(uid: 0, gid: 0, pid: 0, roles: []), deadline: nil,
                                    traceID: "t", logger: Logger(label: "clm.test"))
        await #expect(throws: RPCError.self) { try await reader.listEvents(request, context: context) }
        do {
            _ = try await reader.listEvents(request, context: context)
        } catch let error as RPCError {
            #expect(error.status == .invalidArgument)
            #expect(error.violations.map(\.field) == [field])
        }
        await pool.close()
    }
}
