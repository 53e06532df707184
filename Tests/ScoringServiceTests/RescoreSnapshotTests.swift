import CLMTesting
import Models
import NIOCore
import RPC
import ScoringAPI
import Store
import Testing
import WireCodec

/// A full rescore reads the book in one snapshot, which cards the rescorer writes meanwhile may be newer than: a
/// card computed from facts the snapshot does not hold is neither replaced nor removed, while a card whose customer
/// has no facts left is removed as before.
@Suite(.serialized) struct RescoreSnapshotTests {
    /// Beyond any feed position the test reaches: the card claims facts newer than any snapshot.
    static let future: Int64 = 9_000_000_000

    @Test func cardsFromFactsNewerThanTheSnapshotStand() async throws {
        let (suite, database) = try await ScoringSupport.start(
            prefix: "scoring_snapshot", environment: RuleSetApplicationTests.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        _ = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        // A's card as if the rescorer had scored it from facts beyond the job's snapshot, stored without its
        // explanation so that the job, were it to score A, would find it changed and write it again.
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                let row = try connection.query("SELECT card FROM scoring.score_card WHERE customer_code = $1",
                                               [.text(a)])[0]
                var card = try WireCodec.decode(ScoreCard.self,
                                                from: ByteBuffer(bytes: try row.decode([UInt8].self, "card")))
                card.factsPosition = Self.future
                try connection.execute(
                    """
                    UPDATE scoring.score_card SET card = $2, facts_position = $3, explanation = NULL
                    WHERE customer_code = $1
                    """,
                    [.text(a), .bytes(Array(try WireCodec.encode(card).readableBytesView)), .int(Self.future)])
            }
        }
        // Two cards without facts: one from before the snapshot (its customer's facts are gone), one newer.
        let (gone, newer) = (CardFixture.code(1), CardFixture.code(2))
        try await CardFixture.insert([CardFixture(code: gone, factsPosition: 1),
                                      CardFixture(code: newer, factsPosition: Self.future)], into: database)

        let started = try await scoring.call(ScoringAPI.startRescoreAll,
                                             StartRescoreAllRequest(operatorId: "ops-7", reason: "snapshot")).job
        let job = try await RuleSetApplicationTests.waitForJob(started.jobId, scoring)
        #expect(job.state == .succeeded, "\(job.message)")

        let rows = try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.query(
                    "SELECT customer_code, facts_position, explanation IS NULL AS bare FROM scoring.score_card")
                    .map { (try $0.decode(String.self, "customer_code"), try $0.decode(Int64.self, "facts_position"),
                            try $0.decode(Bool.self, "bare")) }
            }
        }
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.0, ($0.1, $0.2)) })
        #expect(byCode[a]?.0 == Self.future && byCode[a]?.1 == true, "A's newer card was not replaced")
        #expect(byCode[b] != nil, "B is scored as usual")
        #expect(byCode[gone] == nil, "a card whose customer has no facts in the snapshot, and is not newer, goes")
        #expect(byCode[newer]?.0 == Self.future, "a card newer than the snapshot stays, though it has no facts there")
    }

    /// A full rescore removes the card of a code merged into another (an alias in scoring's table), saying the VIP
    /// left as "merged"; a code without facts that is no alias loses its card as "all policies ended".
    @Test func aMergedAwayCodesCardGoesAsMerged() async throws {
        let (suite, database) = try await ScoringSupport.start(
            prefix: "scoring_alias_rescore", environment: RuleSetApplicationTests.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        _ = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        let (merged, ended) = (CardFixture.code(3), CardFixture.code(4))
        let since = CalendarDate(year: 2019, month: 1, day: 1)
        try await CardFixture.insert([CardFixture(code: merged, vipSince: since, tenureMonths: 70, factsPosition: 1),
                                      CardFixture(code: ended, vipSince: since, tenureMonths: 80, factsPosition: 1)],
                                     into: database)
        _ = try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO scoring.customer_alias (alias_code, survivor_code, operation_id, position)
                    VALUES ($1, $2, 'op-merge-test', 1)
                    """, [.text(merged), .text(a)])
            }
        }
        let started = try await scoring.call(ScoringAPI.startRescoreAll,
                                             StartRescoreAllRequest(operatorId: "ops-7", reason: "aliases")).job
        let job = try await RuleSetApplicationTests.waitForJob(started.jobId, scoring)
        #expect(job.state == .succeeded, "\(job.message)")
        let events = try await RuleSetApplicationTests.events(scoring) { events in
            Set(events.filter { $0.type == "clm.scoring.v1.VipLeft" }.map(\.subject)).isSuperset(of: [merged, ended])
        }
        let left = try events.filter { $0.type == "clm.scoring.v1.VipLeft" }.map {
            try RuleSetApplicationTests.decode(VipLeft.self, $0)
        }
        #expect(left.first { $0.customerCode == merged }?.reason == "merged")
        #expect(left.first { $0.customerCode == ended }?.reason == "all policies ended")
        let codes = try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.query("SELECT customer_code FROM scoring.score_card").map {
                    try $0.decode(String.self, at: 0)
                }
            }
        }
        #expect(Set(codes) == [a, b])
    }
}
