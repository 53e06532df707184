import Models
import NIOCore
import ScoringAPI
import ScoringModel
@testable import ScoringService
import Testing
import WireCodec

/// Stored cards are compared with cards computed again as bytes, and their tier standing is read from two fields
/// of the bytes (`StoredCardBytes`): the standing must be the one the codec decodes, and "the same card" must mean
/// equal in everything, explanation included, but the time it was scored.
struct StoredCardBytesTests {
    /// The card as `score_card` stores it: the message without its explanation, the explanation beside it.
    private static func stored(_ card: ScoreCard) throws -> StoredCardBytes {
        let split = StoredCard(card)
        return try StoredCardBytes(bytes: Array(try WireCodec.encode(split.card).readableBytesView),
                                   explanation: split.explanation, factsPosition: card.factsPosition,
                                   scoredAt: card.value.scoredAt, tier: card.value.tier)
    }

    @Test(arguments: CustomerTier.allCases, [Int64(0), 1_751_000_000_123_456, -5])
    func theStandingIsTheOneTheCodecDecodes(previous: CustomerTier, sinceMicros: Int64) throws {
        var card = ScoreCardBytesTests.full
        card.previousTier = previous
        card.tierSince = Timestamp(unixMicros: sinceMicros)
        let stored = try Self.stored(card)
        let decoded = try stored.card()
        #expect(stored.standing == TierStanding(decoded))
        #expect(stored.standing == TierStanding(tier: .diamond, since: Timestamp(unixMicros: sinceMicros),
                                                previousTier: previous))
        // Read from the bytes themselves, not decoded.
        #expect(StoredCardBytes.standing(of: stored.bytes, tier: .diamond) == stored.standing)
    }

    @Test func aCardComputedAgainAtAnotherTimeIsTheSame() throws {
        let stored = try Self.stored(ScoreCardBytesTests.full)
        var again = ScoreCardBytesTests.full
        again.value.scoredAt = Timestamp(unixMicros: 1_900_000_000_000_000)
        #expect(stored.isSame(as: StoredCard(again)))
    }

    @Test func anyOtherDifferenceMakesItChanged() throws {
        let stored = try Self.stored(ScoreCardBytesTests.full)
        var score = ScoreCardBytesTests.full
        score.value.valueScore += 0.01
        var metric = ScoreCardBytesTests.full
        metric.metrics.referralCount += 1
        var standing = ScoreCardBytesTests.full
        standing.tierSince = Timestamp(unixMicros: 7)
        var explanation = ScoreCardBytesTests.full
        explanation.explanation?.summary = "why not"
        var bare = ScoreCardBytesTests.full
        bare.explanation = nil
        for changed in [score, metric, standing, explanation, bare] {
            #expect(!stored.isSame(as: StoredCard(changed)))
        }
    }

    @Test func aCardStoredWithItsExplanationInsideReadsAsChanged() throws {
        let card = ScoreCardBytesTests.full
        let old = try StoredCardBytes(bytes: Array(try WireCodec.encode(card).readableBytesView), explanation: nil,
                                      factsPosition: card.factsPosition, scoredAt: card.value.scoredAt,
                                      tier: card.value.tier)
        #expect(old.standing == TierStanding(card))
        #expect(!old.isSame(as: StoredCard(card)))
    }

    @Test func malformedBytesHaveNoStandingAndFailToDecode() throws {
        let good = Array(try WireCodec.encode(ScoreCardBytesTests.full).readableBytesView)
        let truncated = Array(good.dropLast(3))
        #expect(StoredCardBytes.standing(of: truncated, tier: .gold) == nil)
        #expect(StoredCardBytes.standing(of: [0x80], tier: .gold) == nil)  // a varint that never ends
        #expect(StoredCardBytes.standing(of: [0x0b, 0x00], tier: .gold) == nil)  // a group (wire type 3)
        #expect(StoredCardBytes.standing(of: [0x48, 0x7f], tier: .gold) == nil)  // previous tier 127: unknown
        #expect(StoredCardBytes.standing(of: [], tier: .gold)
                == TierStanding(tier: .gold, since: Timestamp(unixMicros: 0)))
        #expect(throws: (any Error).self) {
            try StoredCardBytes(bytes: truncated, explanation: nil, factsPosition: 0,
                                scoredAt: Timestamp(unixMicros: 0), tier: .gold)
        }
    }
}
