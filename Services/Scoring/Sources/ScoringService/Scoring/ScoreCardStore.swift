import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// The `score_card` table: each active customer's current card, as the ScoreCard message (with its explanation, so
/// that a card is explained exactly as it was computed) and the columns listings filter and sort by.
struct ScoreCardStore {
    let connection: PostgresConnection

    private static let columns = """
        customer_code, card, tier, layer, risk_grade, potential, vip, value_score, risk_score, annualised_minor, \
        clv_minor, product_lines, facts_position, scored_at, vip_since, continuous_tenure_months, rule_set_id, \
        rule_set_version
        """

    /// Stores `card` as its customer's current card.
    func save(_ card: ScoreCard) throws {
        try saveAll([card])
    }

    /// Stores each of `cards` as its customer's current card: the old rows deleted and the new ones copied in, one
    /// statement each however many cards.
    func saveAll(_ cards: [ScoreCard]) throws {
        guard !cards.isEmpty else { return }
        try remove(cards.map(\.value.customerCode))
        try connection.copyIn("COPY score_card (\(Self.columns)) FROM STDIN", rows: try cards.map(Self.row))
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

    private static func row(_ card: ScoreCard) throws -> [PostgresValue] {
        let value = card.value
        return [.text(value.customerCode), .bytes(Array(try WireCodec.encode(card).readableBytesView)),
                .text(value.tier.rawValue), .text(value.layer.rawValue), .text(value.riskGrade.rawValue),
                .bool(value.potential), .bool(value.vip), .double(value.valueScore), .double(card.risk.riskScore),
                .int(value.annualisedPremium.minorUnits), .int(value.clv.minorUnits),
                SQLValues.texts(card.metrics.productLines.map(\.rawValue)), .int(card.factsPosition),
                .timestamp(microsSince1970: value.scoredAt.unixMicros), SQLValues.date(card.loyalty.vipSince),
                .int(Int64(card.loyalty.continuousTenureMonths)), .text(value.ruleSetId),
                .int(Int64(value.ruleSetVersion))]
    }
}
