import CLMTesting
import IdentityAPI
import Models
import RPC
import ScoringAPI
import ServiceAPI
import Store
import Testing

/// Scoring's facts are a function of identity's feed: applying every event a second time changes nothing, and
/// replaying the feed into empty tables rebuilds the same rows, merges and undos included.
@Suite(.serialized) struct FeedReplayTests {
    /// The tables that hold what scoring learnt from the feed (cards and the rescore queue are derived from them).
    static let factTables = ["customer_profile", "customer_alias", "code_operation", "policy_fact", "policy_party",
                             "payment_fact", "claim_fact", "servicing_fact", "service_usage_fact", "interaction_fact"]

    /// Every row of every fact table, as PostgreSQL writes the row as text, table by table in key order.
    static func snapshot(_ pool: PostgresPool) async throws -> [String: [String]] {
        try await pool.withConnection { connection in
            var tables: [String: [String]] = [:]
            for table in factTables {
                tables[table] = try connection.query("SELECT t::text FROM scoring.\(table) t ORDER BY 1")
                    .map { try $0.decode(String.self, at: 0) }
            }
            return tables
        }
    }

    /// Waits until scoring has applied identity's whole feed (its cursor at identity's head, the head still for a
    /// moment); returns the head.
    static func caughtUp(_ pool: PostgresPool, identity: RPCClient) async throws -> Int64 {
        let giveUp = ContinuousClock.now + .seconds(30)
        var settled = 0
        while ContinuousClock.now < giveUp {
            let head = try await identity.call(CommonAPI.listEvents, ListEventsRequest(after: 0, limit: 1)).headPosition
            let cursor = try await pool.withConnection { connection in
                try connection.query("SELECT coalesce(max(position), 0) FROM scoring.feed_cursor")[0]
                    .decode(Int64.self, at: 0)
            }
            settled = cursor == head && head > 0 ? settled + 1 : 0
            if settled == 3 { return head }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RPCError(.deadlineExceeded, "scoring did not catch up with identity's feed within 30 s")
    }

    @Test func applyingTheFeedAgainOrFromScratchGivesTheSameFacts() async throws {
        let (suite, database) = try await ScoringSupport.start(prefix: "scoring_replay")
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        let merge = try await identity.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: a, mergedCode: b, operatorId: "ops-1", reason: "same person"))
        _ = try await identity.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: merge.operationId, operatorId: "ops-1", reason: "two people after all"))

        try await ScoringSupport.withDatabase(database) { pool in
            let head = try await Self.caughtUp(pool, identity: identity)
            let first = try await Self.snapshot(pool)
            // Hand-checked shape: both customers' profiles, no alias left, the merge remembered, each record once
            // under its own customer again.
            #expect(first["customer_profile"]?.count == 2)
            #expect(first["customer_alias"] == [])
            #expect(first["code_operation"]?.count == 1)
            #expect(first["policy_fact"]?.count == 3 && first["payment_fact"]?.count == 2)
            #expect(first["claim_fact"]?.count == 2 && first["service_usage_fact"]?.count == 1)
            #expect(first["interaction_fact"]?.count == 1 && first["servicing_fact"] == [])
            #expect(first["policy_party"]?.filter { $0.contains(b) }.count == 1)
            #expect(first["policy_party"]?.filter { $0.contains(a) }.count == 2)

            // Every event applied a second time: nothing changes.
            try await pool.withConnection { connection in
                try connection.execute("UPDATE scoring.feed_cursor SET position = 0 WHERE source = 'identity'")
            }
            #expect(try await Self.caughtUp(pool, identity: identity) == head)
            #expect(try await Self.snapshot(pool) == first)

            // The feed replayed into empty tables: the same rows.
            try await pool.transaction { connection in
                try connection.execute("TRUNCATE " + Self.factTables.map { "scoring.\($0)" }.joined(separator: ", "))
                try connection.execute("UPDATE scoring.feed_cursor SET position = 0 WHERE source = 'identity'")
            }
            #expect(try await Self.snapshot(pool)["policy_fact"] == [])
            #expect(try await Self.caughtUp(pool, identity: identity) == head)
            #expect(try await Self.snapshot(pool) == first)
        }

        // And the cards follow the rebuilt facts.
        let cardA = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 2 })
        ScoreCardEndToEndTests.expectA(cardA, code: a)
        let cardB = try #require(try await ScoringSupport.card(b, scoring) { $0.risk.claimCount == 1 })
        ScoreCardEndToEndTests.expectB(cardB, code: b)
    }
}
