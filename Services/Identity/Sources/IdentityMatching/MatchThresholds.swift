/// The three outcomes of a scored pair.
public enum MatchOutcome: String, Sendable, Codable {
    /// Linked automatically (unless a guard rail refuses it).
    case link
    /// Sent to clerical review.
    case review
    /// Not linked.
    case noLink = "no_link"
}

/// Match-weight thresholds: a pair at or above `linkWeight` links, one at or above `reviewWeight` goes to clerical
/// review, anything lower does not link.
public struct MatchThresholds: Sendable, Codable, Hashable {
    /// The least total weight that links.
    public var linkWeight: Double
    /// The least total weight that goes to review.
    public var reviewWeight: Double

    /// Creates thresholds on the match weight.
    public init(linkWeight: Double, reviewWeight: Double) {
        self.linkWeight = linkWeight
        self.reviewWeight = min(reviewWeight, linkWeight)
    }

    /// Thresholds at posterior match probabilities under a fitted model (defaults: link at 0.99, review from 0.5).
    public init(model: FellegiSunterModel, linkPosterior: Double = 0.99, reviewPosterior: Double = 0.5) {
        self.init(linkWeight: model.weight(forPosterior: linkPosterior),
                  reviewWeight: model.weight(forPosterior: reviewPosterior))
    }

    /// The outcome of a pair with this total weight.
    public func outcome(weight: Double) -> MatchOutcome {
        weight >= linkWeight ? .link : weight >= reviewWeight ? .review : .noLink
    }
}
