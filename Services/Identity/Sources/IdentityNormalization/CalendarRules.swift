public import Models
import Foundation

/// Gregorian calendar rules for the date checks of the normalisers.
public enum CalendarRules {
    /// The earliest birth year a normaliser accepts; earlier dates are typing errors.
    public static let earliestBirthYear: Int32 = 1880

    /// Whether `year`-`month`-`day` is a real Gregorian date (no 30 February, 29 February only in leap years).
    public static func isValid(year: Int32, month: Int32, day: Int32) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int32) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Today's date in the local time zone of the process.
    public static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: Int32(parts.year ?? 1970), month: Int32(parts.month ?? 1), day: Int32(parts.day ?? 1))
    }

    /// Dates source systems write when the birth date is unknown; as birth dates they say nothing.
    public static let placeholderBirthDates: Set<CalendarDate> = [
        CalendarDate(year: 1900, month: 1, day: 1), CalendarDate(year: 1899, month: 12, day: 31),
        CalendarDate(year: 1901, month: 1, day: 1), CalendarDate(year: 1800, month: 1, day: 1),
    ]

    /// The problems of a birth date: not a real date, in the future, a placeholder, or before 1880. Empty when it is plausible.
    /// - Parameters:
    ///   - year: the year as read.
    ///   - month: the month as read.
    ///   - day: the day as read.
    ///   - today: the reference date for "future".
    static func birthDateProblems(year: Int32, month: Int32, day: Int32, today: CalendarDate) -> [NormalizationProblem] {
        guard isValid(year: year, month: month, day: day) else {
            return [NormalizationProblem(.invalidDate, "not a calendar date")]
        }
        let date = CalendarDate(year: year, month: month, day: day)
        if date > today {
            return [NormalizationProblem(.dateInFuture, "birth date after today")]
        }
        if placeholderBirthDates.contains(date) {
            return [NormalizationProblem(.placeholderValue, "a placeholder systems write for an unknown birth date")]
        }
        if year < earliestBirthYear {
            return [NormalizationProblem(.dateTooEarly, "birth date before \(earliestBirthYear)")]
        }
        return []
    }
}
