import IdentityNormalization
import Models
import Testing

@Suite struct BirthDateParserTests {
    static let today = CalendarDate(year: 2025, month: 6, day: 1)

    @Test(arguments: [
        ("19491231", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1949-12-31", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1949/12/31", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1949.12.31", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1990-1-2", CalendarDate(year: 1990, month: 1, day: 2)),
        ("1949年12月31日", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1990年1月2日", CalendarDate(year: 1990, month: 1, day: 2)),
        ("1990年1月2", CalendarDate(year: 1990, month: 1, day: 2)),
        ("一九四九年十二月三十一日", CalendarDate(year: 1949, month: 12, day: 31)),
        ("１９９０－０１－０２", CalendarDate(year: 1990, month: 1, day: 2)),
        ("31/12/1949", CalendarDate(year: 1949, month: 12, day: 31)),  // day > 12: day first
        ("12/31/1949", CalendarDate(year: 1949, month: 12, day: 31)),  // day > 12: month first
        ("05/05/1990", CalendarDate(year: 1990, month: 5, day: 5)),  // same either way
        ("31.12.1949", CalendarDate(year: 1949, month: 12, day: 31)),
        ("1990-01-02 00:00:00", CalendarDate(year: 1990, month: 1, day: 2)),
        ("1990-01-02T00:00:00Z", CalendarDate(year: 1990, month: 1, day: 2)),
        ("2000-02-29", CalendarDate(year: 2000, month: 2, day: 29)),
        ("2025-06-01", CalendarDate(year: 2025, month: 6, day: 1)),  // today itself
    ])
    func datesInCommonFormats(raw: String, date: CalendarDate) {
        let result = BirthDateParser.parse(raw, today: Self.today)
        #expect(result.value == date, "\(result.problems)")
    }

    @Test(arguments: [
        ("19900230", NormalizationProblem.Code.invalidDate),  // 30 February
        ("1900-02-29", .invalidDate),  // 1900 is not a leap year
        ("1990-13-01", .invalidDate),
        ("1990-04-31", .invalidDate),
        ("00000000", .invalidDate),
        ("03/04/1990", .ambiguousDate),
        ("13/14/1990", .invalidDate),
        ("2025-06-02", .dateInFuture),
        ("1879-12-31", .dateTooEarly),
        ("1990", .invalidFormat),
        ("90-01-02", .invalidFormat),
        ("yesterday", .invalidFormat),
    ])
    func badDatesAreFlagged(raw: String, code: NormalizationProblem.Code) {
        let result = BirthDateParser.parse(raw, today: Self.today)
        #expect(result.value == nil)
        #expect(result.has(code), "\(result.problems)")
    }

    @Test func aKnownOrderResolvesAmbiguity() {
        #expect(BirthDateParser.parse("03/04/1990", order: .dayFirst, today: Self.today).value
            == CalendarDate(year: 1990, month: 4, day: 3))
        #expect(BirthDateParser.parse("03/04/1990", order: .monthFirst, today: Self.today).value
            == CalendarDate(year: 1990, month: 3, day: 4))
    }

    @Test func calendarRules() {
        #expect(CalendarRules.isLeap(2000))
        #expect(!CalendarRules.isLeap(1900))
        #expect(CalendarRules.isLeap(2024))
        #expect(CalendarRules.daysIn(month: 2, year: 2023) == 28)
        #expect(!CalendarRules.isValid(year: 2023, month: 2, day: 29))
    }
}
