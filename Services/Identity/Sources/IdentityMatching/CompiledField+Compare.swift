/// The level one field of a pair reaches, with the frequency of the agreeing key when that level is exact.
struct FieldLevel: Sendable {
    var level: Int
    /// The term frequency of the agreeing key; 1 when the level is not an exact agreement.
    var frequency: Double
}

extension CompiledField {
    /// The best level over all pairs of values of the two records (any-of for multi-valued fields); *null* (0) when
    /// either lacks the field. Among value pairs reaching the same exact level the rarest key counts, since that
    /// is the strongest evidence the two records share.
    func compare(_ a: borrowing [PreparedValue], _ b: borrowing [PreparedValue],
                 scratch: inout DistanceScratch) -> FieldLevel {
        if a.isEmpty || b.isEmpty { return FieldLevel(level: 0, frequency: 1) }
        var best = FieldLevel(level: elseLevel, frequency: 1)
        // Indices, not `for value in`, so values are read in place: copying a value would retain each of its
        // arrays, and retain/release was most of the cost of scoring.
        for x in a.indices {
            for y in b.indices {
                // Similarities are computed at most once per value pair, however many levels test them.
                var jaroWinkler: Double?
                var distance: Int?
                var index = 0
                while index + 1 <= best.level && index < tests.count {
                    let level = index + 1
                    var frequency = 1.0
                    let holds: Bool
                    switch tests[index] {
                    case .key(let slot):
                        holds = a[x].keys[slot].agrees(with: b[y].keys[slot])
                        frequency = a[x].keys[slot].frequency
                    case .jaroWinkler(let threshold):
                        let similarity = jaroWinkler ?? JaroWinkler.similarity(a[x].scalars, b[y].scalars)
                        jaroWinkler = similarity
                        holds = similarity >= threshold
                    case .damerauLevenshtein(let bound):
                        let edits = distance ?? DamerauLevenshtein.distance(a[x].scalars, b[y].scalars,
                                                                            limit: distanceLimit, scratch: &scratch)
                        distance = edits
                        holds = edits <= bound
                    case .sameTokens: holds = NameTokens.sameSet(a[x].tokens, b[y].tokens)
                    case .initialsCompatible: holds = NameTokens.initialsCompatible(a[x].tokens, b[y].tokens)
                    case .sameYearAndMonth: holds = both(a[x].date, b[y].date) { $0.sameYearAndMonth($1) }
                    case .dayMonthTransposed: holds = both(a[x].date, b[y].date) { $0.dayMonthTransposed($1) }
                    case .dateOneDigitOff: holds = both(a[x].date, b[y].date) { $0.oneDigitOff($1) }
                    case .dateWithin(let years): holds = both(a[x].date, b[y].date) { $0.within(years: years, of: $1) }
                    case .custom(let test): holds = test(a[x].raw, b[y].raw)
                    }
                    if holds {
                        if level < best.level || frequency < best.frequency {
                            best = FieldLevel(level: level, frequency: frequency)
                        }
                        break
                    }
                    index += 1
                }
            }
        }
        return best
    }

    private func both(_ a: DateParts?, _ b: DateParts?, _ test: (DateParts, DateParts) -> Bool) -> Bool {
        guard let a, let b else { return false }
        return test(a, b)
    }
}
