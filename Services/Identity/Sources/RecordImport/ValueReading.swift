// Reading the typed values of a record (integers, decimals, money, dates, timestamps, yes/no) from the text a
// source gives: the rules `clm import --help` states under "Values".

public import IdentityNormalization
public import Models

/// How `clm import` reads values: the options that differ between sources.
public struct ValueReadingOptions: Sendable, Hashable {
    /// How money amounts are written.
    public enum MoneyUnit: String, Sendable, Hashable, CaseIterable {
        /// Major units (元), `1234.50`: the catalogue's rule.
        case major
        /// Integer minor units (分), `123450`.
        case minor
        /// Minor units for columns named `*_fen`, `*_cents` or `*_minor` (the generated book's `premium_fen`),
        /// major units otherwise.
        case auto
    }

    /// Money fields (catalogue names) whose values are integer minor units; the others are major units.
    public var minorUnitFields: Set<String>
    /// How to read `NN/NN/YYYY` when both numbers are 12 or less; nil rejects such dates as ambiguous.
    public var dayMonthOrder: BirthDateParser.DayMonthOrder?
    /// Offset from UTC, in seconds, of times written without one (`2024-03-01 09:30`); Beijing time by default.
    public var utcOffsetSeconds: Int
    /// The currency of amounts when the record has no `currency` field.
    public var defaultCurrency: String

    public init(minorUnitFields: Set<String> = [], dayMonthOrder: BirthDateParser.DayMonthOrder? = nil,
                utcOffsetSeconds: Int = 8 * 3600, defaultCurrency: String = "CNY") {
        self.minorUnitFields = minorUnitFields
        self.dayMonthOrder = dayMonthOrder
        self.utcOffsetSeconds = utcOffsetSeconds
        self.defaultCurrency = defaultCurrency
    }

    /// The money fields of a mapping that hold minor units under `unit`: all of them for `.minor`, those fed by a
    /// column named `*_fen`, `*_cents` or `*_minor` for `.auto`, none for `.major`.
    public static func minorUnitFields(of mapping: ResolvedMapping, unit: MoneyUnit) -> Set<String> {
        var fields: Set<String> = []
        for entry in mapping.fields {
            guard case .money = entry.field.valueType else { continue }
            switch unit {
            case .major: break
            case .minor: fields.insert(entry.field.name)
            case .auto:
                let suffixes = ["_fen", "_cents", "_minor"]
                if entry.columns.contains(where: { column in suffixes.contains { column.lowercased().hasSuffix($0) } }) {
                    fields.insert(entry.field.name)
                }
            }
        }
        return fields
    }
}

/// The readers of single values. Each returns the value, or what is wrong with the text as a phrase that follows
/// the quoted value in a rejection: `"x" is not an integer`.
public enum ValueReading {
    /// A whole number, optionally signed; full-width digits are read too.
    public static func integer(_ text: String) -> Result<Int64, ValueProblem> {
        let clean = TextNormalizer.clean(text)
        guard let value = Int64(clean.hasPrefix("+") ? String(clean.dropFirst()) : clean) else {
            return .failure(ValueProblem("is not an integer"))
        }
        return .success(value)
    }

    /// A whole number within `range`.
    public static func integer(_ text: String, in range: ClosedRange<Int64>) -> Result<Int64, ValueProblem> {
        integer(text).flatMap { value in
            range.contains(value)
                ? .success(value)
                : .failure(ValueProblem("is not between \(range.lowerBound) and \(range.upperBound)"))
        }
    }

    /// A decimal number (`0.5`, `.5`, `1e-2`), or a percentage (`50%` is 0.5).
    public static func decimal(_ text: String) -> Result<Double, ValueProblem> {
        var clean = TextNormalizer.clean(text)
        var scale = 1.0
        if clean.hasSuffix("%") {
            clean.removeLast()
            scale = 0.01
        }
        guard !clean.isEmpty, clean.allSatisfy({ $0.isASCII }), let value = Double(clean), value.isFinite else {
            return .failure(ValueProblem("is not a number"))
        }
        return .success(value * scale)
    }

    /// Yes or no: `true`/`false`, `1`/`0`, `Y`/`N`, `yes`/`no`, `T`/`F`, `是`/`否` (case ignored).
    public static func boolean(_ text: String) -> Result<Bool, ValueProblem> {
        switch TextNormalizer.clean(text).lowercased() {
        case "true", "1", "y", "yes", "t", "是", "有": .success(true)
        case "false", "0", "n", "no", "f", "否", "无": .success(false)
        default: .failure(ValueProblem("is not yes or no (true/false, 1/0, Y/N, 是/否)"))
        }
    }

    /// The digits after the decimal point of a currency's amounts (ISO 4217): 2 unless listed.
    public static func minorDigits(of currency: String) -> Int {
        switch currency {
        case "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG": 0
        case "BHD", "KWD", "JOD", "OMR", "TND", "IQD", "LYD": 3
        default: 2
        }
    }

    /// An ISO 4217 currency code; `人民币`, `RMB` and `元` read as CNY.
    public static func currency(_ text: String) -> Result<String, ValueProblem> {
        let clean = TextNormalizer.clean(text).uppercased()
        switch clean {
        case "人民币", "RMB", "元", "CNH": return .success("CNY")
        case "美元": return .success("USD")
        case "港币", "港元": return .success("HKD")
        default: break
        }
        guard clean.count == 3, clean.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return .failure(ValueProblem("is not an ISO 4217 currency code (CNY, USD…)"))
        }
        return .success(clean)
    }

    /// An amount in integer minor units of `currency`.
    /// - Parameter minorUnits: the text is already in minor units (分): a whole number. Otherwise it is in major
    ///   units with at most the currency's decimal places, thousands separated by commas if at all, and may start
    ///   with ¥ or end with 元.
    public static func money(_ text: String, currency: String, minorUnits: Bool) -> Result<Int64, ValueProblem> {
        var clean = TextNormalizer.clean(text).replacing(" ", with: "")
        if minorUnits {
            guard let value = Int64(clean.hasPrefix("+") ? String(clean.dropFirst()) : clean) else {
                return .failure(ValueProblem("is not a whole number of minor units (分)"))
            }
            return .success(value)
        }
        var negative = false
        if clean.hasPrefix("-") || clean.hasPrefix("+") {
            negative = clean.hasPrefix("-")
            clean.removeFirst()
        }
        for symbol in ["¥", "￥", "CN¥", "RMB", "$", "US$", "HK$"] where clean.hasPrefix(symbol) {
            clean.removeFirst(symbol.count)
            break
        }
        if clean.hasSuffix("元") { clean.removeLast() }
        let digits = minorDigits(of: currency)
        let problem = ValueProblem("is not an amount (e.g. 1234.50 or 1,234.50)")
        let parts = clean.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return .failure(problem) }
        // Thousands separators: groups of three after the first group.
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) || whole.isEmpty,
              groups.count == 1 || groups.dropFirst().allSatisfy({ $0.count == 3 }) && groups[0].count <= 3
        else { return .failure(problem) }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit), !(whole.isEmpty && fraction.isEmpty) else { return .failure(problem) }
        while fraction.count > digits, fraction.last == "0" { fraction.removeLast() }
        guard fraction.count <= digits else {
            return .failure(ValueProblem("has more than \(digits) decimal place\(digits == 1 ? "" : "s") for \(currency)"))
        }
        fraction += String(repeating: "0", count: digits - fraction.count)
        let text = groups.joined() + fraction
        guard let magnitude = Int64(text.isEmpty ? "0" : text) else { return .failure(ValueProblem("is too large")) }
        return .success(negative ? -magnitude : magnitude)
    }

    /// A calendar date in any of `BirthDateParser`'s formats, with no plausibility rule (an end date may be in the
    /// future).
    public static func date(_ text: String, order: BirthDateParser.DayMonthOrder?) -> Result<CalendarDate, ValueProblem> {
        let parsed = BirthDateParser.parseDate(text, order: order)
        if let value = parsed.value { return .success(value) }
        if parsed.has(.ambiguousDate) {
            return .failure(ValueProblem("is ambiguous (day and month could be either way; --date-order settles it)"))
        }
        if parsed.has(.invalidDate) { return .failure(ValueProblem("is not a calendar date")) }
        return .failure(ValueProblem("is not a date (YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY年M月D日…)"))
    }

    /// An instant: a date in any of ``date(_:order:)``'s formats, optionally followed (after `T` or a space) by
    /// `HH:MM[:SS[.fraction]]` and an offset (`Z`, `+08:00`, `+0800`, `+08`); a time without an offset is at
    /// `utcOffsetSeconds`, and a date alone is its midnight there.
    public static func timestamp(_ text: String, order: BirthDateParser.DayMonthOrder?,
                                 utcOffsetSeconds: Int) -> Result<Timestamp, ValueProblem> {
        let clean = TextNormalizer.clean(text)
        let problem = ValueProblem("is not a time (2024-03-01T09:30:00+08:00, 2024-03-01 09:30, or a date)")
        var datePart = Substring(clean)
        var timePart: Substring = ""
        if let cut = clean.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = clean[..<cut]
            timePart = clean[clean.index(after: cut)...]
        }
        let date: CalendarDate
        switch Self.date(String(datePart), order: order) {
        case .success(let value): date = value
        case .failure: return .failure(problem)
        }
        var seconds = Int64(days(from: date)) * 86_400
        var micros: Int64 = 0
        var offset = Int64(utcOffsetSeconds)
        if !timePart.isEmpty {
            // Split off the offset: Z, or the last + or - (a date part has no sign here).
            var clock = timePart
            if clock.hasSuffix("Z") || clock.hasSuffix("z") {
                clock = clock.dropLast()
                offset = 0
            } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                guard let parsed = Self.offset(clock[sign...]) else { return .failure(problem) }
                offset = parsed
                clock = clock[..<sign]
            }
            clock = Substring(clock.trimmingSuffix(" "))
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count), fields[0].count <= 2, fields[1].count == 2,
                  let hour = Int64(fields[0]), let minute = Int64(fields[1]), (0...23).contains(hour),
                  (0...59).contains(minute)
            else { return .failure(problem) }
            var second: Int64 = 0
            if fields.count == 3 {
                let secondParts = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                guard secondParts[0].count == 2, let whole = Int64(secondParts[0]), (0...60).contains(whole) else {
                    return .failure(problem)
                }
                second = min(whole, 59)
                if secondParts.count == 2 {
                    let digits = secondParts[1]
                    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return .failure(problem) }
                    let six = String((digits + "000000").prefix(6))
                    micros = Int64(six)!
                }
            }
            seconds += hour * 3600 + minute * 60 + second
        }
        return .success(Timestamp(unixMicros: (seconds - offset) * 1_000_000 + micros))
    }

    /// `+08:00`, `+0800`, `+08`, `-05:30` in seconds east of UTC.
    static func offset(_ text: Substring) -> Int64? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let hours = Int64(digits.prefix(2))!
        let minutes = digits.count == 4 ? Int64(digits.suffix(2))! : 0
        guard hours <= 18, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Reads a UTC offset option: `+08:00`, `+0800`, `+08`, `-05:30`, `Z` or `UTC`.
    public static func utcOffset(_ text: String) -> Int? {
        let clean = text.trimmed
        if clean == "Z" || clean.uppercased() == "UTC" { return 0 }
        return offset(Substring(clean)).map(Int.init)
    }

    /// Days from 1970-01-01 to `date` (proleptic Gregorian; H. Hinnant's days_from_civil).
    public static func days(from date: CalendarDate) -> Int {
        let month = Int(date.month), day = Int(date.day)
        let year = Int(date.year) - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// What is wrong with a value, as the end of a sentence that starts with the field and the quoted value.
public struct ValueProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var text = self
        while text.last == character { text = text.dropLast() }
        return text
    }
}
