import Foundation
import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// The `score_card` table: each active customer's current card, as the ScoreCard message and beside it its
/// explanation (so that a card is explained exactly as it was computed), and the columns listings filter and sort
/// by.
struct ScoreCardStore {
    let connection: PostgresConnection

    private static let columns = """
        customer_code, card, tier, layer, risk_grade, potential, vip, value_score, risk_score, annualised_minor, \
        clv_minor, product_lines, facts_position, scored_at, vip_since, continuous_tenure_months, rule_set_id, \
        rule_set_version, explanation
        """

    /// `column = excluded.column` for every column but the key.
    private static let updates = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { $0 != "customer_code" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// Stores each of `cards` as its customer's current card, a few statements however many cards: copied into a
    /// session-local staging table, then upserted, so that two transactions scoring the same customer at once (the
    /// rescorer and a full rescore) wait for each other instead of one failing on the primary key. A stored card
    /// computed from newer facts (a higher `facts_position`, as when a full rescore's snapshot is older than the
    /// rescorer's last read) is kept.
    func saveAll(_ cards: [StoredCard]) throws {
        guard !cards.isEmpty else { return }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS score_card_incoming (LIKE score_card)")
        try connection.execute("TRUNCATE score_card_incoming")
        try connection.copyIn("COPY score_card_incoming (\(Self.columns)) FROM STDIN", rows: cards.map(Self.row))
        try connection.execute(
            "INSERT INTO score_card (\(Self.columns)) SELECT \(Self.columns) FROM score_card_incoming "
                + "ON CONFLICT (customer_code) DO UPDATE SET \(Self.updates) "
                + "WHERE score_card.facts_position <= excluded.facts_position")
    }

    /// The current cards of those of `codes` that have one, each without its explanation but with the explanation's
    /// encoding, to tell whether a card computed again differs (`StoredCard.isSame(as:)`).
    func load(_ codes: [String]) throws -> [String: StoredCard] {
        guard !codes.isEmpty else { return [:] }
        return try cards(where: "customer_code = ANY($1::text[])", [PostgresValue.textArray(codes)])
    }

    /// The current cards of the codes after `after` through `through` (to the end of the book when nil), as
    /// `load(_:)` gives them.
    func load(after: String, through: String?) throws -> [String: StoredCard] {
        try cards(where: "customer_code > $1 AND ($2::text IS NULL OR customer_code <= $2)",
                  [.text(after), through.map(PostgresValue.text) ?? .null])
    }

    private func cards(where condition: String, _ parameters: [PostgresValue]) throws -> [String: StoredCard] {
        var cards: [String: StoredCard] = [:]
        for row in try connection.query(
            "SELECT customer_code, card, explanation FROM score_card WHERE \(condition)", parameters) {
            let card = try Self.card(row)
            let explanation = try row.decode([UInt8]?.self, "explanation")
            // A card stored before explanations had their own column holds its explanation.
            let stored = explanation.map { StoredCard(card: card, explanation: $0) } ?? StoredCard(card)
            cards[try row.decode(String.self, "customer_code")] = stored
        }
        return cards
    }

    /// The customer's current card with its explanation (nil when the card was scored without one).
    func loadExplained(_ code: String) throws -> ScoreCard? {
        guard let row = try connection.query(
            "SELECT card, explanation FROM score_card WHERE customer_code = $1", [.text(code)]).first else { return nil }
        var card = try Self.card(row)
        if let explanation = try row.decode([UInt8]?.self, "explanation") {
            card.explanation = try WireCodec.decode(ScoreExplanation.self, from: ByteBuffer(bytes: explanation))
        }
        return card
    }

    /// Removes the cards of `codes` (aliases after a merge, customers left without facts).
    func remove(_ codes: [String]) throws {
        guard !codes.isEmpty else { return }
        try connection.execute("DELETE FROM score_card WHERE customer_code = ANY($1::text[])",
                               [PostgresValue.textArray(codes)])
    }

    /// The card in a row's `card` column (with its explanation only when stored before migration 4).
    static func card(_ row: PostgresRow) throws -> ScoreCard {
        try WireCodec.decode(ScoreCard.self, from: ByteBuffer(bytes: try row.decode([UInt8].self, "card")))
    }

    private static func row(_ stored: StoredCard) -> [PostgresValue] {
        let card = stored.card
        let value = card.value
        return [.text(value.customerCode), .bytes(ScoreCardBytes.encode(card)),
                .text(value.tier.rawValue), .text(value.layer.rawValue), .text(value.riskGrade.rawValue),
                .bool(value.potential), .bool(value.vip), .double(value.valueScore), .double(card.risk.riskScore),
                .int(value.annualisedPremium.minorUnits), .int(value.clv.minorUnits),
                PostgresValue.textArray(card.metrics.productLines.map(\.rawValue)), .int(card.factsPosition),
                .timestamp(microsSince1970: value.scoredAt.unixMicros), SQLValues.date(card.loyalty.vipSince),
                .int(Int64(card.loyalty.continuousTenureMonths)), .text(value.ruleSetId),
                .int(Int64(value.ruleSetVersion)), stored.explanation.map(PostgresValue.bytes) ?? .null]
    }
}

/// A card as `score_card` holds it: the ScoreCard message without its explanation, and the explanation encoded
/// (nil for a card scored without a rule set, which has none).
struct StoredCard: Sendable {
    var card: ScoreCard
    var explanation: [UInt8]?

    init(card: ScoreCard, explanation: [UInt8]?) {
        self.card = card
        self.explanation = explanation
    }

    /// Splits `card` into the two.
    init(_ card: ScoreCard) {
        var bare = card
        bare.explanation = nil
        self.card = bare
        explanation = card.explanation.map(ExplanationBytes.encode)
    }

    /// Whether `other` is this card computed again: equal in everything, explanation included, but when it was
    /// scored.
    func isSame(as other: StoredCard) -> Bool {
        explanation == other.explanation && card.isSame(as: other.card)
    }
}
