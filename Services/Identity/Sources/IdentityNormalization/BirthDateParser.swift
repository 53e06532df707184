public import Models

/// Reads birth dates in the formats source systems use and checks that they are plausible.
///
/// Formats: `YYYYMMDD`; `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (one- or two-digit month and day);
/// `YYYY年M月D日` (日 or 号 optional; digits or Chinese numerals, `一九四九年十二月三十一日`); and day and month
/// before the year, `DD/MM/YYYY` or `MM/DD/YYYY` (also with `-` or `.`), read only when unambiguous: one of the two
/// is greater than 12, or both are equal. `03/04/1990` is flagged `ambiguousDate` unless the caller says which order
/// its source uses. A time after the date (`1990-01-02 00:00:00`, `1990-01-02T00:00:00Z`) is ignored.
///
/// The date must be a real Gregorian date, not after today and not before 1880.
public enum BirthDateParser {
    /// The order of day and month when the year comes last.
    public enum DayMonthOrder: String, Sendable, Hashable {
        /// `DD/MM/YYYY`, as in most of the world.
        case dayFirst
        /// `MM/DD/YYYY`, as in the United States.
        case monthFirst
    }

    /// Parses one birth date.
    /// - Parameters:
    ///   - raw: the date as given.
    ///   - order: how to read `NN/NN/YYYY` when both numbers are 12 or less; `nil` flags such dates as ambiguous.
    ///   - today: the reference date for "in the future"; today by default.
    public static func parse(_ raw: String, order: DayMonthOrder? = nil, today: CalendarDate? = nil)
        -> Normalized<CalendarDate>
    {
        let date = parseDate(raw, order: order)
        guard let value = date.value else { return date }
        let problems = CalendarRules.birthDateProblems(year: value.year, month: value.month, day: value.day,
                                                       today: today ?? CalendarRules.today())
        if !problems.isEmpty { return .invalid(raw, problems) }
        return date
    }

    /// Reads a date in the same formats, with none of the birth-date rules: any real Gregorian date from year 1 to
    /// 9999 is accepted, in the future too (policy end dates, due dates). `1990-02-30` and an ambiguous `03/04/2020`
    /// (unless `order` says how to read it) are flagged like birth dates.
    /// - Parameters:
    ///   - raw: the date as given.
    ///   - order: how to read `NN/NN/YYYY` when both numbers are 12 or less; `nil` flags such dates as ambiguous.
    public static func parseDate(_ raw: String, order: DayMonthOrder? = nil) -> Normalized<CalendarDate> {
        var text = TextNormalizer.clean(raw)
        if text.isEmpty { return .empty(raw) }
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<cut]) }
        switch read(text, order: order) {
        case .problem(let problem):
            return .invalid(raw, [problem])
        case .date(let year, let month, let day):
            guard CalendarRules.isValid(year: year, month: month, day: day) else {
                return .invalid(raw, [NormalizationProblem(.invalidDate, "not a calendar date")])
            }
            return Normalized(raw: raw, value: CalendarDate(year: year, month: month, day: day))
        }
    }

    private enum Reading {
        case date(Int32, Int32, Int32)
        case problem(NormalizationProblem)
    }

    private static func read(_ text: String, order: DayMonthOrder?) -> Reading {
        let unreadable = NormalizationProblem(.invalidFormat, "not a date in a known format")
        if text.contains("年") {
            guard let (year, month, day) = readChinese(text) else { return .problem(unreadable) }
            return .date(year, month, day)
        }
        if text.count == 8, text.allSatisfy(\.isASCIIDigit) {
            let digits = Array(text)
            return .date(Int32(String(digits[0..<4]))!, Int32(String(digits[4..<6]))!, Int32(String(digits[6..<8]))!)
        }
        let parts = text.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return .problem(unreadable)
        }
        let numbers = parts.map { Int32($0)! }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            return .date(numbers[0], numbers[1], numbers[2])
        }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return .problem(unreadable) }
        let (first, second, year) = (numbers[0], numbers[1], numbers[2])
        if first > 12, second <= 12 { return .date(year, second, first) }
        if second > 12, first <= 12 { return .date(year, first, second) }
        if first == second { return .date(year, first, second) }
        if first > 12, second > 12 {
            return .problem(NormalizationProblem(.invalidDate, "neither of the numbers before the year is a month"))
        }
        switch order {
        case .dayFirst: return .date(year, second, first)
        case .monthFirst: return .date(year, first, second)
        case nil:
            return .problem(NormalizationProblem(.ambiguousDate, "day and month could be either way round"))
        }
    }

    /// `YYYY年M月D日`, digits or Chinese numerals, 日/号 optional.
    private static func readChinese(_ text: String) -> (year: Int32, month: Int32, day: Int32)? {
        var body = text
        if body.hasSuffix("日") || body.hasSuffix("号") { body.removeLast() }
        let parts = body.split(whereSeparator: { $0 == "年" || $0 == "月" }).map(String.init)
        guard parts.count == 3, body.filter({ $0 == "年" }).count == 1, body.filter({ $0 == "月" }).count == 1 else {
            return nil
        }
        let numbers = parts.map { part -> Int32? in
            if part.allSatisfy(\.isASCIIDigit) { return Int32(part) }
            return ChineseNumerals.value(of: part).map(Int32.init)
        }
        guard let year = numbers[0], let month = numbers[1], let day = numbers[2], parts[0].count == 4 else { return nil }
        return (year, month, day)
    }
}
