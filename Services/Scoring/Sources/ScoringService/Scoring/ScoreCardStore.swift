import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// The `score_card` table: each active customer's current card, as the ScoreCard message and the columns listings
/// filter and sort by.
struct ScoreCardStore {
    let connection: PostgresConnection

    /// Stores `card` as its customer's current card.
    func save(_ card: ScoreCard) throws {
        var stored = card
        stored.explanation = nil
        let bytes = try WireCodec.encode(stored)
        let value = card.value
        try connection.execute(
            """
            INSERT INTO score_card (customer_code, card, tier, layer, risk_grade, potential, vip, value_score,
                                    risk_score, annualised_minor, clv_minor, product_lines, facts_position, scored_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14)
            ON CONFLICT (customer_code) DO UPDATE SET card = excluded.card, tier = excluded.tier,
                layer = excluded.layer, risk_grade = excluded.risk_grade, potential = excluded.potential,
                vip = excluded.vip, value_score = excluded.value_score, risk_score = excluded.risk_score,
                annualised_minor = excluded.annualised_minor, clv_minor = excluded.clv_minor,
                product_lines = excluded.product_lines, facts_position = excluded.facts_position,
                scored_at = excluded.scored_at
            """,
            [.text(value.customerCode), .bytes(Array(bytes.readableBytesView)), .text(value.tier.rawValue),
             .text(value.layer.rawValue), .text(value.riskGrade.rawValue), .bool(value.potential), .bool(value.vip),
             .double(value.valueScore), .double(card.risk.riskScore), .int(value.annualisedPremium.minorUnits),
             .int(value.clv.minorUnits), SQLValues.texts(card.metrics.productLines.map(\.rawValue)),
             .int(card.factsPosition), .timestamp(microsSince1970: value.scoredAt.unixMicros)])
    }

    /// The current cards of those of `codes` that have one.
    func load(_ codes: [String]) throws -> [String: ScoreCard] {
        guard !codes.isEmpty else { return [:] }
        var cards: [String: ScoreCard] = [:]
        for row in try connection.query("SELECT customer_code, card FROM score_card WHERE customer_code = ANY($1::text[])",
                                        [SQLValues.texts(codes)]) {
            let bytes = ByteBufferAllocator().buffer(bytes: try row.decode([UInt8].self, "card"))
            cards[try row.decode(String.self, "customer_code")] = try WireCodec.decode(ScoreCard.self, from: bytes)
        }
        return cards
    }

    /// Removes the cards of `codes` (aliases after a merge, customers left without facts).
    func remove(_ codes: [String]) throws {
        guard !codes.isEmpty else { return }
        try connection.execute("DELETE FROM score_card WHERE customer_code = ANY($1::text[])", [SQLValues.texts(codes)])
    }
}
