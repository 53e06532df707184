public import ScoringAPI

extension Metric {
    /// Money metrics (annualised premium, CLV, claim severity) take `Threshold.amount` as their threshold; the
    /// others take `Threshold.number`.
    public var isMoney: Bool { [.annualisedPremium, .clv, .claimSeverity].contains(self) }
}
