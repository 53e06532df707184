import Models

/// Counts of comparison patterns: the level vector of each compared pair (packed four bits per field) with how many
/// pairs had it. Estimation works on patterns, never on pairs, so EM's cost does not grow with the data.
struct PatternCounts: Sendable {
    var counts: [UInt64: Double] = [:]
    var pairs = 0

    mutating func add(_ pattern: UInt64) {
        counts[pattern, default: 0] += 1
        pairs += 1
    }

    mutating func merge(_ other: PatternCounts) {
        counts.merge(other.counts, uniquingKeysWith: +)
        pairs += other.pairs
    }

    /// Pairs reaching each level of each field, *null* included.
    func levelCounts(levelCounts sizes: [Int]) -> [[Double]] {
        var result = sizes.map { [Double](repeating: 0, count: $0) }
        for (pattern, count) in counts {
            for f in sizes.indices { result[f][pattern.level(ofField: f)] += count }
        }
        return result
    }

    /// Compares `pairs` (as `i << 32 | j`) in parallel and counts their patterns.
    static func count(_ pairs: [UInt64], records: [PreparedRecord], fields: [CompiledField],
                      chunks: Int) -> PatternCounts {
        let parts = Parallel.map(count: pairs.count, chunks: chunks) { range in
            var scratch = DistanceScratch()
            var part = PatternCounts()
            for index in range {
                let pair = pairs[index]
                part.add(fields.pattern(records[Int(pair >> 32)], records[Int(pair & 0xFFFF_FFFF)], scratch: &scratch))
            }
            return part
        }
        return parts.reduce(into: PatternCounts()) { $0.merge($1) }
    }
}
