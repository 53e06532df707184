/// A valid unified social credit code (统一社会信用代码, GB 32100-2015) and its parts.
public struct UnifiedSocialCreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters, upper case.
    public var code: String

    /// Creates the value; use `UnifiedSocialCreditCodeNormalizer.normalize` to obtain a checked one.
    public init(code: String) { self.code = code }

    /// Character 1: the registration authority (`9` market regulation, `5` civil affairs, `1` institutional
    /// staffing, `Y` others...).
    public var registrationAuthority: Character { code.first! }
    /// Character 2: the kind of organisation within that authority.
    public var organisationKind: Character { Array(code)[1] }
    /// Characters 3–8: the administrative division of the registering office (GB/T 2260).
    public var regionCode: String { String(Array(code)[2..<8]) }
    /// Characters 9–17: the organisation identifier (the former 组织机构代码, GB 11714, with its own check
    /// character last).
    public var organisationCode: String { String(Array(code)[8..<17]) }
    /// Whether the embedded organisation code passes its own GB 11714 check; informative only, since codes
    /// issued to some entity kinds do not carry a GB 11714 code.
    public var organisationCodeIsChecked: Bool { LegacyBusinessCodes.organisationCodeIsValid(organisationCode) }

    /// The 18 characters.
    public var description: String { code }
}

/// Checks and normalises unified social credit codes (统一社会信用代码).
///
/// 18 characters over the alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, Z, S, V); characters 3–8 are
/// digits; the last is the check character: with each character's index in the alphabet as its value and weights
/// 3^i mod 31 for i = 0…16, check = (31 − Σ mod 31) mod 31, written as the alphabet's character at that index.
/// Lower case, full width, spaces and hyphens are tolerated.
public enum UnifiedSocialCreditCodeNormalizer {
    /// The 31 characters a code may use, in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// Normalises one code.
    /// - Parameter raw: the code as given.
    public static func normalize(_ raw: String) -> Normalized<UnifiedSocialCreditCode> {
        let code = ResidentIDNormalizer.compacted(raw).uppercased()
        if code.isEmpty { return .empty(raw) }
        let bad = code.filter { values[$0] == nil }
        guard bad.isEmpty else {
            return .invalid(raw, [NormalizationProblem(.invalidCharacters, "characters outside the code alphabet")])
        }
        guard code.count == 18 else {
            return .invalid(raw, [NormalizationProblem(.invalidLength, "\(code.count) characters; expected 18")])
        }
        let characters = Array(code)
        guard characters[2..<8].allSatisfy(\.isASCIIDigit) else {
            return .invalid(raw, [NormalizationProblem(.invalidRegion, "characters 3–8 must be a six-digit region code")])
        }
        let expected = checkCharacter(for: String(characters[0..<17]))!
        guard characters[17] == expected else {
            return .invalid(raw, [NormalizationProblem(.invalidCheckCharacter,
                                                       "check character does not match the first 17 characters")])
        }
        return Normalized(raw: raw, value: UnifiedSocialCreditCode(code: code))
    }

    /// The check character for the first 17 characters of a code; `nil` unless `body` is 17 alphabet characters
    /// (upper case).
    public static func checkCharacter(for body: String) -> Character? {
        guard body.count == 17 else { return nil }
        var sum = 0
        var weight = 1
        for character in body {
            guard let value = values[character] else { return nil }
            sum += value * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    private static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })
}
