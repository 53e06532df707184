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
