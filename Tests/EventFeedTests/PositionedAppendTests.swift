import CLMTesting
import EventFeed
import Logging
import Models
import Store
import Synchronization
import Testing

/// Events appended with their positions (the bulk job's way): numbered by the appending transaction itself, under the
/// relay's lock, so the relay has nothing left to number (update) for them after commit.
@Suite struct PositionedAppendTests {
    struct RolledBack: Error {}

    static func events(_ subjects: [String]) -> [(event: HealthCheckRequest, subject: String)] {
        subjects.map { (HealthCheckRequest(), $0) }
    }

    /// The whole feed, in position order, as a reader gets it.
    static func feed(_ fixture: FeedFixture) async throws -> [FeedEvent] {
        try await FeedReader(pool: fixture.producer, signal: FeedSignal()).read(after: 0, limit: 10_000).events
    }

    /// Whether someone holds the relay's lock: trying it in a statement of its own releases it again at once.
    static func relayLockIsHeld(_ fixture: FeedFixture) async throws -> Bool {
        let key = fixture.names.relayLockKey
        return try await fixture.producer.withConnection { connection in
            !(try connection.query("SELECT pg_try_advisory_xact_lock(hashtext($1))", [.text(key)])[0]
                .decode(Bool.self, at: 0))
        }
    }

    @Test func positionedEventsAreInTheFeedAtCommitAndTheRelayNumbersNothingForThem() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let outbox = Outbox(names: fixture.names)
        try await fixture.write(["before"])
        #expect(try await relay.assignPositions() == 1)

        let (given, transaction) = try await fixture.producer.transaction { connection in
            // Appended first and without a position, as the bulk job's business record events are.
            try outbox.append(HealthCheckRequest(), subject: "same-transaction", on: connection)
            let given = try outbox.appendAllPositioned(Self.events((1...5).map { "bulk-\($0)" }), on: connection)
            let xid = try connection.query("SELECT pg_current_xact_id()::text")[0].decode(String.self, at: 0)
            return (given, xid)
        }
        #expect(given == 2...6)

        // No relay pass yet: the positioned events are in the feed already, densely after the head.
        let atCommit = try await Self.feed(fixture)
        #expect(atCommit.map(\.subject) == ["before"] + (1...5).map { "bulk-\($0)" })
        #expect(atCommit.map(\.position) == Array(1...6))

        // The relay numbers the transaction's other event, after the positioned ones, and nothing else.
        #expect(try await relay.assignPositions() == 1)
        let numbered = try await Self.feed(fixture)
        #expect(numbered.map(\.subject) == ["before"] + (1...5).map { "bulk-\($0)" } + ["same-transaction"])
        #expect(numbered.map(\.position) == Array(1...7))

        // Each positioned row is still the version its transaction wrote: never updated, no dead versions left.
        let writers = try await fixture.producer.withConnection { connection in
            try connection.query("SELECT DISTINCT xmin::text FROM outbox WHERE subject LIKE 'bulk-%'")
                .map { try $0.decode(String.self, at: 0) }
        }
        #expect(writers == [String(UInt64(transaction)! % (1 << 32))])
        await fixture.close()
    }

    /// Ordinary events committed and numbered before, committed before the lock but not yet numbered, committed
    /// while the lock is held, and committed after: positions are dense and unique, and an event committed before
    /// the positioned append's commit never gets a position above one committed after it.
    @Test func positionsAroundAPositionedAppendAreDenseAndFollowCommitOrder() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let outbox = Outbox(names: fixture.names)
        let producer = fixture.producer
        try await fixture.write(["numbered-before"])
        #expect(try await relay.assignPositions() == 1)
        try await fixture.write(["committed-before-the-lock"])

        let bulk = Task {
            try await producer.transaction(retries: 0) { connection in
                let given = try outbox.appendAllPositioned(Self.events(["bulk-1", "bulk-2", "bulk-3"]), on: connection)
                try connection.execute("SELECT pg_sleep(0.8)")  // holds the lock while the others commit
                return given
            }
        }
        let clock = ContinuousClock()
        let giveUp = clock.now + .seconds(10)
        while try await !Self.relayLockIsHeld(fixture), clock.now < giveUp {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await fixture.write(["committed-while-locked"])
        #expect(try await relay.assignPositions() == 0, "the relay numbered while the positioned append held the lock")
        let given = try await bulk.value
        try await fixture.write(["committed-after"])
        #expect(try await relay.assignPositions() == 3)

        let feed = try await Self.feed(fixture)
        // The positioned events take their place when the lock was taken: after what was numbered then, before what
        // was still waiting for the relay.
        #expect(feed.map(\.subject) == ["numbered-before", "bulk-1", "bulk-2", "bulk-3", "committed-before-the-lock",
                                        "committed-while-locked", "committed-after"])
        #expect(given == 2...4)
        #expect(feed.map(\.position) == Array(1...7))
        let positionOf = Dictionary(uniqueKeysWithValues: feed.map { ($0.subject, $0.position) })
        for before in ["numbered-before", "committed-before-the-lock", "committed-while-locked", "bulk-3"] {
            #expect(positionOf[before]! < positionOf["committed-after"]!, "\(before)")
        }
        await fixture.close()
    }

    /// How many events the reader must see before it stops; unknown while the writers work.
    final class Expected: Sendable {
        let count = Mutex<Int?>(nil)
    }

    /// Positioned appends, ordinary writers and the relay all at once, some transactions rolled back: a reader that
    /// follows positions while they commit sees every committed event exactly once, and nothing else.
    @Test func aReaderFollowingTheFeedMissesNothingAmongConcurrentPositionedAppends() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let relayTask = Task {
            while !Task.isCancelled {
                _ = try? await relay.assignPositions()
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        let reader = FeedReader(pool: fixture.producer, signal: FeedSignal())
        let expected = Expected()
        let readerTask = Task {
            var seen: [FeedEvent] = []
            let clock = ContinuousClock()
            let giveUp = clock.now + .seconds(60)
            while clock.now < giveUp {
                if let count = expected.count.withLock({ $0 }), seen.count >= count { break }
                let page = try await reader.read(after: seen.last?.position ?? 0, limit: 50)
                seen += page.events
                if page.events.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
            }
            return seen
        }
        let outbox = Outbox(names: fixture.names)
        let producer = fixture.producer

        // 4 ordinary writers × 20 transactions of 1–3 events, and 2 bulk writers × 6 transactions of 20 positioned
        // events and one without a position; each holds its transaction open a random while, and every fifth one
        // rolls back.
        let committed = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<6 {
                let bulk = writer >= 4
                group.addTask {
                    var mine: [String] = []
                    for transaction in 0..<(bulk ? 6 : 20) {
                        let prefix = "w\(writer)-t\(transaction)"
                        let subjects = (0..<(bulk ? 21 : Int.random(in: 1...3))).map { "\(prefix)-e\($0)" }
                        let rollBack = transaction % 5 == 4
                        do {
                            try await producer.transaction(retries: 0) { connection in
                                try connection.execute("SELECT pg_sleep($1)", [.double(Double.random(in: 0...0.015))])
                                if bulk {
                                    try outbox.append(HealthCheckRequest(), subject: subjects[20], on: connection)
                                    try outbox.appendAllPositioned(Self.events(Array(subjects[..<20])),
                                                                   on: connection)
                                } else {
                                    for subject in subjects {
                                        try outbox.append(HealthCheckRequest(), subject: subject, on: connection)
                                    }
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
        expected.count.withLock { $0 = committed.count }
        let seen = try await readerTask.value
        relayTask.cancel()

        #expect(seen.count == committed.count)
        #expect(Set(seen.map(\.subject)) == Set(committed))
        #expect(Set(seen.map(\.subject)).count == seen.count, "an event was delivered twice")
        #expect(seen.map(\.position) == Array(1...Int64(seen.count)), "positions must be dense and in order")
        #expect(!seen.contains { $0.subject.contains("-t4-") }, "a rolled-back event leaked")
        // Each positioned append's events are one run of positions, in the order given, before the event its
        // transaction appended without a position.
        let positionOf = Dictionary(uniqueKeysWithValues: seen.map { ($0.subject, $0.position) })
        for writer in 4..<6 {
            for transaction in [0, 1, 2, 3, 5] {
                let prefix = "w\(writer)-t\(transaction)"
                let run = (0..<20).compactMap { positionOf["\(prefix)-e\($0)"] }
                #expect(run.count == 20 && run.last == run.first.map { $0 + 19 } && run == run.sorted(), "\(prefix)")
                #expect((positionOf["\(prefix)-e20"] ?? 0) > (run.last ?? .max), "\(prefix)")
            }
        }
        await fixture.close()
    }

    @Test func aRolledBackPositionedAppendConsumesNoPositionAndShowsNothing() async throws {
        let fixture = try await FeedFixture.make()
        let relay = fixture.relay()
        let outbox = Outbox(names: fixture.names)
        try await fixture.write(["before"])
        #expect(try await relay.assignPositions() == 1)

        await #expect(throws: RolledBack.self) {
            try await fixture.producer.transaction(retries: 0) { connection in
                let given = try outbox.appendAllPositioned(Self.events(["never-1", "never-2"]), on: connection)
                #expect(given == 2...3)
                throw RolledBack()
            }
        }
        let afterRollback = try await FeedReader(pool: fixture.producer, signal: FeedSignal()).read(after: 0, limit: 10)
        #expect(afterRollback.events.map(\.subject) == ["before"])
        #expect(afterRollback.headPosition == 1)
        #expect(try await relay.assignPositions() == 0)

        let next = try await fixture.producer.transaction { connection in
            try outbox.appendAllPositioned(Self.events(["next"]), on: connection)
        }
        #expect(next == 2...2)
        try await fixture.write(["after"])
        #expect(try await relay.assignPositions() == 1)
        let feed = try await Self.feed(fixture)
        #expect(feed.map(\.subject) == ["before", "next", "after"])
        #expect(feed.map(\.position) == [1, 2, 3])
        let rows = try await fixture.producer.withConnection { connection in
            try connection.query("SELECT count(*) FROM outbox")[0].decode(Int64.self, at: 0)
        }
        #expect(rows == 3)
        await fixture.close()
    }

    /// Under REPEATABLE READ the snapshot is taken before the lock, so the head it reads could be stale.
    @Test func aPositionedAppendRefusesATransactionAboveReadCommitted() async throws {
        let fixture = try await FeedFixture.make()
        let outbox = Outbox(names: fixture.names)
        await #expect(throws: StoreError.self) {
            try await fixture.producer.transaction(isolation: .repeatableRead, retries: 0) { connection in
                try outbox.appendAllPositioned(Self.events(["x"]), on: connection)
            }
        }
        #expect(try await Self.feed(fixture).isEmpty)
        await fixture.close()
    }

    /// Readers (and relays, for rows committed while the lock was held) are woken by NOTIFY when it commits.
    @Test func aPositionedAppendNotifiesTheFeedChannelOnCommit() async throws {
        let fixture = try await FeedFixture.make()
        let outbox = Outbox(names: fixture.names)
        let names = fixture.names
        let listener = PostgresNotifications(configuration: fixture.database.configuration(user: "clm_identity"),
                                             channels: [names.feedChannel, names.outboxChannel],
                                             logger: Logger(label: "clm.test.notify"))
        let arrived = try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask { try await listener.run(); return [] }
            await listener.waitUntilListening()
            let streams = [names.feedChannel, names.outboxChannel].map { ($0, listener.notifications(channel: $0)) }
            try await fixture.producer.transaction { connection in
                try outbox.appendAllPositioned(Self.events(["bulk"]), on: connection)
            }
            for (channel, stream) in streams {
                group.addTask {
                    var iterator = stream.makeAsyncIterator()
                    return await iterator.next() == nil ? [] : [channel]
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                return ["timeout"]
            }
            var arrived: [String] = []
            while arrived.count < 2, let next = try await group.next() {
                if next == ["timeout"] { break }
                arrived += next
            }
            group.cancelAll()
            return arrived.sorted()
        }
        #expect(arrived == [names.feedChannel, names.outboxChannel].sorted())
        await fixture.close()
    }
}
