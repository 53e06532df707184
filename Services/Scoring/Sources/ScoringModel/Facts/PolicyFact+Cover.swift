public import Models

extension PolicyFact {
    /// The days the policy gave cover, both ends included, as far as its current state tells:
    /// - no cover when pending, declined or of unknown status, or without a start date;
    /// - starts on `effectiveDate` (or `issueDate` when that is absent);
    /// - in force: ends on `endDate`, or on `asOf` when whole-life (cover known up to today);
    /// - lapsed, surrendered, cancelled, terminated: ends the day before `statusDate` (no later than `endDate`);
    ///   without a status date, on `endDate`, else on its first day;
    /// - expired, matured: ends on `endDate`, else the day before `statusDate`, else on its first day.
    /// - Parameter asOf: the day scored as of.
    public func coverPeriod(asOf: CalendarDate) -> ClosedRange<CalendarDate>? {
        guard let start = effectiveDate ?? issueDate else { return nil }
        let end: CalendarDate
        switch status {
        case .unspecified, .pending, .declined:
            return nil
        case .inForce:
            end = endDate ?? max(asOf, start)
        case .lapsed, .surrendered, .cancelled, .terminated:
            if let statusDate {
                end = min(statusDate.addingDays(-1), endDate ?? statusDate)
            } else {
                end = endDate ?? start
            }
        case .expired, .matured:
            end = endDate ?? statusDate?.addingDays(-1) ?? start
        }
        return end < start ? nil : start ... end
    }

    /// In force on `date`: status in force and `date` inside the cover period.
    public func isInForce(on date: CalendarDate) -> Bool {
        status == .inForce && coverPeriod(asOf: date)?.contains(date) == true
    }

    /// Cover of at most 366 days (one-year business: auto, property, short-term health and accident); such
    /// policies continue by renewal (续保) rather than by renewal premiums (续期).
    public var isShortTerm: Bool {
        guard let start = effectiveDate ?? issueDate, let endDate else { return false }
        return CalendarDate.days(from: start, to: endDate) + 1 <= 366
    }

    /// Premium earned per year of cover, in minor units: `annualisedPremium`, except that a single premium is
    /// spread evenly over its cover, `premium × 365 / cover days` (over one year when there is no end date).
    public var annualEarningRate: Double {
        guard paymentMode == .single else { return Double(annualisedPremium.minorUnits) }
        guard let start = effectiveDate ?? issueDate, let endDate, endDate >= start else {
            return Double(premium.minorUnits)
        }
        return Double(premium.minorUnits) * 365 / Double(CalendarDate.days(from: start, to: endDate) + 1)
    }
}
