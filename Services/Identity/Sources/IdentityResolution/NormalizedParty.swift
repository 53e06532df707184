public import IdentityAPI
public import IdentityMatching

/// A party record after normalisation: the values shown and stored, the checks of each field, and what the matcher
/// compares.
public struct NormalizedParty: Sendable, Hashable {
    /// Normalised values; an invalid value is left out here (it stays in the source record, as given).
    public var details: PartyDetails
    /// Fields that were invalid, repaired, or suspicious, with what was found.
    public var checks: [FieldCheck]
    /// Normalised values by match field (`PartyMatching.Field`); invalid values are never here.
    public var matchFields: [String: [String]]
    /// Valid identifiers that carry a check character, by document type code (`resident_id`,
    /// `unified_social_credit_code`): two clusters holding different values of one type never link automatically.
    public var identifiers: [String: String]

    public init(details: PartyDetails, checks: [FieldCheck], matchFields: [String: [String]],
                identifiers: [String: String]) {
        self.details = details
        self.checks = checks
        self.matchFields = matchFields
        self.identifiers = identifiers
    }

    /// The record as the matcher sees it, under the caller's id.
    public func matchRecord(id: Int) -> MatchRecord {
        MatchRecord(id: id, fields: matchFields, identifiers: identifiers)
    }
}
