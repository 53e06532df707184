/// The check of one normalised field.
public struct FieldCheck: Codable, Sendable, Hashable {
    /// PartyDetails field name, with an index for repeated ones: "national_id", "phones[1]".
    public var field: String
    public var validity: FieldValidity
    /// What was found or done: "check digit mismatch", "15-digit ID upgraded to 18".
    public var note: String

    public init(field: String = "", validity: FieldValidity = .unspecified, note: String = "") {
        self.field = field
        self.validity = validity
        self.note = note
    }
}

/// One field's comparison in a pair (Fellegi–Sunter).
public struct FieldComparison: Codable, Sendable, Hashable {
    /// Compared attribute: "full_name", "national_id", "birth_date", "phones", "address"...
    public var field: String
    /// Comparison level reached, as the matcher configuration names it: "exact", "jaro_winkler>=0.92"...
    public var level: String
    /// Weight this comparison adds to the total: log2(m/u) for the level, negative on disagreement, 0 when missing.
    public var weight: Double
    /// P(level | same customer) and P(level | different customers), each 0–1.
    public var mProbability: Double
    public var uProbability: Double
    /// The weight was adjusted for how common the value is (a common name counts for less).
    public var termFrequencyAdjusted: Bool
    /// The two values compared, normalised, masked unless the caller may see personal data.
    public var queryValue: String
    public var candidateValue: String

    public init(field: String = "", level: String = "", weight: Double = 0, mProbability: Double = 0,
                uProbability: Double = 0, termFrequencyAdjusted: Bool = false, queryValue: String = "",
                candidateValue: String = "") {
        self.field = field
        self.level = level
        self.weight = weight
        self.mProbability = mProbability
        self.uProbability = uProbability
        self.termFrequencyAdjusted = termFrequencyAdjusted
        self.queryValue = queryValue
        self.candidateValue = candidateValue
    }
}

/// A customer the query record could belong to.
public struct MatchCandidate: Codable, Sendable, Hashable {
    public var customerCode: String
    /// The customer's record that compared best with the query.
    public var bestRecord: SourceRef
    /// Sum of the comparison weights.
    public var totalWeight: Double
    /// Posterior probability that it is the same customer, 0–1.
    public var matchProbability: Double
    public var outcome: MatchOutcome
    public var comparisons: [FieldComparison]
    /// Guard rails that stopped an automatic link, e.g. "different valid resident ID numbers".
    public var guardRails: [String]

    public init(customerCode: String = "", bestRecord: SourceRef = .init(), totalWeight: Double = 0,
                matchProbability: Double = 0, outcome: MatchOutcome = .unspecified, comparisons: [FieldComparison] = [],
                guardRails: [String] = []) {
        self.customerCode = customerCode
        self.bestRecord = bestRecord
        self.totalWeight = totalWeight
        self.matchProbability = matchProbability
        self.outcome = outcome
        self.comparisons = comparisons
        self.guardRails = guardRails
    }
}

/// The thresholds a verdict was reached with.
public struct MatchThresholds: Codable, Sendable, Hashable {
    /// Total weight at or above which a pair links.
    public var linkWeight: Double
    /// Total weight at or above which (and below `linkWeight`) a pair goes to review.
    public var reviewWeight: Double
    /// Version of the estimated m/u parameters used.
    public var parametersVersion: String

    public init(linkWeight: Double = 0, reviewWeight: Double = 0, parametersVersion: String = "") {
        self.linkWeight = linkWeight
        self.reviewWeight = reviewWeight
        self.parametersVersion = parametersVersion
    }
}
