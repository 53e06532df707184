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
        var number = compact.uppercased()
        var upgraded = false
        switch number.count {
        case 18:
            guard number.dropLast().allSatisfy(\.isASCIIDigit), number.last!.isASCIIDigit || number.last == "X" else {
                return .invalid(raw, [characterProblem(number)])
            }
        case 15:
            guard number.allSatisfy(\.isASCIIDigit) else { return .invalid(raw, [characterProblem(number)]) }
            let body = String(number.prefix(6)) + "19" + String(number.dropFirst(6))
            number = body + String(checkCharacter(for: body)!)
            upgraded = true
        default:
            guard number.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) else {
                return .invalid(raw, [characterProblem(number)])
            }
            return .invalid(raw, [NormalizationProblem(.invalidLength, "\(number.count) characters; expected 18 (or 15)")])
        }
        let digits = Array(number)
        let province = Int(String(digits[0...1]))!
        guard validProvinceCodes.contains(province) else {
            return .invalid(raw, [NormalizationProblem(.invalidRegion, "first two digits not a province-level code")])
        }
        let year = Int32(String(digits[6...9]))!
        let month = Int32(String(digits[10...11]))!
        let day = Int32(String(digits[12...13]))!
        let dateProblems = CalendarRules.birthDateProblems(
            year: year, month: month, day: day, today: today ?? CalendarRules.today())
        if !dateProblems.isEmpty { return .invalid(raw, dateProblems) }
        let expected = checkCharacter(for: String(digits[0..<17]))!
        guard digits[17] == expected else {
            return .invalid(raw, [NormalizationProblem(.invalidCheckCharacter,
                                                       "check character does not match the first 17 digits")])
        }
        let value = ResidentID(
            number: number, birthDate: CalendarDate(year: year, month: month, day: day),
            sex: Int(String(digits[16]))! % 2 == 1 ? .male : .female, upgradedFromLegacy: upgraded)
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
        guard body.count == 17, body.allSatisfy(\.isASCIIDigit) else { return nil }
        var sum = 0
        var weight = 1  // 2^0; the last body digit has weight 2^1, so walk from the end.
        for character in body.reversed() {
            weight = weight * 2 % 11
            sum += Int(character.asciiValue! - 48) * weight
        }
        let check = (12 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    /// The raw value width-folded with spaces and hyphens removed.
    static func compacted(_ raw: String) -> String {
        TextNormalizer.foldWidth(raw).filter { !($0.isWhitespace || separators.contains($0)) }
    }

    private static func characterProblem(_ number: String) -> NormalizationProblem {
        let misplacedX = number.allSatisfy { $0.isASCIIDigit || $0 == "X" }
        let found = misplacedX ? "X before the last position" : "characters other than digits and X"
        return NormalizationProblem(.invalidCharacters, "\(found); expected digits and a final X")
    }

    private static let separators: Set<Character> = ["-", "‐", "‑", "–", "—", "_", "."]

    // Province-level codes of GB/T 2260, plus 81–83 used by residence permits for HK, Macao and Taiwan residents.
    private static let validProvinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
