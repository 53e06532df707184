public import Models

extension CustomerFacts {
    /// The first day of cover of any held policy, on or before `asOf`; absent without one.
    public func firstPolicyDate(asOf: CalendarDate) -> CalendarDate? {
        heldPolicies.compactMap { $0.coverPeriod(asOf: asOf)?.lowerBound }.filter { $0 <= asOf }.min()
    }

    /// Tenure (METRIC_TENURE_MONTHS): whole calendar months from `firstPolicyDate` to `asOf`
    /// (`CalendarDate.wholeMonths`); 0 without a policy. Gaps in cover do not reset it.
    public func tenureMonths(asOf: CalendarDate) -> Int {
        guard let first = firstPolicyDate(asOf: asOf) else { return 0 }
        return CalendarDate.wholeMonths(from: first, to: asOf)
    }

    /// Tenure in years as a real number: `days from firstPolicyDate to asOf / 365.25`; 0 without a policy.
    public func tenureYears(asOf: CalendarDate) -> Double {
        guard let first = firstPolicyDate(asOf: asOf) else { return 0 }
        return Double(CalendarDate.days(from: first, to: asOf)) / 365.25
    }

    /// The first day of the unbroken run of cover that reaches `asOf`: the cover periods of held policies,
    /// joined where one starts no more than `allowedGapDays` days after the day another ends; absent when the
    /// customer has no cover on `asOf`.
    public func continuousCoverStart(asOf: CalendarDate, allowedGapDays: Int = 0) -> CalendarDate? {
        let periods = heldPolicies.compactMap { $0.coverPeriod(asOf: asOf) }.filter { $0.lowerBound <= asOf }
            .sorted { $0.lowerBound < $1.lowerBound }
        var runStart: CalendarDate?
        var runEnd: CalendarDate?
        for period in periods {
            if let end = runEnd, CalendarDate.days(from: end, to: period.lowerBound) <= allowedGapDays + 1 {
                runEnd = max(end, period.upperBound)
            } else {
                runStart = period.lowerBound
                runEnd = period.upperBound
            }
        }
        // Every period starts on or before asOf, so only the last run can reach it.
        guard let start = runStart, let end = runEnd, start <= asOf, asOf <= end else { return nil }
        return start
    }

    /// Continuous tenure (METRIC_CONTINUOUS_TENURE_MONTHS): whole calendar months from
    /// `continuousCoverStart` to `asOf`; 0 without cover on `asOf`.
    public func continuousTenureMonths(asOf: CalendarDate, allowedGapDays: Int = 0) -> Int {
        guard let start = continuousCoverStart(asOf: asOf, allowedGapDays: allowedGapDays) else { return 0 }
        return CalendarDate.wholeMonths(from: start, to: asOf)
    }
}
