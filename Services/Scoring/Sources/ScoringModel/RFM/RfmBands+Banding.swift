public import ScoringAPI

extension RfmBands {
    /// Edges to use before the book has been measured: R at 90, 180, 365 and 730 days; F at 1, 2, 3 and 5
    /// policies; M at 1, 2, 3 and 5 services.
    public static let defaults = RfmBands(renewalIntervalDaysEdges: [90, 180, 365, 730],
                                          policiesHeldEdges: [1, 2, 3, 5], serviceDepthEdges: [1, 2, 3, 5])

    /// Band of a quantity where more is better: `1 + edges at or below the value`, at most 5 (below the first
    /// edge → 1, at or above the fourth → 5).
    public static func bandMoreIsBetter(_ value: Double, edges: [Double]) -> Int {
        min(5, 1 + edges.prefix(4).lazy.filter { $0 <= value }.count)
    }

    /// Band of a quantity where less is better: `5 − edges at or below the value`, at least 1 (below the first
    /// edge → 5, at or above the fourth → 1). An absent value (never renewed nor bought) is band 1.
    public static func bandLessIsBetter(_ value: Double?, edges: [Double]) -> Int {
        guard let value else { return 1 }
        return max(1, 5 - edges.prefix(4).lazy.filter { $0 <= value }.count)
    }
}
