public import Models

/// A valid identity document number with its type, compared on both.
public struct DocumentNumber: Sendable, Hashable, CustomStringConvertible {
    /// The kind of document.
    public var type: DocumentType
    /// The number in its normal form: separators removed, upper case.
    public var number: String
    /// For resident ID numbers (and household register entries that are one), what the number encodes.
    public var residentID: ResidentID?

    /// Creates the value; use `DocumentNormalizer.normalize` to obtain a checked one.
    public init(type: DocumentType, number: String, residentID: ResidentID? = nil) {
        self.type = type
        self.number = number
        self.residentID = residentID
    }

    /// `type:number`.
    public var description: String { "\(type.code):\(number)" }
}

/// Checks and normalises identity document numbers of every `DocumentType`.
///
/// All types: width folded, spaces, hyphens and brackets removed, upper case; a number made of one repeated
/// character (`000000`, `XXXXXX`) is a placeholder and invalid. Rules per type (check characters only where a
/// standard documents one):
/// - resident ID: `ResidentIDNormalizer` (GB 11643 check character, 15 → 18 upgrade, birth date and sex);
/// - passport: 5–20 letters and digits (any country; no check digit outside the machine-readable zone);
/// - Hong Kong / Macao permit: `H` or `M` then 8 digits (since 2013) or 10 digits (older cards);
/// - Taiwan permit: 8 digits (since 2015) or 10 digits with an optional letter (older cards);
/// - foreign permanent resident ID: 3 letters (ISO 3166 nationality) then 12 digits (2004 and 2017 cards), or
///   18 digits starting with 9 with the GB 11643 check character (2023 card);
/// - military ID: formats differ by service and era (`南字第1234567号`...), so 4–20 letters, digits and Chinese
///   characters with at least 4 digits;
/// - household register: a resident ID number when it has that shape, otherwise 5–20 letters and digits;
/// - birth certificate: 5–20 letters and digits (usually one letter and 9 digits; not enforced);
/// - unified social credit code: `UnifiedSocialCreditCodeNormalizer` (GB 32100 check character);
/// - business registration: 15-digit registration number (ISO 7064 MOD 11,10 check), 9-character organisation
///   code (GB 11714 check), or a 13-digit registration number from before 2007 (no check);
/// - other: 2–40 letters, digits and Chinese characters.
public enum DocumentNormalizer {
    /// Normalises one document number of a known type.
    /// - Parameters:
    ///   - raw: the number as given.
    ///   - type: the document type.
    ///   - declaredBirthDate: the record's birth date, cross-checked against resident ID numbers.
    ///   - declaredSex: the record's sex, cross-checked against resident ID numbers.
    ///   - today: the reference date for birth dates; today by default.
    public static func normalize(
        _ raw: String, type: DocumentType, declaredBirthDate: CalendarDate? = nil, declaredSex: Sex? = nil,
        today: CalendarDate? = nil
    ) -> Normalized<DocumentNumber> {
        switch type {
        case .residentID:
            return ResidentIDNormalizer.normalize(raw, declaredBirthDate: declaredBirthDate, declaredSex: declaredSex,
                                                  today: today)
                .map { DocumentNumber(type: .residentID, number: $0.number, residentID: $0) }
        case .unifiedSocialCreditCode:
            return UnifiedSocialCreditCodeNormalizer.normalize(raw)
                .map { DocumentNumber(type: .unifiedSocialCreditCode, number: $0.code) }
        case .householdRegister:
            let number = compact(raw)
            if number.count == 15 || number.count == 18, number.dropLast().allSatisfy(\.isASCIIDigit) {
                return ResidentIDNormalizer.normalize(raw, declaredBirthDate: declaredBirthDate,
                                                      declaredSex: declaredSex, today: today)
                    .map { DocumentNumber(type: .householdRegister, number: $0.number, residentID: $0) }
            }
            return check(raw, type: type, rule: alphanumeric(5...20))
        case .passport, .birthCertificate:
            return check(raw, type: type, rule: alphanumeric(5...20))
        case .hkMacaoPermit:
            return check(raw, type: type, rule: pattern("H or M followed by 8 or 10 digits") { number in
                number.count == 9 || number.count == 11 ? ["H", "M"].contains(number.first!) &&
                    number.dropFirst().allSatisfy(\.isASCIIDigit) : false
            })
        case .taiwanPermit:
            return check(raw, type: type, rule: pattern("8 digits, or 10 digits and an optional letter") { number in
                let digits = number.prefix { $0.isASCIIDigit }.count
                return (number.count == 8 && digits == 8) || (digits == 10 && number.count == 10)
                    || (digits == 10 && number.count == 11 && number.last!.isLetter)
            })
        case .foreignPermanentResidentID:
            return foreignPermanentResident(raw)
        case .militaryID:
            return check(raw, type: type, rule: pattern("4–20 letters, digits and Chinese characters with 4+ digits") {
                number in
                (4...20).contains(number.count) && number.filter(\.isASCIIDigit).count >= 4
                    && number.allSatisfy { $0.isASCIIDigit || $0.isASCIIUpper || TextNormalizer.isHan($0) }
            })
        case .businessRegistration:
            return businessRegistration(raw)
        case .other:
            return check(raw, type: type, rule: pattern("2–40 letters, digits and Chinese characters") { number in
                (2...40).contains(number.count)
                    && number.allSatisfy { $0.isASCIIDigit || $0.isASCIIUpper || TextNormalizer.isHan($0) }
            })
        }
    }

    // MARK: - Rules

    private typealias Rule = (String) -> NormalizationProblem?

    private static func check(_ raw: String, type: DocumentType, rule: Rule) -> Normalized<DocumentNumber> {
        let number = compact(raw)
        if number.isEmpty { return .empty(raw) }
        if let problem = rule(number) { return .invalid(raw, [problem]) }
        if number.count > 1, Set(number).count == 1 {
            return .invalid(raw, [NormalizationProblem(.invalidFormat,
                                                       "one character repeated: a placeholder, not a number")])
        }
        return Normalized(raw: raw, value: DocumentNumber(type: type, number: number))
    }

    private static func alphanumeric(_ lengths: ClosedRange<Int>) -> Rule {
        { number in
            let bad = number.filter { !($0.isASCIIDigit || $0.isASCIIUpper) }
            if !bad.isEmpty {
                return NormalizationProblem(.invalidCharacters, "characters other than letters and digits")
            }
            if !lengths.contains(number.count) {
                return NormalizationProblem(.invalidLength,
                                            "\(number.count) characters; expected \(lengths.lowerBound)–\(lengths.upperBound)")
            }
            return nil
        }
    }

    private static func pattern(_ expected: String, _ matches: @escaping (String) -> Bool) -> Rule {
        { number in matches(number) ? nil : NormalizationProblem(.invalidFormat, "expected \(expected)") }
    }

    private static func foreignPermanentResident(_ raw: String) -> Normalized<DocumentNumber> {
        let number = compact(raw)
        if number.count == 18, number.first == "9" {
            let body = String(number.prefix(17))
            guard let expected = ResidentIDNormalizer.checkCharacter(for: body) else {
                return .invalid(raw, [NormalizationProblem(.invalidCharacters, "expected 18 digits")])
            }
            guard number.last == expected else {
                return .invalid(raw, [NormalizationProblem(.invalidCheckCharacter,
                                                           "check character does not match the first 17 digits")])
            }
            return Normalized(raw: raw, value: DocumentNumber(type: .foreignPermanentResidentID, number: number))
        }
        return check(raw, type: .foreignPermanentResidentID,
                     rule: pattern("3 letters and 12 digits, or 18 digits starting with 9") { number in
                         number.count == 15 && number.prefix(3).allSatisfy(\.isASCIIUpper)
                             && number.dropFirst(3).allSatisfy(\.isASCIIDigit)
                     })
    }

    private static func businessRegistration(_ raw: String) -> Normalized<DocumentNumber> {
        check(raw, type: .businessRegistration) { number in
            switch number.count {
            case 15 where number.allSatisfy(\.isASCIIDigit):
                return LegacyBusinessCodes.registrationNumberIsValid(number)
                    ? nil : NormalizationProblem(.invalidCheckCharacter, "fails the MOD 11,10 check")
            case 13 where number.allSatisfy(\.isASCIIDigit):
                return nil
            case 9:
                return LegacyBusinessCodes.organisationCodeIsValid(number)
                    ? nil : NormalizationProblem(.invalidCheckCharacter, "fails the GB 11714 check")
            default:
                return NormalizationProblem(.invalidFormat,
                                            "expected 15 or 13 digits, or a 9-character organisation code")
            }
        }
    }

    /// Width folded, upper case, with spaces, hyphens, dots, slashes and brackets removed.
    static func compact(_ raw: String) -> String {
        TextNormalizer.foldWidth(raw).uppercased().filter { !($0.isWhitespace || removable.contains($0)) }
    }

    private static let removable: Set<Character> = ["-", "‐", "‑", "–", "—", "_", ".", "/", "(", ")", "[", "]"]
}

extension Character {
    /// `A`…`Z` only.
    var isASCIIUpper: Bool { isASCII && isUppercase }
}
