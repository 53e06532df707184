/// A date value parsed once for the date comparators: `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`. Plain numbers only,
/// so that a prepared value holding one allocates nothing for it.
struct DateParts: Sendable, Hashable {
    private let yearNumber: Int16
    private let monthNumber: UInt8
    private let dayNumberInMonth: UInt8

    var year: Int { Int(yearNumber) }
    var month: Int { Int(monthNumber) }
    var day: Int { Int(dayNumberInMonth) }

    init?(_ text: String) {
        var digits = 0, value = 0
        for scalar in text.unicodeScalars {
            guard scalar.isASCII, let digit = Int(exactly: scalar.value), digit >= 48, digit <= 57 else { continue }
            digits += 1
            value = value * 10 + digit - 48
            if digits > 8 { return nil }
        }
        guard digits == 8 else { return nil }
        let month = value / 100 % 100, day = value % 100
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        yearNumber = Int16(value / 10_000)
        monthNumber = UInt8(month)
        dayNumberInMonth = UInt8(day)
    }

    /// The eight digits `YYYYMMDD` as one number.
    var number: Int { year * 10_000 + month * 100 + day }

    /// The eight digits `YYYYMMDD`, zeros kept.
    var digits: String {
        let text = String(number)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// Days since an arbitrary epoch (proleptic Gregorian), for "within n years".
    var dayNumber: Int {
        // Howard Hinnant's days-from-civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    func sameYearAndMonth(_ other: DateParts) -> Bool { year == other.year && month == other.month }

    /// Day and month swapped (03-07 against 07-03), the commonest data-entry error in dates; an unambiguous date
    /// such as 05-05 does not count.
    func dayMonthTransposed(_ other: DateParts) -> Bool {
        year == other.year && month == other.day && day == other.month && month != day
    }

    /// Exactly one of the eight digits differs.
    func oneDigitOff(_ other: DateParts) -> Bool {
        var differences = 0, a = number, b = other.number
        for _ in 0..<8 {
            if a % 10 != b % 10 { differences += 1 }
            a /= 10
            b /= 10
        }
        return differences == 1
    }

    func within(years: Int, of other: DateParts) -> Bool {
        abs(dayNumber - other.dayNumber) <= years * 365 + years / 4
    }
}
