import Models
import NIOCore
import ScoringAPI
@testable import ScoringService
import Testing
import WireCodec

/// Cards are written to protobuf by hand for speed (`ScoreCardBytes`); the bytes must be the codec's (protobuf-c's)
/// for cards of every shape, or a stored card would not read back as it was computed.
struct ScoreCardBytesTests {
    private static func codecBytes(_ card: ScoreCard) throws -> [UInt8] {
        Array(try WireCodec.encode(card).readableBytesView)
    }

    private static func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: "CNY") }

    /// Every field set, optional dates and amounts present, oneofs and doubles at awkward values.
    static let full = ScoreCard(
        value: CustomerValue(customerCode: "C0000001", valueScore: 87.25, tier: .diamond, potential: true,
                             layer: .top, riskGrade: .e, loyaltyScore: 0.5, vip: true,
                             annualisedPremium: cny(1_565_000), clv: cny(-12), ruleSetId: "life-template",
                             ruleSetVersion: 3, scoredAt: Timestamp(unixMicros: 1_751_000_000_123_456)),
        metrics: CustomerMetrics(
            annualisedPremium: cny(1_565_000), premiumContribution: 1.8781, segment: "product_line=寿险",
            segmentAveragePremium: cny(833_333), renewalRate: 0, claimsRatio: 2.5, tenureMonths: 124,
            continuousTenureMonths: -1, firstPolicyDate: CalendarDate(year: 2015, month: 3, day: 1), policyCount: 2,
            productLineCount: 2, productLines: [.life, .auto, .property], serviceUses: 3, serviceUsageDepth: 2,
            referralCount: 1, interactionCount: 300, engagementChannels: 2, channelsUsed: [.branch, .app, .wechat],
            lastInteractionDate: CalendarDate(year: 2025, month: 6, day: 30)),
        rfm: InsuranceRfm(renewalIntervalDays: 130, renewalBand: 5, policiesHeld: 2, policiesBand: 5,
                          serviceUsageDepth: 2, serviceBand: 5, code: "555"),
        clv: ClvEstimate(clv: cny(9_999_999_999), expectedPremium: cny(0), survivalToHorizon: 0.913,
                         assumptions: ClvAssumptions(
                            mortalityTable: "CL2013", discountRate: 0.03,
                            lapseRates: [LapseRate(productLine: .life, annualRate: 0.05),
                                         LapseRate(productLine: .unspecified, annualRate: 0)],
                            horizonYears: 20,
                            marginRates: [MarginRate(productLine: .health, rate: 0.12)], defaultMarginRate: 0.1)),
        risk: RiskAssessment(grade: .d, riskScore: 65.67, claimCount: 3, claimFrequency: 0.92, claimSeverity: cny(500_000),
                             claimsPaid: cny(1_000_000), fraudFlags: 1, occupationClass: 3,
                             declaredHabits: ["smoking", "", "extreme_sports"]),
        loyalty: LoyaltyAssessment(loyaltyScore: 72.5, continuousTenureMonths: 124, vip: true,
                                   vipSince: CalendarDate(year: 2020, month: 3, day: 1), serviceUsageDepth: 2,
                                   referralCount: 1, engagementChannels: 2),
        explanation: ScoreExplanation(
            components: [ScoreComponent(scorecard: "value", metric: .clv, rawValue: Threshold(amount: cny(5)),
                                        normalised: 0.5, weight: 0.3, contribution: 15)],
            rulesFired: [RuleFired(ruleId: "tier-diamond", description: "top", effect: "DIAMOND")], summary: "why"),
        factsPosition: 9_000_000_000, previousTier: .gold, tierSince: Timestamp(unixMicros: -5))

    @Test func aFullCardIsWrittenAsTheCodecWritesIt() throws {
        #expect(ScoreCardBytes.encode(Self.full) == (try Self.codecBytes(Self.full)))
    }

    @Test func anEmptyCardIsWrittenAsTheCodecWritesIt() throws {
        #expect(ScoreCardBytes.encode(ScoreCard()) == (try Self.codecBytes(ScoreCard())))
    }

    @Test func absentOptionalsAndZeroesAreWrittenAsTheCodecWritesThem() throws {
        var card = Self.full
        card.explanation = nil
        card.metrics.renewalRate = nil
        card.metrics.claimsRatio = 0
        card.metrics.firstPolicyDate = nil
        card.metrics.lastInteractionDate = CalendarDate(year: 0, month: 0, day: 0)
        card.metrics.productLines = []
        card.metrics.channelsUsed = [.unspecified]
        card.risk.claimSeverity = nil
        card.risk.declaredHabits = []
        card.loyalty.vipSince = nil
        card.value.valueScore = -0.0
        card.value.ruleSetVersion = Int32.min
        card.rfm.renewalIntervalDays = Int32.max
        card.clv.assumptions = ClvAssumptions()
        #expect(ScoreCardBytes.encode(card) == (try Self.codecBytes(card)), "\(card)")
    }

    @Test func everyTierLayerAndGradeIsWrittenAsTheCodecWritesIt() throws {
        for (tier, (layer, grade)) in zip(CustomerTier.allCases, zip(PyramidLayer.allCases + [.top], RiskGrade.allCases)) {
            var card = Self.full
            card.value.tier = tier
            card.previousTier = tier
            card.value.layer = layer
            card.value.riskGrade = grade
            card.risk.grade = grade
            #expect(ScoreCardBytes.encode(card) == (try Self.codecBytes(card)), "\(tier) \(layer) \(grade)")
        }
        var lines = Self.full
        lines.metrics.productLines = ProductLine.allCases
        lines.metrics.channelsUsed = ContactChannel.allCases
        #expect(ScoreCardBytes.encode(lines) == (try Self.codecBytes(lines)))
    }

    /// Nested messages of 128 bytes and more take a longer length than the one byte kept for it.
    @Test func longNestedMessagesAreWrittenAsTheCodecWritesThem() throws {
        var card = Self.full
        card.metrics.segment = String(repeating: "province=广东/", count: 20)
        card.risk.declaredHabits = (0..<300).map { "habit-\($0)" }
        card.explanation?.components = (0..<400).map {
            ScoreComponent(scorecard: "value", metric: .clv, rawValue: Threshold(number: Double($0)), normalised: 0.5,
                           weight: 0.25, contribution: Double($0) / 8)
        }
        let bytes = ScoreCardBytes.encode(card)
        #expect(bytes.count > 16_384, "the explanation's length takes three bytes")
        #expect(bytes == (try Self.codecBytes(card)))
    }

    @Test func aWrittenCardReadsBackWhole() throws {
        let back = try WireCodec.decode(ScoreCard.self, from: .init(bytes: ScoreCardBytes.encode(Self.full)))
        #expect(back == Self.full)
    }
}
