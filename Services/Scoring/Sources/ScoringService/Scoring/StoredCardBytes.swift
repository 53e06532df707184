import Models
import NIOCore
import ScoringAPI
import ScoringModel
import WireCodec

/// A stored card read back to be compared with the card computed again, left as its bytes: decoding every card
/// was a third of the scoring process's time in a full rescore of an unchanged book. What scoring needs before it
/// knows whether the card changed comes from the row's columns and two fields of the bytes; the card is decoded
/// only for the events of a card that changed or went.
struct StoredCardBytes: Sendable {
    /// The `card` column: the ScoreCard message without its explanation (with it, for a card stored before
    /// explanations had a column of their own).
    var bytes: [UInt8]
    var explanation: [UInt8]?
    var factsPosition: Int64
    var scoredAt: Timestamp
    /// The tier (from its column), since when it has been held and the tier before (from the bytes).
    var standing: TierStanding

    /// - Parameter tier: the `tier` column's.
    /// - Throws: `WireError` when the bytes are not a card (read by the codec when they cannot be read as a standing).
    init(bytes: [UInt8], explanation: [UInt8]?, factsPosition: Int64, scoredAt: Timestamp, tier: CustomerTier) throws {
        self.bytes = bytes
        self.explanation = explanation
        self.factsPosition = factsPosition
        self.scoredAt = scoredAt
        standing = TierStanding(tier: tier, since: Timestamp(unixMicros: 0))
        standing = try Self.standing(of: bytes, tier: tier) ?? TierStanding(card())
    }

    /// The card, decoded (without its explanation).
    func card() throws -> ScoreCard {
        var card = try WireCodec.decode(ScoreCard.self, from: ByteBuffer(bytes: bytes))
        card.explanation = nil
        return card
    }

    /// Whether `computed` is this card computed again: equal in everything, explanation included, but when it was
    /// scored. Compared as bytes (`ScoreCardBytes` encodes as the codec does, deterministically); a card stored with
    /// its explanation inside reads as changed, and is written again in the present form.
    func isSame(as computed: StoredCard) -> Bool {
        guard computed.explanation == explanation else { return false }
        var card = computed.card
        card.value.scoredAt = scoredAt
        return ScoreCardBytes.encode(card) == bytes
    }

    /// ScoreCard's `previous_tier` (9) and `tier_since` (10, a Timestamp whose `unix_micros` is 1), the last
    /// occurrence winning as in any protobuf decoder, beside `tier`; nil for malformed bytes or a tier number this
    /// release does not know.
    static func standing(of bytes: [UInt8], tier: CustomerTier) -> TierStanding? {
        var standing = TierStanding(tier: tier, since: Timestamp(unixMicros: 0), previousTier: .unspecified)
        var known = true
        let wellFormed = ProtobufFields.scan(bytes) { number, value in
            switch (number, value) {
            case (9, .varint(let number)):
                if let previous = ProtoEnumNumbers.tiers.value(of: number) {
                    standing.previousTier = previous
                } else {
                    known = false
                }
            case (10, .bytes(let range)):
                var micros: Int64 = 0
                known = ProtobufFields.scan(bytes, in: range) { field, value in
                    if field == 1, case .varint(let raw) = value { micros = Int64(bitPattern: raw) }
                } && known
                standing.since = Timestamp(unixMicros: micros)
            default:
                break
            }
        }
        return wellFormed && known ? standing : nil
    }
}
