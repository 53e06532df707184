/// Damerau–Levenshtein distance in its *optimal string alignment* form (OSA): insertions, deletions, substitutions
/// and transpositions of two adjacent characters, each costing 1, with no substring edited twice.
///
/// OSA is not a metric ("CA" → "ABC" is 3, where unrestricted Damerau–Levenshtein gives 2), but it is what record
/// linkage tools mean by the name, and it is cheap: one pass over three rows.
public enum DamerauLevenshtein {
    /// The OSA distance between `a` and `b`, by Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        var scratch = DistanceScratch()
        let s = Array(a.unicodeScalars.map(\.value)), t = Array(b.unicodeScalars.map(\.value))
        return distance(s, s.indices, t, t.indices, limit: max(s.count, t.count), scratch: &scratch)
    }

    /// The OSA distance between two runs of scalar buffers, or `limit + 1` as soon as it is known to exceed `limit`;
    /// no allocation once `scratch` has grown to the longest string seen.
    static func distance(_ sBuffer: borrowing [UInt32], _ sRun: Range<Int>, _ tBuffer: borrowing [UInt32],
                         _ tRun: Range<Int>, limit: Int, scratch: inout DistanceScratch) -> Int {
        let n = sRun.count, m = tRun.count
        // s[k] is sBuffer[s0 + k], t[k] is tBuffer[t0 + k].
        let s0 = sRun.lowerBound, t0 = tRun.lowerBound
        if abs(n - m) > limit { return limit + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        scratch.reserve(m + 2)
        let big = limit + 1
        for j in 0...m {
            scratch.previous[j] = j
            scratch.twoBack[j] = big
        }
        scratch.previous[m + 1] = big
        for i in 1...n {
            // Only cells within `limit` of the diagonal can end at or under the limit: a band of 2·limit + 1 cells
            // per row instead of the whole row. The cells just outside the band are set to "too far" because the
            // next row reads them.
            let low = max(1, i - limit), high = min(m, i + limit)
            scratch.current[low - 1] = low == 1 ? i : big
            if high < m { scratch.current[high + 1] = big }
            var rowMinimum = low == 1 ? i : big
            if low <= high {
                for j in low...high {
                    let cost = sBuffer[s0 + i - 1] == tBuffer[t0 + j - 1] ? 0 : 1
                    var best = min(scratch.previous[j] + 1, scratch.current[j - 1] + 1, scratch.previous[j - 1] + cost)
                    if i > 1, j > 1, sBuffer[s0 + i - 1] == tBuffer[t0 + j - 2],
                       sBuffer[s0 + i - 2] == tBuffer[t0 + j - 1] {
                        best = min(best, scratch.twoBack[j - 2] + 1)
                    }
                    best = min(best, big)
                    scratch.current[j] = best
                    rowMinimum = min(rowMinimum, best)
                }
            }
            // Every later cell is at least the row's minimum, so the limit can be decided early.
            if rowMinimum > limit { return big }
            swap(&scratch.twoBack, &scratch.previous)
            swap(&scratch.previous, &scratch.current)
        }
        return min(scratch.previous[m], limit + 1)
    }
}

/// Rows reused between distance computations by one worker, so comparing a pair allocates nothing.
struct DistanceScratch {
    var twoBack: [Int] = []
    var previous: [Int] = []
    var current: [Int] = []

    mutating func reserve(_ count: Int) {
        guard previous.count < count else { return }
        twoBack = [Int](repeating: 0, count: count)
        previous = [Int](repeating: 0, count: count)
        current = [Int](repeating: 0, count: count)
    }
}
