/// The outcome of normalising one source value: the value as given, the normalised value when it is usable, and
/// what was wrong with it.
///
/// An invalid value is kept as given (`raw`), flagged (`problems`), and not used for matching (`value` is `nil`);
/// the record that carries it is still accepted. A value can be usable and still carry warnings, for example a
/// valid resident ID whose derived birth date disagrees with the birth date given in the same record.
public struct Normalized<Value: Sendable>: Sendable {
    /// The value exactly as the source gave it.
    public var raw: String
    /// The normalised value, or `nil` when the value was empty or invalid; only this is used for matching.
    public var value: Value?
    /// Everything found wrong, in the order found; empty for a clean value.
    public var problems: [NormalizationProblem]
    /// Whether the normaliser had to repair the value beyond removing separators, width and case (a 15-digit
    /// resident ID upgraded to 18, a `+86` prefix stripped, a Chinese numeral converted...).
    public var repaired: Bool

    /// Creates a result.
    /// - Parameters:
    ///   - raw: the value as given.
    ///   - value: the normalised value, `nil` when not usable.
    ///   - problems: what was wrong, errors and warnings.
    ///   - repaired: whether a repair was needed.
    public init(raw: String, value: Value?, problems: [NormalizationProblem] = [], repaired: Bool = false) {
        self.raw = raw
        self.value = value
        self.problems = problems
        self.repaired = repaired
    }

    /// A result for a value that was not given (empty or only whitespace): no value and no problem.
    public static func empty(_ raw: String) -> Normalized<Value> {
        Normalized(raw: raw, value: nil)
    }

    /// A result for an invalid value: kept as given, not usable, flagged with `problems`.
    public static func invalid(_ raw: String, _ problems: [NormalizationProblem]) -> Normalized<Value> {
        Normalized(raw: raw, value: nil, problems: problems)
    }

    /// Whether the value may be used for matching (it was given and passed every check that makes it invalid).
    public var isUsable: Bool { value != nil }

    /// The four-way verdict carried on the wire as `FieldValidity`.
    public var validity: Validity {
        if let _ = value { return repaired ? .repaired : .valid }
        return problems.isEmpty ? .empty : .invalid
    }

    /// Whether a problem with `code` was found.
    public func has(_ code: NormalizationProblem.Code) -> Bool {
        problems.contains { $0.code == code }
    }

    /// The same result with its value transformed; problems and flags are kept.
    public func map<Other: Sendable>(_ transform: (Value) -> Other) -> Normalized<Other> {
        Normalized<Other>(raw: raw, value: value.map(transform), problems: problems, repaired: repaired)
    }

    /// What a normalised value is worth (identity.proto `FieldValidity`).
    public enum Validity: String, Sendable, Hashable, CaseIterable {
        /// Passed every check.
        case valid
        /// Failed a check: kept as given, flagged, never used to link.
        case invalid
        /// Not given.
        case empty
        /// Valid after a repair.
        case repaired
    }
}

extension Normalized: Equatable where Value: Equatable {}
extension Normalized: Hashable where Value: Hashable {}

/// One thing wrong with a source value: a typed code, whether it makes the value unusable, and a message for people.
public struct NormalizationProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public var code: Code
    /// `.error` problems make the value unusable; `.warning` problems leave it usable but flagged.
    public var severity: Severity
    /// A human-readable explanation naming the offending part, e.g. "check character does not match the first 17
    /// digits".
    ///
    /// A message never quotes the value or any part of it (nor what a number encodes, such as its birth date): it
    /// travels as a field check's note into answers that show the value masked, and always next to the value, so
    /// it says what is wrong with it, not what it is. A length may be stated; masking keeps lengths visible anyway.
    public var message: String

    /// Creates a problem.
    /// - Parameters:
    ///   - code: the kind of problem.
    ///   - severity: whether it makes the value unusable; defaults to `.error`.
    ///   - message: an explanation for people.
    public init(_ code: Code, severity: Severity = .error, _ message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// Whether a problem invalidates the value.
    public enum Severity: String, Sendable, Hashable {
        /// The value is not usable for matching.
        case error
        /// The value is usable but something about it (or the record around it) is suspicious.
        case warning
    }

    /// The kinds of problem a normaliser reports.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// A character that the format does not allow.
        case invalidCharacters
        /// Too short or too long for the format.
        case invalidLength
        /// The right characters in the wrong arrangement.
        case invalidFormat
        /// A check digit or check character that does not match the rest of the value.
        case invalidCheckCharacter
        /// An administrative region or country code that does not exist.
        case invalidRegion
        /// A date that is not a real calendar date (e.g. 30 February).
        case invalidDate
        /// A value systems write for "unknown" (1900-01-01 as a birth date).
        case placeholderValue
        /// A birth date after today.
        case dateInFuture
        /// A birth date before the earliest plausible year (1880).
        case dateTooEarly
        /// A date such as 03/04/1990 that could be day-month or month-day.
        case ambiguousDate
        /// The birth date derived from an ID number differs from the one given in the record (warning).
        case birthDateMismatch
        /// The sex derived from an ID number differs from the one given in the record (warning).
        case sexMismatch
        /// A phone number that is neither a mainland mobile or landline nor carries a country code.
        case notAMobileNumber
        /// A value that looks like a phone number but cannot be one.
        case invalidPhoneNumber
        /// An e-mail address that fails the syntax check.
        case invalidEmail
        /// A person's name containing digits or other symbols (warning).
        case suspiciousName
        /// Parts of an address that no rule recognised (warning; the recognised parts are kept).
        case unparsedAddress
    }
}
