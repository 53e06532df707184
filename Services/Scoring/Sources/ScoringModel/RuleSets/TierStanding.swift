public import Models
public import ScoringAPI

/// The tier a customer holds before a rescore, and since when: what hysteresis needs (a score card's tier,
/// `tierSince` and `previousTier`).
public struct TierStanding: Sendable, Hashable, Codable {
    public var tier: CustomerTier
    /// When the customer entered `tier`.
    public var since: Timestamp
    /// The tier before `tier`; unspecified if it never changed.
    public var previousTier: CustomerTier

    public init(tier: CustomerTier, since: Timestamp, previousTier: CustomerTier = .unspecified) {
        self.tier = tier
        self.since = since
        self.previousTier = previousTier
    }

    /// The standing a stored score card records.
    public init(_ card: ScoreCard) {
        self.init(tier: card.value.tier, since: card.tierSince, previousTier: card.previousTier)
    }

    /// Whole days from `since` to `now` (0 when `now` is earlier).
    public func daysHeld(at now: Timestamp) -> Int {
        Int(max(0, now.unixMicros - since.unixMicros) / 86_400_000_000)
    }
}
