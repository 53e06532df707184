public import Models

/// Day arithmetic on calendar dates (proleptic Gregorian), which `Models` leaves out.
extension CalendarDate {
    /// Days from 1970-01-01 to this date; negative before it.
    public var daysSince1970: Int {
        // H. Hinnant's days_from_civil: years start in March so the leap day falls at the end.
        let y = Int(month <= 2 ? year - 1 : year)
        let m = Int(month)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: Int32(year), month: Int32(month), day: Int32(day))
    }

    /// The business day (UTC+8 by default, the book's time zone) on which an instant falls.
    public init(businessDayOf instant: Timestamp, utcOffsetSeconds: Int = 8 * 3600) {
        // Floor divisions throughout, so instants before 1970 land on the right day.
        let micros = instant.unixMicros
        let seconds = Int(micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000) + utcOffsetSeconds
        self.init(daysSince1970: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// This date moved by `days` days.
    public func addingDays(_ days: Int) -> CalendarDate {
        CalendarDate(daysSince1970: daysSince1970 + days)
    }

    /// This date moved by `months` calendar months; a day past the end of the target month becomes its last day
    /// (31 January plus one month is 28 or 29 February).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let index = Int(year) * 12 + Int(month) - 1 + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let lastDay = CalendarDate.daysInMonth(year: newYear, month: newMonth)
        return CalendarDate(year: Int32(newYear), month: Int32(newMonth), day: Int32(min(Int(day), lastDay)))
    }

    /// Days from `start` to `end`: 0 for the same day, negative when `end` is earlier.
    public static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        end.daysSince1970 - start.daysSince1970
    }

    /// Whole calendar months from `start` to `end`: a month counts once its day-of-month is reached
    /// (15 March to 14 April is 0, to 15 April is 1); 0 when `end` is not after `start`.
    public static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard end > start else { return 0 }
        let months = Int(end.year - start.year) * 12 + Int(end.month - start.month)
        return end.day < start.day ? months - 1 : months
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
