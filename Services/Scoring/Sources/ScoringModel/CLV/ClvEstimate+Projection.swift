public import Models
public import ScoringAPI

extension ClvEstimate {
    /// A customer's lifetime value: the expected, discounted margin on the premiums of the policies they hold
    /// now, over the horizon. Projects the held policies in force on `asOf` (in `currency`) year by year,
    /// t = 0 ..< H:
    ///
    ///     CLV               = Σₜ Σₚ APₚ · mₚ · Sₚ(t) · vᵗ          v = 1 / (1 + discount rate)
    ///     expected premium  = Σₜ Σₚ APₚ · Sₚ(t)
    ///     Sₚ(t)             = ₜpₓ · (1 − lₚ)ᵗ
    ///     survival to H     = ₕpₓ · (1 − Πₚ (1 − (1 − lₚ)ᴴ · runsₚ(H)))
    ///
    /// where APₚ is the policy's annualised premium, mₚ and lₚ its line's margin and lapse rates, ₜpₓ the
    /// chance of surviving t years from age x under `mortality` (x = `asOf.year − birth year`; no mortality for
    /// organisations or an unknown birth year), and each year's premium is taken at the start of the year, the
    /// first one now. A policy pays premium in year t only when it is not single-premium, still runs at the
    /// year's start (one-year policies are assumed renewed — their lapse rate is the chance they are not;
    /// others stop at their end date) and is within its premium term (`premiumTermYears` from its start, when
    /// known). Money is rounded to the minor unit at the end (halves away from zero).
    /// - Parameters:
    ///   - facts: the customer's facts.
    ///   - asOf: the day projected from.
    ///   - currency: policies in other currencies are left out.
    ///   - assumptions: discount, lapse and margin rates and the horizon (clamped to 1–100 years).
    ///   - mortality: the table `assumptions.mortalityTable` names.
    public init(facts: CustomerFacts, asOf: CalendarDate, currency: String, assumptions: ClvAssumptions,
                mortality: MortalityTable) {
        let horizon = Int(min(100, max(1, assumptions.horizonYears)))
        // Taken once, as plain numbers and days: the projection walks them every year of the horizon, and copying
        // a policy (its strings) every year was most of the estimate's time.
        // (An array: the view of policies in force is lazy, and so would this be, projected again every year.)
        let policies = Array(facts.policiesInForce(on: asOf).filter { $0.annualisedPremium.currency == currency }
            .map { Projected($0, assumptions: assumptions) })
        let age = facts.profile?.age(on: asOf)
        let sex = facts.profile?.sex ?? .unspecified
        let alive: (Int) -> Double = { years in
            age.map { mortality.survival(age: $0, sex: sex, years: years) } ?? 1
        }
        let discount = 1 / (1 + assumptions.discountRate)
        var clv = 0.0
        var premium = 0.0
        for year in 0 ..< horizon {
            let yearStart = asOf.addingMonths(12 * year)
            for policy in policies where policy.paysPremium(on: yearStart) {
                let persists = Self.power(1 - policy.lapseRate, year)
                let expected = policy.annual * alive(year) * persists
                premium += expected
                clv += expected * policy.marginRate * Self.power(discount, year)
            }
        }
        let horizonDay = asOf.addingMonths(12 * horizon)
        let allGone = policies.reduce(1.0) { product, policy in
            let kept = policy.runs(on: horizonDay) ? Self.power(1 - policy.lapseRate, horizon) : 0
            return product * (1 - kept)
        }
        self.init(clv: Money(roundingMinorUnits: clv, currency: currency),
                  expectedPremium: Money(roundingMinorUnits: premium, currency: currency),
                  survivalToHorizon: policies.isEmpty ? 0 : alive(horizon) * (1 - allGone),
                  assumptions: assumptions)
    }

    /// What the projection needs of a held policy.
    private struct Projected {
        var annual: Double
        var lapseRate: Double
        var marginRate: Double
        var shortTerm: Bool
        var endDate: CalendarDate?
        var single: Bool
        /// The day premiums stop, by the premium term from the effective (else issue) date; nil when they are paid
        /// as long as the policy runs.
        var premiumsEnd: CalendarDate?

        init(_ policy: PolicyFact, assumptions: ClvAssumptions) {
            annual = Double(policy.annualisedPremium.minorUnits)
            lapseRate = assumptions.lapseRate(of: policy.productLine)
            marginRate = assumptions.marginRate(of: policy.productLine)
            shortTerm = policy.isShortTerm
            endDate = policy.endDate
            single = policy.paymentMode == .single
            let start = policy.effectiveDate ?? policy.issueDate
            premiumsEnd = policy.premiumTermYears > 0
                ? start.map { $0.addingMonths(12 * Int(policy.premiumTermYears)) } : nil
        }

        /// The policy still gives cover on `day`: one-year policies by renewal, others until their end date.
        func runs(on day: CalendarDate) -> Bool {
            shortTerm || endDate.map { day <= $0 } ?? true
        }

        /// A premium falls due in the projection year starting on `day`.
        func paysPremium(on day: CalendarDate) -> Bool {
            guard !single, runs(on: day) else { return false }
            return premiumsEnd.map { day < $0 } ?? true
        }
    }

    /// `base` to a whole power, by repeated multiplication (exact for the hand-checked cases).
    static func power(_ base: Double, _ exponent: Int) -> Double {
        (0 ..< max(0, exponent)).reduce(1.0) { product, _ in product * base }
    }
}
