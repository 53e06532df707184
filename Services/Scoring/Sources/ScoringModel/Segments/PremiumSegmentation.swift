public import Models
public import ScoringAPI

/// How customers are put into segments for premium contribution: the rule set's `premium_segment_by`
/// dimensions, in order. No dimension puts everyone in one segment, the whole book.
///
/// Product line is the line of the customer's largest in-force annualised premium (`mainProductLine`); age band
/// is ten years wide ("30-39"), from the birth year.
public struct PremiumSegmentation: Sendable, Hashable, Codable {
    public var dimensions: [SegmentDimension]

    public init(dimensions: [SegmentDimension] = []) {
        self.dimensions = dimensions
    }

    /// The customer's segment as shown on the score card, e.g. "product_line=LIFE,province=广东"; empty for the
    /// whole book. Unknown values read "unknown".
    /// - Parameters:
    ///   - facts: the customer's facts.
    ///   - asOf: the day scored as of (for the main product line and the age).
    public func segment(of facts: CustomerFacts, asOf: CalendarDate) -> String {
        dimensions.filter { $0 != .unspecified }.map { dimension in
            switch dimension {
            case .productLine:
                "product_line=" + (Self.mainProductLine(of: facts, asOf: asOf).map(\.shortName) ?? "unknown")
            case .province:
                "province=" + Self.known(facts.profile?.province)
            case .ageBand:
                "age_band=" + (facts.profile?.age(on: asOf).map { "\($0 / 10 * 10)-\($0 / 10 * 10 + 9)" } ?? "unknown")
            case .partyKind:
                "party_kind=" + Self.known(facts.profile?.kind == .unspecified ? nil : facts.profile?.kind.rawValue)
            case .unspecified:
                ""
            }
        }.joined(separator: ",")
    }

    /// The line with the largest annualised premium among held policies in force; on a tie, the first line in
    /// the proto's order. Absent without such a policy.
    public static func mainProductLine(of facts: CustomerFacts, asOf: CalendarDate) -> ProductLine? {
        var totals: [ProductLine: Int64] = [:]
        for policy in facts.policiesInForce(on: asOf) {
            totals[policy.productLine, default: 0] += policy.annualisedPremium.minorUnits
        }
        return ProductLine.allCases.filter { totals[$0] != nil }.max { totals[$0, default: 0] < totals[$1, default: 0] }
    }

    private static func known(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "unknown" }
        return value
    }
}
