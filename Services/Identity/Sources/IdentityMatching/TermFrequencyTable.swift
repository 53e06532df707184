/// How often each value (or derived key) occurs in a field, counted over the records the model was fitted on.
///
/// The u probability of an exact agreement on value v is v's frequency: two random records agree on a rare surname
/// far less often than on a common one, so a rare agreement is stronger evidence.
public struct TermFrequencyTable: Sendable, Codable {
    /// Occurrences by key, per key slot of the field (one slot per exact-type level).
    var counts: [[String: Int]]
    /// Values counted, per slot.
    var totals: [Int]

    init(slots: Int) {
        counts = Array(repeating: [:], count: slots)
        totals = Array(repeating: 0, count: slots)
    }

    /// The share of values in `slot` equal to `key`; a key never seen counts as seen once.
    func frequency(of key: String, slot: Int) -> Double {
        let total = max(totals[slot], 1)
        return Double(max(counts[slot][key] ?? 1, 1)) / Double(total)
    }

    mutating func add(_ key: String, slot: Int) {
        counts[slot][key, default: 0] += 1
        totals[slot] += 1
    }

    mutating func merge(_ other: TermFrequencyTable) {
        for slot in counts.indices {
            counts[slot].merge(other.counts[slot], uniquingKeysWith: +)
            totals[slot] += other.totals[slot]
        }
    }
}
