import Models
import ScoringModel
import Testing

@Suite struct CalendarArithmeticTests {
    @Test(arguments: [("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2025-06-30", 20_269),
                      ("1900-03-01", -25_508)])
    func dayNumbers(date: String, days: Int) {
        #expect(day(date).daysSince1970 == days)
        #expect(CalendarDate(daysSince1970: days) == day(date))
    }

    @Test func dayNumbersRoundTripOverFourCenturies() {
        var previous = CalendarDate(daysSince1970: -150_000)
        for days in -149_999 ... 150_000 {
            let date = CalendarDate(daysSince1970: days)
            #expect(date.daysSince1970 == days)
            #expect(date > previous)
            previous = date
        }
    }

    @Test func addingMonthsKeepsTheDayWhereTheMonthHasIt() {
        #expect(day("2024-01-31").addingMonths(1) == day("2024-02-29"))
        #expect(day("2023-01-31").addingMonths(1) == day("2023-02-28"))
        #expect(day("2025-03-31").addingMonths(-1) == day("2025-02-28"))
        #expect(day("2025-01-15").addingMonths(-13) == day("2023-12-15"))
        #expect(day("2025-06-30").addingMonths(-12) == day("2024-06-30"))
    }

    @Test func wholeMonthsCountOnceTheDayIsReached() {
        #expect(CalendarDate.wholeMonths(from: day("2025-03-15"), to: day("2025-04-14")) == 0)
        #expect(CalendarDate.wholeMonths(from: day("2025-03-15"), to: day("2025-04-15")) == 1)
        #expect(CalendarDate.wholeMonths(from: day("2020-02-29"), to: day("2025-02-28")) == 59)
        #expect(CalendarDate.wholeMonths(from: day("2025-04-15"), to: day("2025-03-15")) == 0)
    }

    @Test func businessDayIsTheDayInChinaStandardTime() {
        // 2025-06-30T16:00:00Z is midnight in Beijing: the business day is 1 July; a second earlier, 30 June.
        #expect(CalendarDate(businessDayOf: Timestamp(unixMicros: 1_751_299_200 * 1_000_000)) == day("2025-07-01"))
        #expect(CalendarDate(businessDayOf: Timestamp(unixMicros: 1_751_299_199 * 1_000_000)) == day("2025-06-30"))
        #expect(CalendarDate(businessDayOf: Timestamp(unixMicros: -1), utcOffsetSeconds: 0) == day("1969-12-31"))
    }

    @Test func twelveMonthWindowEndingOnTheDayScored() {
        let window = LookbackWindow(endingOn: day("2025-06-30"), months: 12)
        #expect(window.first == day("2024-07-01"))
        #expect(window.last == day("2025-06-30"))
        #expect(window.dayCount == 365)
        #expect(window.contains(day("2024-07-01")))
        #expect(!window.contains(day("2024-06-30")))
        #expect(!window.contains(nil))
        // 2025-06-01 ... 2025-07-31 shares 30 days (June) with it.
        #expect(window.overlapDays(with: day("2025-06-01") ... day("2025-07-31")) == 30)
        #expect(window.overlapDays(with: day("2020-01-01") ... day("2024-06-30")) == 0)
    }
}
