import Models
import RecordImport
import Testing

@Suite struct ValueReadingTests {
    @Test func integersAcceptSignsAndFullWidthDigitsAndNothingElse() {
        #expect(ValueReading.integer("42") == .success(42))
        #expect(ValueReading.integer(" +7 ") == .success(7))
        #expect(ValueReading.integer("-3") == .success(-3))
        #expect(ValueReading.integer("３") == .success(3))
        for bad in ["x", "3.0", "1e3", "", "12a"] {
            #expect(ValueReading.integer(bad) == .failure(ValueProblem("is not an integer")), "\(bad)")
        }
        #expect(ValueReading.integer("7", in: 1...6) == .failure(ValueProblem("is not between 1 and 6")))
        #expect(ValueReading.integer("6", in: 1...6) == .success(6))
    }

    @Test func decimalsAndPercentages() {
        #expect(ValueReading.decimal("0.5") == .success(0.5))
        #expect(ValueReading.decimal("50%") == .success(0.5))
        #expect(ValueReading.decimal(".25") == .success(0.25))
        for bad in ["half", "", "%", "nan", "inf", "１/２"] {
            #expect(ValueReading.decimal(bad) == .failure(ValueProblem("is not a number")), "\(bad)")
        }
    }

    @Test(arguments: [("true", true), ("FALSE", false), ("1", true), ("0", false), ("Y", true), ("n", false),
                      ("yes", true), ("No", false), ("是", true), ("否", false), ("T", true), ("f", false)])
    func booleans(text: String, value: Bool) {
        #expect(ValueReading.boolean(text) == .success(value))
    }

    @Test func booleanThatIsNeither() {
        #expect(ValueReading.boolean("maybe") == .failure(ValueProblem("is not yes or no (true/false, 1/0, Y/N, 是/否)")))
        #expect(ValueReading.boolean("2").isFailure)
    }

    @Test func moneyInMajorUnitsIsExact() {
        #expect(ValueReading.money("1234.50", currency: "CNY", minorUnits: false) == .success(123_450))
        #expect(ValueReading.money("1,234.5", currency: "CNY", minorUnits: false) == .success(123_450))
        #expect(ValueReading.money("¥1,234,567.89", currency: "CNY", minorUnits: false) == .success(123_456_789))
        #expect(ValueReading.money("100元", currency: "CNY", minorUnits: false) == .success(10_000))
        #expect(ValueReading.money("-0.01", currency: "CNY", minorUnits: false) == .success(-1))
        #expect(ValueReading.money(".5", currency: "CNY", minorUnits: false) == .success(50))
        #expect(ValueReading.money("1.230", currency: "CNY", minorUnits: false) == .success(123))
        // 0.1 + 0.2 in floating point is 0.30000000000000004: read as text, it is 30 fen.
        #expect(ValueReading.money("0.3", currency: "CNY", minorUnits: false) == .success(30))
        #expect(ValueReading.money("500", currency: "JPY", minorUnits: false) == .success(500))
        #expect(ValueReading.money("1.005", currency: "KWD", minorUnits: false) == .success(1005))
    }

    @Test func moneyThatIsNotAnAmount() {
        let notAmount = ValueProblem("is not an amount (e.g. 1234.50 or 1,234.50)")
        for bad in ["abc", "1,23.00", "12,3456", "1.2.3", "", ".", "1,,000"] {
            #expect(ValueReading.money(bad, currency: "CNY", minorUnits: false) == .failure(notAmount), "\(bad)")
        }
        #expect(ValueReading.money("1.234", currency: "CNY", minorUnits: false)
                    == .failure(ValueProblem("has more than 2 decimal places for CNY")))
        #expect(ValueReading.money("9999999999999999999", currency: "CNY", minorUnits: false)
                    == .failure(ValueProblem("is too large")))
    }

    @Test func moneyInMinorUnitsIsAWholeNumber() {
        #expect(ValueReading.money("20796200", currency: "CNY", minorUnits: true) == .success(20_796_200))
        #expect(ValueReading.money("12.5", currency: "CNY", minorUnits: true)
                    == .failure(ValueProblem("is not a whole number of minor units (分)")))
    }

    @Test func currencies() {
        #expect(ValueReading.currency("cny") == .success("CNY"))
        #expect(ValueReading.currency("人民币") == .success("CNY"))
        #expect(ValueReading.currency("RMB") == .success("CNY"))
        #expect(ValueReading.currency("USD") == .success("USD"))
        #expect(ValueReading.currency("US Dollar").isFailure)
        #expect(ValueReading.currency("12A").isFailure)
    }

    @Test func datesInEveryFormatWithoutTheBirthDateRules() {
        let expected = CalendarDate(year: 2031, month: 3, day: 1)
        for text in ["2031-03-01", "20310301", "2031/3/1", "2031.03.01", "2031年3月1日", "２０３１-０３-０１"] {
            // In the future: an end date, not a birth date.
            #expect(ValueReading.date(text, order: nil) == .success(expected), "\(text)")
        }
        #expect(ValueReading.date("25/12/2030", order: nil) == .success(CalendarDate(year: 2030, month: 12, day: 25)))
        #expect(ValueReading.date("1850-01-01", order: nil) == .success(CalendarDate(year: 1850, month: 1, day: 1)))
        #expect(ValueReading.date("2023-02-29", order: nil) == .failure(ValueProblem("is not a calendar date")))
        #expect(ValueReading.date("03/04/2020", order: nil) == .failure(
            ValueProblem("is ambiguous (day and month could be either way; --date-order settles it)")))
        #expect(ValueReading.date("soon", order: nil) == .failure(
            ValueProblem("is not a date (YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY年M月D日…)")))
    }

    @Test func timestampsWithOffsetsLocalTimesAndDates() {
        let beijing = 8 * 3600
        func read(_ text: String, offset: Int = beijing) -> Int64? {
            try? ValueReading.timestamp(text, order: nil, utcOffsetSeconds: offset).get().unixMicros
        }
        #expect(read("2024-03-01T09:30:00+08:00") == 1_709_256_600_000_000)
        #expect(read("2024-03-01T01:30:00Z") == 1_709_256_600_000_000)
        #expect(read("2024-03-01T01:30:00.250Z") == 1_709_256_600_250_000)
        #expect(read("2024-03-01 09:30") == 1_709_256_600_000_000)
        #expect(read("2024-03-01 09:30:00 +0800") == 1_709_256_600_000_000)
        #expect(read("2024-03-01T01:30:00", offset: 0) == 1_709_256_600_000_000)
        // A date alone is its midnight in the given zone.
        #expect(read("2024-03-01") == 1_709_222_400_000_000)
        #expect(read("20240301") == 1_709_222_400_000_000)
        #expect(read("1969-12-31T23:59:59Z") == -1_000_000)
        #expect(read("2000-02-29T12:00:00-05:30") == 951_845_400_000_000)
        for bad in ["2024-03-01T25:00:00Z", "2024-03-01T09:60", "2024-03-01T9", "yesterday", "2024-03-01T09:30+25:00"] {
            #expect(read(bad) == nil, "\(bad)")
        }
    }

    @Test func utcOffsetOption() {
        #expect(ValueReading.utcOffset("+08:00") == 28_800)
        #expect(ValueReading.utcOffset("-0530") == -19_800)
        #expect(ValueReading.utcOffset("Z") == 0)
        #expect(ValueReading.utcOffset("8") == nil)
    }

    @Test func daysFromTheEpoch() {
        #expect(ValueReading.days(from: CalendarDate(year: 1970, month: 1, day: 1)) == 0)
        #expect(ValueReading.days(from: CalendarDate(year: 2024, month: 3, day: 1)) == 19_783)
        #expect(ValueReading.days(from: CalendarDate(year: 1900, month: 1, day: 1)) == -25_567)
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
