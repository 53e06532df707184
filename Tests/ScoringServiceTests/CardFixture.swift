import CLMTesting
import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// A score card written straight into `scoring.score_card`, for the tests that need a book of tiers, layers, flags
/// and VIP entries that this release's scoring would not compute by itself. The row carries a valid encoded
/// ScoreCard and the columns listings read, as `ScoreCardStore` writes them; no fact backs it, and nothing queues
/// its code for rescoring, so the rescorer leaves it alone.
struct CardFixture: Sendable {
    var code: String
    var tier: CustomerTier = .unspecified
    var layer: PyramidLayer = .unspecified
    var potential = false
    var valueScore: Double = 0
    var premiumMinor: Int64 = 0
    var lines: [ProductLine] = []
    /// Non-nil puts the customer on the VIP list.
    var vipSince: CalendarDate?
    var tenureMonths: Int32 = 0
    /// The feed position of the facts the card claims to be computed from.
    var factsPosition: Int64 = 0

    /// A well-formed customer code that sorts by `n` (0–31): `C000000000` + `n` in Crockford's base 32 + its check
    /// character.
    static func code(_ n: Int) -> String {
        ScoringValidationTests.wellFormedCode([0, 0, 0, 0, 0, 0, 0, 0, 7, n])
    }

    var card: ScoreCard {
        let premium = ScoringBook.cny(premiumMinor)
        let value = CustomerValue(
            customerCode: code, valueScore: valueScore, tier: tier, potential: potential, layer: layer,
            riskGrade: .b, loyaltyScore: 50, vip: vipSince != nil, annualisedPremium: premium,
            clv: ScoringBook.cny(premiumMinor * 3), ruleSetId: "book-2025", ruleSetVersion: 3,
            scoredAt: Timestamp(unixMicros: 1_751_241_600_000_000))
        return ScoreCard(
            value: value,
            metrics: CustomerMetrics(annualisedPremium: premium, continuousTenureMonths: tenureMonths,
                                     policyCount: Int32(lines.count), productLineCount: Int32(lines.count),
                                     productLines: lines),
            loyalty: LoyaltyAssessment(loyaltyScore: 50, continuousTenureMonths: tenureMonths, vip: vipSince != nil,
                                       vipSince: vipSince),
            factsPosition: factsPosition)
    }

    /// Inserts `cards` with the superuser pool.
    static func insert(_ cards: [CardFixture], into database: TestDatabase) async throws {
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.transaction { connection in
                for fixture in cards {
                    let bytes = try WireCodec.encode(fixture.card)
                    let day: PostgresValue = fixture.vipSince.map {
                        .date(year: Int($0.year), month: Int($0.month), day: Int($0.day))
                    } ?? .null
                    try connection.execute(
                        """
                        INSERT INTO scoring.score_card (customer_code, card, tier, layer, risk_grade, potential, vip,
                            value_score, risk_score, annualised_minor, clv_minor, product_lines, facts_position,
                            scored_at, vip_since, continuous_tenure_months, rule_set_id, rule_set_version)
                        VALUES ($1, $2, $3, $4, 'RISK_GRADE_B', $5, $6, $7, 10, $8, $9, $10::text[], $14, $11,
                                $12, $13, 'book-2025', 3)
                        """,
                        [.text(fixture.code), .bytes(Array(bytes.readableBytesView)), .text(fixture.tier.rawValue),
                         .text(fixture.layer.rawValue), .bool(fixture.potential), .bool(fixture.vipSince != nil),
                         .double(fixture.valueScore), .int(fixture.premiumMinor), .int(fixture.premiumMinor * 3),
                         .text("{" + fixture.lines.map(\.rawValue).joined(separator: ",") + "}"),
                         .timestamp(microsSince1970: fixture.card.value.scoredAt.unixMicros), day,
                         .int(Int64(fixture.tenureMonths)), .int(fixture.factsPosition)])
                }
            }
        }
    }

    /// Declared profiles for `codes` (customers with facts), with no card.
    static func profiles(_ codes: [String], into database: TestDatabase) async throws {
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.transaction { connection in
                for code in codes {
                    try connection.execute(
                        """
                        INSERT INTO scoring.customer_profile (customer_code, party_kind, birth_year, sex,
                            occupation_class, declared_habits, province, city, employer_code, position)
                        VALUES ($1, 'PARTY_KIND_INDIVIDUAL', 1980, 'SEX_FEMALE', 2, '{}', '', '', '', 0)
                        """, [.text(code)])
                }
            }
        }
    }
}
