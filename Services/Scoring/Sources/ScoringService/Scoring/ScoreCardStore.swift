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

    private static let columnNames = columns.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `column = excluded.column` for every column but the key.
    private static let updates = columnNames.filter { $0 != "customer_code" }.map { "\($0) = excluded.\($0)" }
        .joined(separator: ", ")

    /// Stores each of `cards` as its customer's current card. `known` holds the codes that had a stored card when
    /// this transaction loaded them (`loadBytes`): the others' cards are inserted, the known ones' upserted.
    ///
    /// Inserting is a binary COPY straight into `score_card`, inside a savepoint. A card stored for one of those codes
    /// meanwhile (the rescorer and a full rescore scoring the same new customer at once) fails it on the primary key,
    /// after waiting for the other transaction: the savepoint is rolled back and those cards go the upsert's way.
    /// Upserting copies into a session-local staging table, then `INSERT … ON CONFLICT`, so that two transactions
    /// scoring the same customer wait for each other instead of one failing; a stored card computed from newer facts
    /// (a higher `facts_position`, as when a full rescore's snapshot is older than the rescorer's last read) is kept.
    /// The upsert costs about half as much again as a plain insert of the same cards, on top of the staging copy.
    func saveAll(_ cards: [StoredCard], known: Set<String>) throws {
        var fresh: [StoredCard] = [], replacing: [StoredCard] = []
        for card in cards {
            if known.contains(card.card.value.customerCode) { replacing.append(card) } else { fresh.append(card) }
        }
        if !fresh.isEmpty {
            try connection.execute("SAVEPOINT score_card_insert")
            do {
                try copy(fresh, into: "score_card")
                try connection.execute("RELEASE SAVEPOINT score_card_insert")
            } catch let error as StoreError where error.code == .uniqueViolation {
                try connection.execute("ROLLBACK TO SAVEPOINT score_card_insert")
                replacing += fresh
            }
        }
        try upsert(replacing)
    }

    private func upsert(_ cards: [StoredCard]) throws {
        guard !cards.isEmpty else { return }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS score_card_incoming (LIKE score_card)")
        try connection.execute("TRUNCATE score_card_incoming")
        try copy(cards, into: "score_card_incoming")
        try connection.execute(
            "INSERT INTO score_card (\(Self.columns)) SELECT \(Self.columns) FROM score_card_incoming "
                + "ON CONFLICT (customer_code) DO UPDATE SET \(Self.updates) "
                + "WHERE score_card.facts_position <= excluded.facts_position")
    }

    private func copy(_ cards: [StoredCard], into table: String) throws {
        try connection.copyInBinary("COPY \(table) (\(Self.columns)) FROM STDIN (FORMAT binary)",
                                    columns: Self.columnNames.count, rows: cards, Self.write)
    }

    /// The current cards of those of `codes` that have one, decoded, each without its explanation but with the
    /// explanation's encoding.
    func load(_ codes: [String]) throws -> [String: StoredCard] {
        guard !codes.isEmpty else { return [:] }
        return try cards(where: "customer_code = ANY($1::text[])", [PostgresValue.textArray(codes)])
    }

    /// The current cards of those of `codes` that have one, as their bytes, to compare with cards computed again.
    func loadBytes(_ codes: [String]) throws -> [String: StoredCardBytes] {
        guard !codes.isEmpty else { return [:] }
        return try cardBytes(where: "customer_code = ANY($1::text[])", [PostgresValue.textArray(codes)])
    }

    /// The current cards of the codes after `after` through `through` (to the end of the book when nil), as
    /// `loadBytes(_:)` gives them.
    func loadBytes(after: String, through: String?) throws -> [String: StoredCardBytes] {
        let (condition, parameters) = CustomerCodes.range("customer_code", after: after, through: through)
        return try cardBytes(where: condition, parameters)
    }

    private func cardBytes(where condition: String, _ parameters: [PostgresValue]) throws
        -> [String: StoredCardBytes] {
        var cards: [String: StoredCardBytes] = [:]
        for row in try connection.query(
            "SELECT customer_code, card, explanation, facts_position, scored_at, tier FROM score_card "
                + "WHERE \(condition)", parameters) {
            cards[try row.decode(String.self, "customer_code")] = try StoredCardBytes(
                bytes: try row.decode([UInt8].self, "card"), explanation: try row.decode([UInt8]?.self, "explanation"),
                factsPosition: try row.decode(Int64.self, "facts_position"),
                scoredAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, "scored_at").microsSince1970),
                tier: CustomerTier(rawValue: try row.decode(String.self, "tier")) ?? .unspecified)
        }
        return cards
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

    /// A card's row, in the order of `columns`.
    private static func write(_ stored: StoredCard, _ row: inout PostgresBinaryRow) {
        let card = stored.card
        let value = card.value
        row.text(value.customerCode)
        row.bytes(ScoreCardBytes.encode(card))
        row.text(value.tier.rawValue)
        row.text(value.layer.rawValue)
        row.text(value.riskGrade.rawValue)
        row.bool(value.potential)
        row.bool(value.vip)
        row.float8(value.valueScore)
        row.float8(card.risk.riskScore)
        row.int8(value.annualisedPremium.minorUnits)
        row.int8(value.clv.minorUnits)
        row.textArray(card.metrics.productLines.map(\.rawValue))
        row.int8(card.factsPosition)
        row.timestamp(microsSince1970: value.scoredAt.unixMicros)
        if let since = card.loyalty.vipSince {
            row.date(PostgresDate(year: Int(since.year), month: Int(since.month), day: Int(since.day)))
        } else {
            row.null()
        }
        row.int4(card.loyalty.continuousTenureMonths)
        row.text(value.ruleSetId)
        row.int4(Int32(value.ruleSetVersion))
        if let explanation = stored.explanation { row.bytes(explanation) } else { row.null() }
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
}
