import Models
import NIOCore
import ScoringAPI
@testable import ScoringService
import Store
import Testing
import WireCodec

/// `ScoreCardStore.saveAll`: cards of codes without a stored card are copied straight in, the others upserted; a
/// card that appeared for a "new" code meanwhile sends the lot the upsert's way, where a stored card from newer facts
/// stands.
@Suite(.serialized) struct ScoreCardStoreTests {
    private static func withStore(_ body: (PostgresPool) async throws -> Void) async throws {
        try await ScoringSupport.withMigratedSchema(prefix: "card_store", body)
    }

    private static func card(_ n: Int, position: Int64, tier: CustomerTier = .gold) -> StoredCard {
        var fixture = CardFixture(code: CardFixture.code(n), tier: tier, layer: .middle, valueScore: 61.5,
                                  premiumMinor: 1_234_567, lines: [.life, .health],
                                  vipSince: n % 2 == 0 ? CalendarDate(year: 2019, month: 2, day: 28) : nil,
                                  tenureMonths: 70, factsPosition: position)
        fixture.potential = n % 3 == 0
        var card = fixture.card
        card.explanation = ScoreExplanation(summary: "card \(n)")
        return StoredCard(card)
    }

    /// The stored rows: code → (facts position, tier, the card's bytes decoded).
    private static func stored(_ connection: PostgresConnection) throws -> [String: (Int64, String, ScoreCard)] {
        var rows: [String: (Int64, String, ScoreCard)] = [:]
        for row in try connection.query("SELECT customer_code, facts_position, tier, card FROM score_card") {
            let card = try WireCodec.decode(ScoreCard.self, from: ByteBuffer(bytes: try row.decode([UInt8].self, "card")))
            rows[try row.decode(String.self, "customer_code")] = (
                try row.decode(Int64.self, "facts_position"), try row.decode(String.self, "tier"), card)
        }
        return rows
    }

    @Test func newCardsAreInsertedWithEveryColumnAsTheCardSays() async throws {
        try await Self.withStore { pool in
            let cards = (0..<6).map { Self.card($0, position: 100 + Int64($0)) }
            try await pool.transaction { try ScoreCardStore(connection: $0).saveAll(cards, known: []) }
            try await pool.withConnection { connection in
                let rows = try connection.query("""
                    SELECT customer_code, tier, layer, potential, vip, value_score, annualised_minor, clv_minor,
                           array_to_string(product_lines, ',') AS lines, facts_position, vip_since,
                           continuous_tenure_months, rule_set_id, rule_set_version, explanation
                    FROM score_card ORDER BY customer_code
                    """)
                #expect(rows.count == 6)
                for (row, stored) in zip(rows, cards) {
                    let card = stored.card
                    #expect(try row.decode(String.self, "customer_code") == card.value.customerCode)
                    #expect(try row.decode(String.self, "tier") == "CUSTOMER_TIER_GOLD")
                    #expect(try row.decode(String.self, "layer") == "PYRAMID_LAYER_MIDDLE")
                    #expect(try row.decode(Bool.self, "potential") == card.value.potential)
                    #expect(try row.decode(Bool.self, "vip") == card.value.vip)
                    #expect(try row.decode(Double.self, "value_score") == 61.5)
                    #expect(try row.decode(Int64.self, "annualised_minor") == 1_234_567)
                    #expect(try row.decode(Int64.self, "clv_minor") == 3 * 1_234_567)
                    #expect(try row.decode(String.self, "lines") == "PRODUCT_LINE_LIFE,PRODUCT_LINE_HEALTH")
                    #expect(try row.decode(Int64.self, "facts_position") == card.factsPosition)
                    let since = try row.decode(PostgresDate?.self, "vip_since")
                    #expect(since == (card.value.vip ? PostgresDate(year: 2019, month: 2, day: 28) : nil))
                    #expect(try row.decode(Int32.self, "continuous_tenure_months") == 70)
                    #expect(try row.decode(String.self, "rule_set_id") == "book-2025")
                    #expect(try row.decode(Int32.self, "rule_set_version") == 3)
                    #expect(try row.decode([UInt8]?.self, "explanation") == stored.explanation)
                }
                let decoded = try Self.stored(connection)
                #expect(cards.allSatisfy { decoded[$0.card.value.customerCode]?.2 == $0.card })
            }
        }
    }

    @Test func aCardStoredMeanwhileForANewCodeSendsTheLotThroughTheUpsert() async throws {
        try await Self.withStore { pool in
            // Code 1's card, committed from newer facts than the one about to be saved; code 2's from older facts.
            try await pool.transaction {
                try ScoreCardStore(connection: $0).saveAll([Self.card(1, position: 500, tier: .diamond),
                                                            Self.card(2, position: 100, tier: .basic)], known: [])
            }
            // Saved as though neither had a card when loaded: the insert fails on code 1 and falls back.
            let incoming = [Self.card(1, position: 400, tier: .standard), Self.card(2, position: 200, tier: .gold),
                            Self.card(3, position: 300, tier: .gold)]
            let after = try await pool.transaction { connection in
                try ScoreCardStore(connection: connection).saveAll(incoming, known: [])
                // The transaction is still usable after the savepoint's rollback.
                return try connection.query("SELECT count(*) AS n FROM score_card")[0].decode(Int.self, "n")
            }
            #expect(after == 3)
            let rows = try await pool.withConnection { try Self.stored($0) }
            #expect(rows[CardFixture.code(1)]?.0 == 500, "the card from newer facts stands")
            #expect(rows[CardFixture.code(1)]?.1 == "CUSTOMER_TIER_DIAMOND")
            #expect(rows[CardFixture.code(2)]?.0 == 200, "the card from older facts is replaced")
            #expect(rows[CardFixture.code(2)]?.1 == "CUSTOMER_TIER_GOLD")
            #expect(rows[CardFixture.code(3)]?.0 == 300, "the new code's card is stored")
        }
    }

    @Test func knownCodesAreUpsertedBesideNewOnesInserted() async throws {
        try await Self.withStore { pool in
            try await pool.transaction {
                try ScoreCardStore(connection: $0).saveAll([Self.card(4, position: 10, tier: .basic)], known: [])
            }
            try await pool.transaction {
                try ScoreCardStore(connection: $0).saveAll(
                    [Self.card(4, position: 20, tier: .diamond), Self.card(5, position: 20)],
                    known: [CardFixture.code(4)])
            }
            let rows = try await pool.withConnection { try Self.stored($0) }
            #expect(rows[CardFixture.code(4)]?.0 == 20)
            #expect(rows[CardFixture.code(4)]?.1 == "CUSTOMER_TIER_DIAMOND")
            #expect(rows[CardFixture.code(5)]?.0 == 20)
        }
    }

    /// A run's cards are read by a range of codes that bounds the index scan on both sides, also under a generic
    /// plan (which PostgreSQL switches a prepared statement to): else every run reads to the end of the book.
    @Test func aRunsRangeBoundsTheIndexScanOnBothSides() async throws {
        try await Self.withStore { pool in
            let plans = try await pool.transaction { connection in
                try connection.execute("SET LOCAL plan_cache_mode = force_generic_plan")
                try connection.execute("SET LOCAL enable_seqscan = off")
                try connection.execute("SET LOCAL enable_bitmapscan = off")
                return try [CardFixture.code(9), nil].enumerated().map { index, through in
                    let (condition, parameters) = CustomerCodes.range("customer_code", after: CardFixture.code(2),
                                                                      through: through)
                    let types = parameters.map { _ in "text" }.joined(separator: ", ")
                    let values = parameters.map { "'\($0.textRepresentation ?? "")'" }.joined(separator: ", ")
                    try connection.executeScript(
                        "PREPARE card_range_\(index) (\(types)) AS SELECT card FROM score_card WHERE \(condition)")
                    return try connection.query("EXPLAIN EXECUTE card_range_\(index) (\(values))")
                        .map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
                }
            }
            let bounded = plans[0].split(separator: "\n").first { $0.contains("Index Cond") } ?? ""
            #expect(bounded.contains("> $1") && bounded.contains("<= $2"), "\(plans[0])")
            #expect(!plans[0].contains("Filter"), "\(plans[0])")
            #expect(plans[1].contains("Index Cond: (customer_code > $1)"), "\(plans[1])")
        }
    }
}
