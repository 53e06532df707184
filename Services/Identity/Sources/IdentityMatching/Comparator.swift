/// A reusable test of whether two values agree at some level: exact, exact on a derived key, Jaro–Winkler above a
/// threshold, Damerau–Levenshtein within a distance, token and initial compatibility for names, and date tests.
///
/// Comparators are combined into ordered ``ComparisonLevel``s of a ``FieldComparison``; the first level that holds
/// for a pair of values is the level the pair reaches.
public struct Comparator: Sendable {
    enum Kind: Sendable {
        case exact
        case derivedExact(DerivedKey)
        case jaroWinkler(Double)
        case damerauLevenshtein(Int)
        case sameTokens
        case initialsCompatible
        case sameDate
        case sameYearAndMonth
        case dayMonthTransposed
        case dateOneDigitOff
        case dateWithin(years: Int)
        case custom(name: String, holds: @Sendable (String, String) -> Bool)
    }

    let kind: Kind

    /// The values are identical. Term-frequency adjustment applies to this level.
    public static let exact = Comparator(kind: .exact)

    /// The values' derived keys are identical (pinyin, Soundex, …). Term-frequency adjustment applies, by the
    /// frequency of the key.
    public static func exact(on key: DerivedKey) -> Comparator { Comparator(kind: .derivedExact(key)) }

    /// Jaro–Winkler similarity of at least `threshold` (0…1).
    public static func jaroWinkler(atLeast threshold: Double) -> Comparator { Comparator(kind: .jaroWinkler(threshold)) }

    /// Damerau–Levenshtein (optimal string alignment) distance of at most `distance` edits.
    public static func damerauLevenshtein(atMost distance: Int) -> Comparator {
        Comparator(kind: .damerauLevenshtein(distance))
    }

    /// The same tokens in any order ("smith john" ≡ "john smith").
    public static let sameTokens = Comparator(kind: .sameTokens)

    /// Every token of the shorter name stands for a distinct token of the other, whole or as an initial
    /// ("j" ≡ "john", "j smith" ≡ "john smith", "john" ≡ "john paul").
    public static let initialsCompatible = Comparator(kind: .initialsCompatible)

    /// The same calendar date (values parsed as `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`).
    public static let sameDate = Comparator(kind: .sameDate)

    /// The same year and month.
    public static let sameYearAndMonth = Comparator(kind: .sameYearAndMonth)

    /// The same year with day and month swapped.
    public static let dayMonthTransposed = Comparator(kind: .dayMonthTransposed)

    /// Exactly one of the eight digits `YYYYMMDD` differs.
    public static let dateOneDigitOff = Comparator(kind: .dateOneDigitOff)

    /// The dates lie at most `years` years apart.
    public static func dateWithin(years: Int) -> Comparator { Comparator(kind: .dateWithin(years: years)) }

    /// Any other test, on the raw normalised values. It runs per comparison, so keep it cheap.
    /// - Parameters:
    ///   - name: a stable name, shown in explanations.
    ///   - holds: whether the two values agree at this level.
    public static func custom(_ name: String, _ holds: @escaping @Sendable (String, String) -> Bool) -> Comparator {
        Comparator(kind: .custom(name: name, holds: holds))
    }

    /// A short description for explanations: `exact`, `jaro-winkler>=0.92`, …
    public var description: String {
        switch kind {
        case .exact: "exact"
        case .derivedExact(let key): "exact-\(key.name)"
        case .jaroWinkler(let threshold): "jaro-winkler>=\(threshold)"
        case .damerauLevenshtein(let distance): "damerau-levenshtein<=\(distance)"
        case .sameTokens: "same-tokens"
        case .initialsCompatible: "initials-compatible"
        case .sameDate: "same-date"
        case .sameYearAndMonth: "same-year-month"
        case .dayMonthTransposed: "day-month-transposed"
        case .dateOneDigitOff: "date-one-digit-off"
        case .dateWithin(let years): "date-within-\(years)y"
        case .custom(let name, _): name
        }
    }

    /// Whether term-frequency adjustment can apply: only agreements on one specific value have a frequency.
    var isExactAgreement: Bool {
        switch kind {
        case .exact, .derivedExact, .sameDate: true
        default: false
        }
    }
}

/// One level of a field comparison: a label and the comparator that decides it.
public struct ComparisonLevel: Sendable {
    /// The label shown in explanations; defaults to the comparator's description.
    public var label: String
    /// The test for this level.
    public var comparator: Comparator

    /// Creates a level.
    public init(_ comparator: Comparator, label: String? = nil) {
        self.comparator = comparator
        self.label = label ?? comparator.description
    }
}
