/// The level one field of a pair reaches, with the frequency of the agreeing key when that level is exact.
struct FieldLevel: Sendable {
    var level: Int
    /// The term frequency of the agreeing key; 1 when the level is not an exact agreement.
    var frequency: Double
}

extension CompiledField {
    /// The best level over all pairs of the two records' values of field `f` (any-of for multi-valued fields);
    /// *null* (0) when either lacks the field. Among value pairs reaching the same exact level the rarest key counts,
    /// since that is the strongest evidence the two records share.
    func compare(_ a: borrowing PreparedRecord, _ b: borrowing PreparedRecord, field f: Int,
                 scratch: inout DistanceScratch) -> FieldLevel {
        let aValues = a.values(ofField: f), bValues = b.values(ofField: f)
        if aValues.isEmpty || bValues.isEmpty { return FieldLevel(level: 0, frequency: 1) }
        var best = FieldLevel(level: elseLevel, frequency: 1)
        for x in aValues {
            let left = a.values[x]
            for y in bValues {
                let right = b.values[y]
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
                        let key = Int(left.firstKey) + slot
                        holds = a.keyAgrees(key, with: b, Int(right.firstKey) + slot)
                        frequency = a.keys[key].frequency
                    case .jaroWinkler(let threshold):
                        let similarity = jaroWinkler
                            ?? JaroWinkler.similarity(a.scalars, left.text.range, b.scalars, right.text.range)
                        jaroWinkler = similarity
                        holds = similarity >= threshold
                    case .damerauLevenshtein(let bound):
                        let edits = distance
                            ?? DamerauLevenshtein.distance(a.scalars, left.text.range, b.scalars, right.text.range,
                                                           limit: distanceLimit, scratch: &scratch)
                        distance = edits
                        holds = edits <= bound
                    case .sameTokens: holds = NameTokens.sameSet(a.tokenScalars(of: left), b.tokenScalars(of: right))
                    case .initialsCompatible:
                        holds = NameTokens.initialsCompatible(a.tokenScalars(of: left), b.tokenScalars(of: right))
                    case .sameYearAndMonth: holds = both(left.date, right.date) { $0.sameYearAndMonth($1) }
                    case .dayMonthTransposed: holds = both(left.date, right.date) { $0.dayMonthTransposed($1) }
                    case .dateOneDigitOff: holds = both(left.date, right.date) { $0.oneDigitOff($1) }
                    case .dateWithin(let years):
                        holds = both(left.date, right.date) { $0.within(years: years, of: $1) }
                    case .custom(let test): holds = test(a.string(left.text), b.string(right.text))
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
