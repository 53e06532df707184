import CLMTesting
import Models
import NIOCore
import RPC
import ScoringAPI
import Store
import Testing
import WireCodec

/// GetTierDistribution over the real clm-scoring and PostgreSQL, on a book of cards written by hand
/// (`CardFixture`), with every count, sum, share and average worked out below.
///
/// The book (premium in fen; 8 cards, 13,000,000 in all):
///
/// | card | tier     | layer  | potential | score | premium   | lines in force |
/// |------|----------|--------|-----------|-------|-----------|----------------|
/// | 1    | DIAMOND  | TOP    |           | 92    | 5,000,000 | life, health   |
/// | 2    | DIAMOND  | TOP    |           | 88    | 3,000,000 | life           |
/// | 3    | GOLD     | TOP    | yes       | 75    | 2,000,000 | health         |
/// | 4    | GOLD     | MIDDLE |           | 70    | 1,000,000 | auto           |
/// | 5    | STANDARD | MIDDLE | yes       | 50    |   600,000 | life           |
/// | 6    | STANDARD | BASE   |           | 45    |   400,000 | auto           |
/// | 7    | BASIC    | BASE   |           | 20    |         0 |                |
/// | 8    | none     | none   |           | 0     | 1,000,000 | property       |
///
/// plus the profiles of card 1 and of two customers with no card (unscored: 2).
@Suite(.serialized) struct TierDistributionTests {
    static let book: [CardFixture] = [
        CardFixture(code: CardFixture.code(1), tier: .diamond, layer: .top, valueScore: 92, premiumMinor: 5_000_000,
                    lines: [.life, .health]),
        CardFixture(code: CardFixture.code(2), tier: .diamond, layer: .top, valueScore: 88, premiumMinor: 3_000_000,
                    lines: [.life]),
        CardFixture(code: CardFixture.code(3), tier: .gold, layer: .top, potential: true, valueScore: 75,
                    premiumMinor: 2_000_000, lines: [.health]),
        CardFixture(code: CardFixture.code(4), tier: .gold, layer: .middle, valueScore: 70, premiumMinor: 1_000_000,
                    lines: [.auto]),
        CardFixture(code: CardFixture.code(5), tier: .standard, layer: .middle, potential: true, valueScore: 50,
                    premiumMinor: 600_000, lines: [.life]),
        CardFixture(code: CardFixture.code(6), tier: .standard, layer: .base, valueScore: 45, premiumMinor: 400_000,
                    lines: [.auto]),
        CardFixture(code: CardFixture.code(7), tier: .basic, layer: .base, valueScore: 20),
        CardFixture(code: CardFixture.code(8), premiumMinor: 1_000_000, lines: [.property]),
    ]

    static func tier(_ tier: CustomerTier, _ customers: Int64, potential: Int64, premium: Int64,
                     customerShare: Double, premiumShare: Double, average: Double) -> TierCount {
        TierCount(tier: tier, customers: customers, potentialCustomers: potential,
                  annualisedPremium: ScoringBook.cny(premium), customerShare: customerShare,
                  premiumShare: premiumShare, averageValueScore: average)
    }

    static func layer(_ layer: PyramidLayer, _ customers: Int64, premium: Int64, customerShare: Double,
                      premiumShare: Double) -> LayerCount {
        LayerCount(layer: layer, customers: customers, annualisedPremium: ScoringBook.cny(premium),
                   customerShare: customerShare, premiumShare: premiumShare)
    }

    /// Counts and money exactly; shares and averages within a millionth.
    static func expectSame(_ actual: [TierCount], _ expected: [TierCount]) {
        #expect(actual.map(\.tier) == expected.map(\.tier))
        for (a, e) in zip(actual, expected) {
            #expect(a.customers == e.customers && a.potentialCustomers == e.potentialCustomers, "\(a.tier)")
            #expect(a.annualisedPremium == e.annualisedPremium, "\(a.tier)")
            #expect(ScoringSupport.close(a.customerShare, e.customerShare), "\(a.tier): \(a.customerShare)")
            #expect(ScoringSupport.close(a.premiumShare, e.premiumShare), "\(a.tier): \(a.premiumShare)")
            #expect(ScoringSupport.close(a.averageValueScore, e.averageValueScore), "\(a.tier): \(a.averageValueScore)")
        }
    }

    static func expectSame(_ actual: [LayerCount], _ expected: [LayerCount]) {
        #expect(actual.map(\.layer) == expected.map(\.layer))
        for (a, e) in zip(actual, expected) {
            #expect(a.customers == e.customers && a.annualisedPremium == e.annualisedPremium, "\(a.layer)")
            #expect(ScoringSupport.close(a.customerShare, e.customerShare), "\(a.layer): \(a.customerShare)")
            #expect(ScoringSupport.close(a.premiumShare, e.premiumShare), "\(a.layer): \(a.premiumShare)")
        }
    }

    @Test func aHandBuiltBookIsCountedPerTierAndLayerWholeAndByLine() async throws {
        let (suite, database) = try await ScoringSupport.start(prefix: "scoring_tiers")
        defer { Task { await suite.stopAll() } }
        let scoring = suite.client(.scoring)
        func distribution(_ line: ProductLine = .unspecified) async throws -> GetTierDistributionResponse {
            try await scoring.call(ScoringAPI.getTierDistribution, GetTierDistributionRequest(productLine: line))
        }

        // Nothing scored yet: every named tier and layer, at zero, and no rule set.
        let empty = try await distribution()
        Self.expectSame(empty.tiers, [.diamond, .gold, .standard, .basic].map {
            Self.tier($0, 0, potential: 0, premium: 0, customerShare: 0, premiumShare: 0, average: 0)
        })
        Self.expectSame(empty.pyramid, [.top, .middle, .base].map {
            Self.layer($0, 0, premium: 0, customerShare: 0, premiumShare: 0)
        })
        #expect(empty.scoredCustomers == 0 && empty.unscoredCustomers == 0)
        #expect(empty.ruleSet == RuleSetRef())

        try await CardFixture.insert(Self.book, into: database)
        try await CardFixture.profiles([CardFixture.code(1), CardFixture.code(20), CardFixture.code(21)],
                                       into: database)
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                for (version, status) in [(2, RuleSetStatus.retired), (3, .active)] {
                    let body = try WireCodec.encode(RuleSet(ruleSetId: "book-2025", version: Int32(version),
                                                            status: status))
                    try connection.execute(
                        "INSERT INTO scoring.rule_set (rule_set_id, version, status, body) VALUES ($1, $2, $3, $4)",
                        [.text("book-2025"), .int(Int64(version)), .text(status.rawValue),
                         .bytes(Array(body.readableBytesView))])
                }
            }
        }

        let before = Timestamp.now
        let whole = try await distribution()
        #expect(whole.computedAt >= before && whole.computedAt <= Timestamp.now)
        #expect(whole.scoredCustomers == 8)
        #expect(whole.unscoredCustomers == 2, "the profiles of cards 20 and 21; card 1's profile has a card")
        #expect(whole.ruleSet == RuleSetRef(ruleSetId: "book-2025", version: 3))
        Self.expectSame(whole.tiers, [
            Self.tier(.diamond, 2, potential: 0, premium: 8_000_000, customerShare: 2.0 / 8, premiumShare: 8.0 / 13,
                      average: (92.0 + 88) / 2),
            Self.tier(.gold, 2, potential: 1, premium: 3_000_000, customerShare: 2.0 / 8, premiumShare: 3.0 / 13,
                      average: (75.0 + 70) / 2),
            Self.tier(.standard, 2, potential: 1, premium: 1_000_000, customerShare: 2.0 / 8,
                      premiumShare: 1.0 / 13, average: (50.0 + 45) / 2),
            Self.tier(.basic, 1, potential: 0, premium: 0, customerShare: 1.0 / 8, premiumShare: 0, average: 20),
            Self.tier(.unspecified, 1, potential: 0, premium: 1_000_000, customerShare: 1.0 / 8,
                      premiumShare: 1.0 / 13, average: 0),
        ])
        Self.expectSame(whole.pyramid, [
            Self.layer(.top, 3, premium: 10_000_000, customerShare: 3.0 / 8, premiumShare: 10.0 / 13),
            Self.layer(.middle, 2, premium: 1_600_000, customerShare: 2.0 / 8, premiumShare: 1.6 / 13),
            Self.layer(.base, 2, premium: 400_000, customerShare: 2.0 / 8, premiumShare: 0.4 / 13),
            Self.layer(.unspecified, 1, premium: 1_000_000, customerShare: 1.0 / 8, premiumShare: 1.0 / 13),
        ])

        // Holders of life policies: cards 1, 2 and 5 (8,600,000 in all); no card without a tier among them.
        let life = try await distribution(.life)
        #expect(life.scoredCustomers == 3 && life.unscoredCustomers == 2)
        Self.expectSame(life.tiers, [
            Self.tier(.diamond, 2, potential: 0, premium: 8_000_000, customerShare: 2.0 / 3, premiumShare: 80.0 / 86,
                      average: 90),
            Self.tier(.gold, 0, potential: 0, premium: 0, customerShare: 0, premiumShare: 0, average: 0),
            Self.tier(.standard, 1, potential: 1, premium: 600_000, customerShare: 1.0 / 3, premiumShare: 6.0 / 86,
                      average: 50),
            Self.tier(.basic, 0, potential: 0, premium: 0, customerShare: 0, premiumShare: 0, average: 0),
        ])
        Self.expectSame(life.pyramid, [
            Self.layer(.top, 2, premium: 8_000_000, customerShare: 2.0 / 3, premiumShare: 80.0 / 86),
            Self.layer(.middle, 1, premium: 600_000, customerShare: 1.0 / 3, premiumShare: 6.0 / 86),
            Self.layer(.base, 0, premium: 0, customerShare: 0, premiumShare: 0),
        ])

        // A line nobody holds: zeros, not a division by zero.
        let travel = try await distribution(.travel)
        #expect(travel.scoredCustomers == 0 && travel.tiers.count == 4 && travel.pyramid.count == 3)
        #expect(travel.tiers.allSatisfy { $0.customers == 0 && $0.customerShare == 0 && $0.premiumShare == 0 })

        // A product line the proto does not have (field 1 = 99) is refused before the handler runs.
        let unknownLine = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.getTierDistribution.path, payload: ByteBuffer(bytes: [0x08, 99]),
                                       idempotent: true, timeout: .seconds(10), traceID: nil)
        }
        #expect(unknownLine?.status == .invalidArgument, "\(String(describing: unknownLine))")
    }
}
