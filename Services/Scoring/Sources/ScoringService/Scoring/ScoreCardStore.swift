import Foundation
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

    /// `column = excluded.column` for every column but the key.
    private static let updates = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { $0 != "customer_code" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// Stores `card` as its customer's current card.
    func save(_ card: ScoreCard) throws {
        try saveAll([card])
    }

    /// Stores each of `cards` as its customer's current card, a few statements however many cards: copied into a
    /// session-local staging table, then upserted, so that two transactions scoring the same customer at once (the
    /// rescorer and a full rescore) wait for each other instead of one failing on the primary key.
    func saveAll(_ cards: [ScoreCard]) throws {
        guard !cards.isEmpty else { return }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS score_card_incoming (LIKE score_card)")
        try connection.execute("TRUNCATE score_card_incoming")
        try connection.copyIn("COPY score_card_incoming (\(Self.columns)) FROM STDIN", rows: try cards.map(Self.row))
        try connection.execute(
            "INSERT INTO score_card (\(Self.columns)) SELECT \(Self.columns) FROM score_card_incoming "
                + "ON CONFLICT (customer_code) DO UPDATE SET \(Self.updates)")
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
