/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `name`; among equally close ones, one that contains `name` (or is
    /// contained in it) wins, then the earlier.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int, contains: Bool)?
        for candidate in candidates {
            let distance = between(name, candidate)
            let contains = candidate.contains(name) || name.contains(candidate)
            if let current = best {
                if distance > current.distance || (distance == current.distance && (current.contains || !contains)) {
                    continue
                }
            }
            best = (candidate, distance, contains)
        }
        return best?.candidate
    }
}
