import Models
import ScoringAPI

extension CustomerValue {
    /// Whether `other` is this value computed again: equal in everything but when it was scored.
    func isSame(as other: CustomerValue) -> Bool {
        var other = other
        other.scoredAt = scoredAt
        return self == other
    }
}

extension ScoreCard {
    /// Whether `other` is this card computed again: equal in everything but when it was scored.
    func isSame(as other: ScoreCard) -> Bool {
        var other = other
        other.value.scoredAt = value.scoredAt
        return self == other
    }
}
