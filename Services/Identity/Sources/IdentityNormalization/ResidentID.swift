public import Models

/// A valid Chinese resident identity number (公民身份号码, GB 11643-1999) and what it encodes.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The 18-character number, check character `X` in upper case.
    public var number: String
    /// The first six digits: the administrative division where the number was issued (GB/T 2260).
    public var regionCode: String { String(number.prefix(6)) }
    /// The birth date encoded in digits 7–14.
    public var birthDate: CalendarDate
    /// The sex encoded by digit 17: odd is male, even is female.
    public var sex: Sex
    /// Whether the number was given in the 15-digit form of before 1999 and upgraded.
    public var upgradedFromLegacy: Bool

    /// Creates the value; use `ResidentIDNormalizer.normalize` to obtain a checked one.
    public init(number: String, birthDate: CalendarDate, sex: Sex, upgradedFromLegacy: Bool) {
        self.number = number
        self.birthDate = birthDate
        self.sex = sex
        self.upgradedFromLegacy = upgradedFromLegacy
    }

    /// The 18-character number.
    public var description: String { number }
}

/// Checks and normalises Chinese resident identity numbers (居民身份证号码).
///
/// Accepted input: 18 digits with an ISO 7064 MOD 11-2 check character (`0`–`9` or `X`, lower-case `x` accepted),
/// or the 15-digit legacy form (two-digit year, no check character), which is upgraded by inserting the century
/// `19` and computing the check character. Full-width digits and spaces or hyphens between digits are tolerated.
///
/// The number is invalid when: it has other characters or another length; the first two digits are not a
/// province-level code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, and 81–83, which residence permits for
/// Hong Kong, Macao and Taiwan residents use); the birth date is not a calendar date, is after today or before
/// 1880; or the check character is wrong. A birth date or sex given in the same record that disagrees with the
/// number is reported as a warning and the number stays usable.
public enum ResidentIDNormalizer {
    /// Normalises one resident ID number.
    /// - Parameters:
    ///   - raw: the number as given.
    ///   - declaredBirthDate: the birth date the record states, to cross-check; `nil` skips the check.
    ///   - declaredSex: the sex the record states, to cross-check; `nil` skips the check.
    ///   - today: the reference date for "birth date in the future"; today's local date by default.
    public static func normalize(
        _ raw: String, declaredBirthDate: CalendarDate? = nil, declaredSex: Sex? = nil, today: CalendarDate? = nil
    ) -> Normalized<ResidentID> {
        let compact = compacted(raw)
        if compact.isEmpty { return .empty(raw) }
        // Every usable number is ASCII; anything else is refused for its characters, whatever its length.
        guard compact.utf8.allSatisfy({ $0 < 0x80 }) else {
            return .invalid(raw, [characterProblem(compact.uppercased())])
        }
        var digits = compact.utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 0x20 : $0 }
        var upgraded = false
        switch digits.count {
        case 18:
            guard digits.dropLast().allSatisfy(isDigit), isDigit(digits[17]) || digits[17] == UInt8(ascii: "X") else {
                return .invalid(raw, [characterProblem(String(decoding: digits, as: UTF8.self))])
            }
        case 15:
            guard digits.allSatisfy(isDigit) else {
                return .invalid(raw, [characterProblem(String(decoding: digits, as: UTF8.self))])
            }
            digits = Array(digits[0..<6]) + [UInt8(ascii: "1"), UInt8(ascii: "9")] + digits[6...]
            digits.append(check(digits))
            upgraded = true
        default:
            let number = String(decoding: digits, as: UTF8.self)
            guard digits.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "X") }) else {
                return .invalid(raw, [characterProblem(number)])
            }
            return .invalid(raw, [NormalizationProblem(.invalidLength, "\(digits.count) characters; expected 18 (or 15)")])
        }
        guard validProvinceCodes.contains(Int(value(digits[0..<2]))) else {
            return .invalid(raw, [NormalizationProblem(.invalidRegion, "first two digits not a province-level code")])
        }
        let year = value(digits[6..<10]), month = value(digits[10..<12]), day = value(digits[12..<14])
        let dateProblems = CalendarRules.birthDateProblems(
            year: year, month: month, day: day, today: today ?? CalendarRules.today())
        if !dateProblems.isEmpty { return .invalid(raw, dateProblems) }
        guard digits[17] == check(digits) else {
            return .invalid(raw, [NormalizationProblem(.invalidCheckCharacter,
                                                       "check character does not match the first 17 digits")])
        }
        let value = ResidentID(
            number: String(decoding: digits, as: UTF8.self), birthDate: CalendarDate(year: year, month: month, day: day),
            sex: (digits[16] - UInt8(ascii: "0")) % 2 == 1 ? .male : .female, upgradedFromLegacy: upgraded)
        var warnings: [NormalizationProblem] = []
        if let declaredBirthDate, declaredBirthDate != value.birthDate {
            warnings.append(NormalizationProblem(.birthDateMismatch, severity: .warning,
                                                 "the birth date the number encodes differs from the record's"))
        }
        if let declaredSex, declaredSex != value.sex {
            warnings.append(NormalizationProblem(.sexMismatch, severity: .warning,
                                                 "the sex the number encodes differs from the record's"))
        }
        return Normalized(raw: raw, value: value, problems: warnings, repaired: upgraded)
    }

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits of a number: weights 2^(17−i) mod 11,
    /// check = (12 − Σ mod 11) mod 11, with 10 written `X`. `nil` unless `body` is 17 ASCII digits.
    public static func checkCharacter(for body: String) -> Character? {
        let digits = Array(body.utf8)
        guard digits.count == 17, digits.allSatisfy(isDigit) else { return nil }
        return Character(Unicode.Scalar(check(digits)))
    }

    /// The check character (ASCII) of the 17 digits `digits` starts with.
    private static func check(_ digits: [UInt8]) -> UInt8 {
        var sum = 0
        var weight = 1  // 2^0; the last body digit has weight 2^1, so walk from the end.
        for digit in digits[0..<17].reversed() {
            weight = weight * 2 % 11
            sum += Int(digit - UInt8(ascii: "0")) * weight
        }
        let check = (12 - sum % 11) % 11
        return check == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(check)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The number ASCII digits spell.
    private static func value(_ digits: ArraySlice<UInt8>) -> Int32 {
        digits.reduce(0) { $0 * 10 + Int32($1 - UInt8(ascii: "0")) }
    }

    /// The raw value width-folded with spaces and hyphens removed.
    static func compacted(_ raw: String) -> String {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII is its own width-folded form; its whitespace is tab to carriage return and space.
            return String(decoding: raw.utf8.filter { byte in
                !((0x09...0x0D).contains(byte) || byte == 0x20 || asciiSeparators.contains(byte))
            }, as: UTF8.self)
        }
        return TextNormalizer.foldWidth(raw).filter { !($0.isWhitespace || separators.contains($0)) }
    }

    private static func characterProblem(_ number: String) -> NormalizationProblem {
        let misplacedX = number.allSatisfy { $0.isASCIIDigit || $0 == "X" }
        let found = misplacedX ? "X before the last position" : "characters other than digits and X"
        return NormalizationProblem(.invalidCharacters, "\(found); expected digits and a final X")
    }

    private static let separators: Set<Character> = ["-", "‐", "‑", "–", "—", "_", "."]
    private static let asciiSeparators = separators.compactMap(\.asciiValue)

    // Province-level codes of GB/T 2260, plus 81–83 used by residence permits for HK, Macao and Taiwan residents.
    private static let validProvinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
    }
}
