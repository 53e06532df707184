public import Models

extension CustomerFacts {
    /// Annualised premium (METRIC_ANNUALISED_PREMIUM):
    /// `Σ annualisedPremium` over held policies in force on `asOf`, in `currency`. Exact, in minor units.
    public func annualisedPremium(asOf: CalendarDate, currency: String) -> Money {
        let total = policiesInForce(on: asOf)
            .filter { $0.annualisedPremium.currency == currency }
            .reduce(Int64(0)) { $0 + $1.annualisedPremium.minorUnits }
        return Money(minorUnits: total, currency: currency)
    }

    /// Earned premium in the window, in unrounded minor units:
    /// `Σ annualEarningRate × covered days in the window / 365` over held policies in `currency`, where
    /// `annualEarningRate` is the annualised premium, or a single premium spread evenly over its cover (see
    /// `PolicyFact.annualEarningRate`). Premium is earned pro rata of cover, whether or not it was paid.
    public func earnedPremium(in window: LookbackWindow, currency: String) -> Double {
        heldPolicies
            .filter { $0.premium.currency == currency && $0.annualisedPremium.currency == currency }
            .reduce(0.0) { total, policy in
                let days = window.overlapDays(with: policy.coverPeriod(asOf: window.last))
                return total + policy.annualEarningRate * Double(days) / 365
            }
    }
}
