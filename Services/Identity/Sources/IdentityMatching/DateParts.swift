/// A date value parsed once for the date comparators: `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`.
struct DateParts: Sendable, Hashable {
    let year: Int
    let month: Int
    let day: Int
    /// The eight digits `YYYYMMDD`, for the "one digit off" comparison.
    let digits: [UInt8]

    init?(_ text: String) {
        let digits = text.unicodeScalars.compactMap { scalar -> UInt8? in
            guard scalar.isASCII, let value = UInt8(exactly: scalar.value), value >= 48, value <= 57 else { return nil }
            return value - 48
        }
        guard digits.count == 8 else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1) } }
        year = number(0..<4)
        month = number(4..<6)
        day = number(6..<8)
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.digits = digits
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
        var differences = 0
        for index in 0..<8 where digits[index] != other.digits[index] { differences += 1 }
        return differences == 1
    }

    func within(years: Int, of other: DateParts) -> Bool {
        abs(dayNumber - other.dayNumber) <= years * 365 + years / 4
    }
}
