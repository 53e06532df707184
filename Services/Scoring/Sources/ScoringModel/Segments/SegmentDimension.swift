/// A dimension the book is cut by to compare a customer's premium with their peers' (scoring.proto
/// `SegmentDimension`).
public enum SegmentDimension: String, Sendable, Hashable, Codable, CaseIterable {
    case unspecified = "SEGMENT_DIMENSION_UNSPECIFIED"
    /// The line of the customer's largest in-force annualised premium.
    case productLine = "SEGMENT_DIMENSION_PRODUCT_LINE"
    case province = "SEGMENT_DIMENSION_PROVINCE"
    /// Ten-year age bands ("30-39") from the birth year.
    case ageBand = "SEGMENT_DIMENSION_AGE_BAND"
    /// Individual or organisation.
    case partyKind = "SEGMENT_DIMENSION_PARTY_KIND"
}
