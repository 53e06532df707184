/// How one field of two records is compared: an ordered list of levels, the first that holds winning.
///
/// Two levels are implicit: *null* when either record lacks the field (weight 0), before the listed levels, and
/// *else* (the values differ) after them. A multi-valued field (several phones) reaches the best level over all
/// pairs of values, so "any phone in common" is simply an exact level on the phone field.
public struct FieldComparison: Sendable {
    /// The field name in ``MatchRecord/fields``.
    public var field: String
    /// The levels, strongest first.
    public var levels: [ComparisonLevel]
    /// Whether exact agreements are weighted by the frequency of the agreeing value, so that a common value counts
    /// for less than a rare one.
    public var termFrequencyAdjusted: Bool

    /// Creates a field comparison.
    /// - Parameters:
    ///   - field: the field name in ``MatchRecord/fields``.
    ///   - levels: the levels, strongest first; *null* and *else* are added by the matcher.
    ///   - termFrequencyAdjusted: whether exact agreements are weighted by the agreeing value's frequency.
    public init(_ field: String, levels: [ComparisonLevel], termFrequencyAdjusted: Bool = true) {
        self.field = field
        self.levels = levels
        self.termFrequencyAdjusted = termFrequencyAdjusted
    }

    /// The labels of all levels the model holds parameters for, index 0 being *null* and the last *else*.
    public var levelLabels: [String] { ["null"] + levels.map(\.label) + ["else"] }
}

extension FieldComparison {
    /// A person or organisation name, Latin or Chinese: exact; same pinyin (homophones, traditional forms); same
    /// tokens in another order; Jaro–Winkler ≥ 0.92; initials compatible; Jaro–Winkler ≥ 0.80.
    public static func name(_ field: String) -> FieldComparison {
        FieldComparison(field, levels: [
            ComparisonLevel(.exact),
            ComparisonLevel(.exact(on: .pinyin)),
            ComparisonLevel(.sameTokens),
            ComparisonLevel(.jaroWinkler(atLeast: 0.92)),
            ComparisonLevel(.initialsCompatible),
            ComparisonLevel(.jaroWinkler(atLeast: 0.80)),
        ])
    }

    /// A date (birth date): exact; day and month swapped; one digit off; same year and month; within two years.
    public static func date(_ field: String) -> FieldComparison {
        FieldComparison(field, levels: [
            ComparisonLevel(.sameDate),
            ComparisonLevel(.dayMonthTransposed),
            ComparisonLevel(.dateOneDigitOff),
            ComparisonLevel(.sameYearAndMonth),
            ComparisonLevel(.dateWithin(years: 2)),
        ])
    }

    /// A code typed by hand — phone, postcode, house number, document number: exact; one edit; two edits.
    public static func code(_ field: String) -> FieldComparison {
        FieldComparison(field, levels: [
            ComparisonLevel(.exact),
            ComparisonLevel(.damerauLevenshtein(atMost: 1)),
            ComparisonLevel(.damerauLevenshtein(atMost: 2)),
        ])
    }

    /// Free text such as an address line, street or town: exact; Jaro–Winkler ≥ 0.92; ≥ 0.80.
    public static func text(_ field: String) -> FieldComparison {
        FieldComparison(field, levels: [
            ComparisonLevel(.exact),
            ComparisonLevel(.jaroWinkler(atLeast: 0.92)),
            ComparisonLevel(.jaroWinkler(atLeast: 0.80)),
        ])
    }

    /// A small closed set of values (sex, state, document type): exact only, no term-frequency adjustment.
    public static func category(_ field: String) -> FieldComparison {
        FieldComparison(field, levels: [ComparisonLevel(.exact)], termFrequencyAdjusted: false)
    }
}
