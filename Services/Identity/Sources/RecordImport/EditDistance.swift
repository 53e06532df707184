import IdentityMatching

/// "Did you mean" suggestions, by the matcher's edit distance (Damerau–Levenshtein, so a swapped pair of letters
/// counts as one edit).
enum EditDistance {
    /// The candidate closest to `name`; among equally close ones, one that contains `name` (or is
    /// contained in it) wins, then the earlier.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        var best: (candidate: String, distance: Int, contains: Bool)?
        for candidate in candidates {
            let distance = DamerauLevenshtein.distance(name, candidate)
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
