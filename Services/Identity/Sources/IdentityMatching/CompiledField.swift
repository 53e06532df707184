/// A field comparison turned into what comparing needs: each level as a test on prepared values, and the keys to
/// derive once per value.
///
/// A class, not a struct: the scoring loop reads it for every pair, and copying a struct of six arrays retained
/// each of them every time (a third of scoring time in a profile).
final class CompiledField: Sendable {
    /// A level's test on prepared values.
    enum Test: Sendable {
        /// Equal keys in the given slot of ``PreparedValue/keys``.
        case key(slot: Int)
        case jaroWinkler(Double)
        case damerauLevenshtein(Int)
        case sameTokens
        case initialsCompatible
        case sameYearAndMonth
        case dayMonthTransposed
        case dateOneDigitOff
        case dateWithin(years: Int)
        case custom(@Sendable (String, String) -> Bool)
    }

    /// What a key slot holds for a value.
    enum KeySource: Sendable {
        case raw
        case derived(DerivedKey)
        /// `YYYYMMDD` of a date, so that formats do not matter.
        case dateDigits
    }

    let field: String
    let labels: [String]
    let tests: [Test]
    let keySources: [KeySource]
    let termFrequencyAdjusted: Bool
    let needsDate: Bool
    let needsTokens: Bool
    /// The largest Damerau–Levenshtein bound of the field's levels: the distance is computed once, to that bound.
    let distanceLimit: Int

    /// Levels the model has parameters for: *null*, the listed ones, *else*.
    var levelCount: Int { tests.count + 2 }
    var elseLevel: Int { tests.count + 1 }

    init(_ comparison: FieldComparison) {
        var tests: [Test] = []
        var sources: [KeySource] = []
        var needsDate = false, needsTokens = false, distanceLimit = 0
        for level in comparison.levels {
            switch level.comparator.kind {
            case .exact:
                tests.append(.key(slot: sources.count))
                sources.append(.raw)
            case .derivedExact(let key):
                tests.append(.key(slot: sources.count))
                sources.append(.derived(key))
            case .sameDate:
                tests.append(.key(slot: sources.count))
                sources.append(.dateDigits)
                needsDate = true
            case .jaroWinkler(let threshold): tests.append(.jaroWinkler(threshold))
            case .damerauLevenshtein(let distance):
                tests.append(.damerauLevenshtein(distance))
                distanceLimit = max(distanceLimit, distance)
            case .sameTokens:
                tests.append(.sameTokens)
                needsTokens = true
            case .initialsCompatible:
                tests.append(.initialsCompatible)
                needsTokens = true
            case .sameYearAndMonth:
                tests.append(.sameYearAndMonth)
                needsDate = true
            case .dayMonthTransposed:
                tests.append(.dayMonthTransposed)
                needsDate = true
            case .dateOneDigitOff:
                tests.append(.dateOneDigitOff)
                needsDate = true
            case .dateWithin(let years):
                tests.append(.dateWithin(years: years))
                needsDate = true
            case .custom(_, let holds): tests.append(.custom(holds))
            }
        }
        self.field = comparison.field
        self.labels = comparison.levelLabels
        self.tests = tests
        self.keySources = sources
        self.termFrequencyAdjusted = comparison.termFrequencyAdjusted
        self.needsDate = needsDate
        self.needsTokens = needsTokens
        self.distanceLimit = distanceLimit
    }

    /// The key of `value` in each slot, nil where it has none.
    func keys(of value: String, date: DateParts?) -> [String?] {
        keySources.map { source in
            switch source {
            case .raw: value
            case .derived(let key): key.transform(value)
            case .dateDigits: date?.digits
            }
        }
    }

    /// The key slot a level tests, if it is an exact agreement on one value.
    func keySlot(ofLevel level: Int) -> Int? {
        guard level >= 1, level <= tests.count, case .key(let slot) = tests[level - 1] else { return nil }
        return slot
    }
}
