/// A point in time as PostgreSQL stores it: microseconds since 1970-01-01 00:00:00 UTC.
///
/// Decodes from `timestamptz` and from `timestamp` (whose wall-clock value is taken as UTC).
public struct PostgresTimestamp: Sendable, Hashable, Comparable {
    /// Microseconds since 1970-01-01 00:00:00 UTC; negative before.
    public var microsSince1970: Int64

    /// Creates a timestamp from microseconds since the Unix epoch.
    public init(microsSince1970: Int64) {
        self.microsSince1970 = microsSince1970
    }

    /// Orders timestamps by time.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.microsSince1970 < rhs.microsSince1970 }

    /// ISO 8601 text in UTC with microseconds, e.g. `2024-03-05 07:08:09.000123+00`.
    public var isoText: String {
        let perDay: Int64 = 86_400_000_000
        let (days, micros) = Self.floorDivide(microsSince1970, perDay)
        let date = PostgresDate(daysSince1970: Int(days))
        let seconds = micros / 1_000_000
        let fraction = micros % 1_000_000
        let time = pad(Int(seconds / 3600), 2) + ":" + pad(Int(seconds / 60 % 60), 2) + ":" + pad(Int(seconds % 60), 2)
        return date.dayText + " " + time + "." + pad(Int(fraction), 6) + "+00" + date.eraSuffix
    }

    /// Division rounding towards negative infinity, so times before 1970 land on the right day.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}

/// A calendar day as PostgreSQL's `date` stores it (proleptic Gregorian; year 0 is 1 BC).
public struct PostgresDate: Sendable, Hashable, Comparable {
    /// The year; 0 and below are BC years (0 is 1 BC).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Creates a date from its parts; the parts are not validated here, the server does that.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date that lies `daysSince1970` days after 1970-01-01.
    public init(daysSince1970: Int) {
        // Howard Hinnant's civil-from-days algorithm, in eras of 400 years.
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days from 1970-01-01 to this date; negative before.
    public var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Orders dates by day.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    /// ISO 8601 text, e.g. `2024-03-05`, with ` BC` for years before 1 AD.
    public var isoText: String { dayText + eraSuffix }

    // PostgreSQL writes BC years as positive numbers with a suffix: year 0 is "0001 BC".
    var dayText: String {
        let shownYear = year > 0 ? year : 1 - year
        return pad(shownYear, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    var eraSuffix: String { year > 0 ? "" : " BC" }
}

/// Left-pads a non-negative number with zeros.
private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
