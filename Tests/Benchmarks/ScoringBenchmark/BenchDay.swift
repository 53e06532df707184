import Models
import Store

/// Days as whole numbers since 1970-01-01, which the generator adds and subtracts, and their forms for the
/// database (`date`, `timestamptz`) and for identity's records (`CalendarDate`, `Timestamp`).
enum BenchDay {
    /// The day `text` (`YYYY-MM-DD`) names.
    static func parse(_ text: String) -> Int {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        precondition(parts.count == 3, "a day as YYYY-MM-DD: \(text)")
        return days(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A `date` parameter, or NULL.
    static func value(_ days: Int?) -> PostgresValue {
        guard let days else { return .null }
        return PostgresValue(PostgresDate(daysSince1970: days))
    }

    /// The calendar day of identity's records.
    static func calendar(_ days: Int) -> CalendarDate {
        let date = PostgresDate(daysSince1970: days)
        return CalendarDate(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day))
    }

    /// An instant on `days`, `seconds` after midnight UTC.
    static func timestamp(_ days: Int, seconds: Int) -> Timestamp {
        Timestamp(unixMicros: (Int64(days) * 86_400 + Int64(seconds)) * 1_000_000)
    }
}
