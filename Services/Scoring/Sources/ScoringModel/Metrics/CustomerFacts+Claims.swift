import Models

extension CustomerFacts {
    /// Claims paid in the window on policies the customer holds, in minor units of `currency`: the settled
    /// amount of every claim on a held policy whose `paidOn` day lies in the window (declined and withdrawn
    /// claims pay nothing).
    public func claimsPaidOnHeldPolicies(in window: LookbackWindow, currency: String) -> Int64 {
        let held = Set(heldPolicies.map(\.policyKey))
        return claims
            .filter { held.contains($0.policyKey) && window.contains($0.paidOn) }
            .compactMap(\.settledAmount)
            .filter { $0.currency == currency }
            .reduce(0) { $0 + $1.minorUnits }
    }

    /// Claims ratio (METRIC_CLAIMS_RATIO), ≥ 0 and possibly above 1; absent when no premium was earned:
    /// `claims paid on held policies in the window / premium earned on held policies in the window`
    /// (see `claimsPaidOnHeldPolicies(in:currency:)` and `earnedPremium(in:currency:)`).
    public func claimsRatio(in window: LookbackWindow, currency: String) -> Double? {
        let earned = earnedPremium(in: window, currency: currency)
        guard earned > 0 else { return nil }
        return Double(claimsPaidOnHeldPolicies(in: window, currency: currency)) / earned
    }
}
