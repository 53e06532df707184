/// A record with everything comparing needs derived once: scalars for the string distances, keys with their
/// hashes and frequencies for the exact levels, parsed dates and name tokens.
///
/// A class so that taking one out of the prepared array costs one retain, not one per member.
final class PreparedRecord: Sendable {
    let id: Int
    /// Values per field, in the order of the matcher's field comparisons.
    let fields: [[PreparedValue]]
    let identifiers: [String: String]

    init(id: Int, fields: [[PreparedValue]], identifiers: [String: String]) {
        self.id = id
        self.fields = fields
        self.identifiers = identifiers
    }
}

/// One prepared value of a field.
struct PreparedValue: Sendable {
    let raw: String
    let scalars: [UInt32]
    /// One per key slot of the field; `text` is nil when the value has no such key.
    let keys: [PreparedKey]
    let date: DateParts?
    let tokens: [[UInt32]]
}

/// A key for an exact level, compared by hash first.
struct PreparedKey: Sendable {
    let text: String?
    let hash: Int
    /// The key's share of the field's values, for term-frequency adjustment.
    let frequency: Double

    func agrees(with other: PreparedKey) -> Bool {
        hash == other.hash && text != nil && text == other.text
    }
}

/// Turns records into prepared records for one set of field comparisons and term frequencies.
struct RecordPreparer: Sendable {
    let fields: [CompiledField]
    let frequencies: [TermFrequencyTable]

    func prepare(_ record: MatchRecord) -> PreparedRecord {
        PreparedRecord(id: record.id, fields: fields.indices.map { f in
            let field = fields[f]
            return record.values(field.field).map { value in
                let date = field.needsDate ? DateParts(value) : nil
                let keys = field.keys(of: value, date: date).enumerated().map { slot, key in
                    PreparedKey(text: key, hash: key?.hashValue ?? 0,
                                frequency: key.map { frequencies[f].frequency(of: $0, slot: slot) } ?? 1)
                }
                return PreparedValue(raw: value, scalars: value.unicodeScalars.map(\.value), keys: keys, date: date,
                                     tokens: field.needsTokens ? NameTokens.scalarTokens(value) : [])
            }
        }, identifiers: record.identifiers)
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
