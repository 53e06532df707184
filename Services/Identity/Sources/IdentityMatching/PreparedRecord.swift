/// A record with everything comparing needs derived once: scalars for the string distances, keys with their
/// hashes and frequencies for the exact levels, parsed dates and name tokens.
///
/// A bulk resolution holds one for every record of the book at once, so a record keeps its values in a handful of
/// flat arrays (values, keys, token runs, and one buffer of Unicode scalars that the values' texts, tokens and keys
/// are runs of) rather than several small arrays per value: at a million records that was gigabytes of headers.
/// A class, so that taking one out of the prepared array costs one retain, not one per member.
final class PreparedRecord: Sendable {
    let id: Int
    /// Every field's values, field after field, in the order of the matcher's field comparisons.
    let values: [PreparedValue]
    /// Field `f`'s values are `values[valueStarts[f]..<valueStarts[f + 1]]`.
    let valueStarts: [Int32]
    /// The values' keys, `keySources.count` of them for each value of a field, from `PreparedValue.firstKey`.
    let keys: [PreparedKey]
    /// The values' tokens, as runs of `scalars`.
    let tokens: [ElementRun]
    /// The Unicode scalars of every value, derived key and token, end to end.
    let scalars: [UInt32]

    /// Copies what `building` holds into arrays of just its size, and empties it for the next record.
    fileprivate init(id: Int, building: inout Building) {
        self.id = id
        values = Array(building.values[...])
        valueStarts = Array(building.valueStarts[...])
        keys = Array(building.keys[...])
        tokens = Array(building.tokens[...])
        scalars = Array(building.scalars[...])
        building.empty()
    }

    /// The indices in `values` of field `f`'s values.
    func values(ofField f: Int) -> Range<Int> { Int(valueStarts[f])..<Int(valueStarts[f + 1]) }

    /// The text of a run, as a string (for custom comparators, which take strings).
    func string(_ run: ElementRun) -> String { String(decoding: Array(scalars[run.range])) }

    /// The tokens of a value, each as its scalars, without copying them.
    func tokenScalars(of value: PreparedValue) -> TokenScalars {
        TokenScalars(scalars: scalars, runs: tokens[value.tokens.range])
    }

    /// Whether key `x` of this record and key `y` of `other` are the same key: equal hashes, then equal texts.
    func keyAgrees(_ x: Int, with other: PreparedRecord, _ y: Int) -> Bool {
        let mine = keys[x], theirs = other.keys[y]
        let a = mine.text, b = theirs.text
        guard mine.hash == theirs.hash, a != .none, b != .none, a.count == b.count else { return false }
        return scalars[a.range] == other.scalars[b.range]
    }

    /// The arrays of one record as the preparer fills them, reused from record to record so that only the final
    /// copies are allocated.
    struct Building {
        fileprivate var values: [PreparedValue] = []
        fileprivate var valueStarts: [Int32] = [0]
        fileprivate var keys: [PreparedKey] = []
        fileprivate var tokens: [ElementRun] = []
        fileprivate var scalars: [UInt32] = []

        init() {}

        fileprivate mutating func empty() {
            values.removeAll(keepingCapacity: true)
            valueStarts.removeAll(keepingCapacity: true)
            valueStarts.append(0)
            keys.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            scalars.removeAll(keepingCapacity: true)
        }

        /// Appends `text`'s scalars and returns their run.
        mutating func append(_ text: some StringProtocol) -> ElementRun {
            let start = scalars.count
            scalars.append(contentsOf: text.unicodeScalars.lazy.map(\.value))
            return ElementRun(start: start, end: scalars.count)
        }
    }
}

/// A run of consecutive elements of one of a prepared record's arrays, in 32 bits a side.
struct ElementRun: Sendable, Equatable {
    let start: Int32
    let count: Int32

    init(start: Int, end: Int) {
        self.start = Int32(start)
        self.count = Int32(end - start)
    }

    private init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }

    /// No run: a key the value does not have. (An optional would add a byte and, with alignment, eight.)
    static let none = ElementRun(start: -1, count: -1)

    var range: Range<Int> { Int(start)..<Int(start) + Int(count) }
}

/// A value's tokens as a collection of scalar slices, read in place.
struct TokenScalars: RandomAccessCollection {
    let scalars: [UInt32]
    let runs: ArraySlice<ElementRun>

    var startIndex: Int { runs.startIndex }
    var endIndex: Int { runs.endIndex }
    subscript(position: Int) -> ArraySlice<UInt32> { scalars[runs[position].range] }
}

/// One prepared value of a field.
struct PreparedValue: Sendable {
    /// The value's scalars in `PreparedRecord.scalars`.
    let text: ElementRun
    /// Its first key in `PreparedRecord.keys`.
    let firstKey: Int32
    /// Its tokens in `PreparedRecord.tokens`; empty when the field needs none.
    let tokens: ElementRun
    let date: DateParts?
}

/// A key for an exact level, compared by hash first.
struct PreparedKey: Sendable {
    /// The key's scalars in `PreparedRecord.scalars`; `ElementRun.none` when the value has no such key.
    let text: ElementRun
    let hash: Int
    /// The key's share of the field's values, for term-frequency adjustment.
    let frequency: Double
}

/// Turns records into prepared records for one set of field comparisons and term frequencies.
struct RecordPreparer: Sendable {
    let fields: [CompiledField]
    let frequencies: [TermFrequencyTable]

    func prepare(_ record: MatchRecord) -> PreparedRecord {
        var building = PreparedRecord.Building()
        return prepare(record, reusing: &building)
    }

    /// Prepares many records, with one set of working arrays.
    func prepare(_ records: ArraySlice<MatchRecord>) -> [PreparedRecord] {
        var building = PreparedRecord.Building()
        return records.map { prepare($0, reusing: &building) }
    }

    private func prepare(_ record: MatchRecord, reusing building: inout PreparedRecord.Building) -> PreparedRecord {
        for (f, field) in fields.enumerated() {
            for value in record.values(field.field) {
                let date = field.needsDate ? DateParts(value) : nil
                let text = building.append(value)
                let firstKey = building.keys.count
                for (slot, key) in field.keys(of: value, date: date).enumerated() {
                    guard let key else {
                        building.keys.append(PreparedKey(text: .none, hash: 0, frequency: 1))
                        continue
                    }
                    // A key equal to the value (the exact level) is the value's own run.
                    let run = key == value ? text : building.append(key)
                    building.keys.append(PreparedKey(text: run, hash: key.hashValue,
                                                     frequency: frequencies[f].frequency(of: key, slot: slot)))
                }
                let firstToken = building.tokens.count
                if field.needsTokens {
                    for token in NameTokens.split(value) { building.tokens.append(building.append(token)) }
                }
                building.values.append(PreparedValue(
                    text: text, firstKey: Int32(firstKey),
                    tokens: ElementRun(start: firstToken, end: building.tokens.count), date: date))
            }
            building.valueStarts.append(Int32(building.values.count))
        }
        return PreparedRecord(id: record.id, building: &building)
    }

    /// Counts the keys of every exact-type level over `records`, for term-frequency adjustment.
    static func countFrequencies(_ records: ArraySlice<MatchRecord>, fields: [CompiledField]) -> [TermFrequencyTable] {
        fields.map { field in
            var table = TermFrequencyTable(slots: field.keySources.count)
            guard field.termFrequencyAdjusted, !field.keySources.isEmpty else { return table }
            for record in records {
                for value in record.values(field.field) {
                    let date = field.needsDate ? DateParts(value) : nil
                    for (slot, key) in field.keys(of: value, date: date).enumerated() {
                        if let key { table.add(key, slot: slot) }
                    }
                }
            }
            return table
        }
    }
}
