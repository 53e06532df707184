public import Models

/// The days counts and rates look back over: the `months` calendar months that end on `asOf`, both ends
/// included. Twelve months to 2025-06-30 run from 2024-07-01 to 2025-06-30.
public struct LookbackWindow: Sendable, Hashable {
    /// First day in the window.
    public let first: CalendarDate
    /// Last day in the window: the day scored as of.
    public let last: CalendarDate

    /// The window of `months` months (at least 1) that ends on `asOf`.
    public init(endingOn asOf: CalendarDate, months: Int) {
        self.first = asOf.addingMonths(-max(1, months)).addingDays(1)
        self.last = asOf
    }

    /// A window with explicit ends (`first` ≤ `last`).
    public init(first: CalendarDate, last: CalendarDate) {
        self.first = first
        self.last = last
    }

    /// Whether `date` lies in the window; an absent date never does.
    public func contains(_ date: CalendarDate?) -> Bool {
        guard let date else { return false }
        return first <= date && date <= last
    }

    /// Days the window has in common with `period` (both ends included); 0 when they do not meet.
    public func overlapDays(with period: ClosedRange<CalendarDate>?) -> Int {
        guard let period else { return 0 }
        let start = max(first, period.lowerBound)
        let end = min(last, period.upperBound)
        return start > end ? 0 : CalendarDate.days(from: start, to: end) + 1
    }

    /// Days in the window.
    public var dayCount: Int { CalendarDate.days(from: first, to: last) + 1 }
}
