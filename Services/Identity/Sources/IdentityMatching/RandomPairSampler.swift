import Models

/// Draws the pairs u is estimated from: every pair when there are few records, otherwise pairs of distinct
/// records drawn uniformly with a seeded generator. True matches among random pairs are rare enough (about one
/// pair in the number of records) that they barely move u.
enum RandomPairSampler {
    /// The sampled pairs, as `i << 32 | j`.
    static func sample(recordCount n: Int, size: Int, seed: UInt64) -> [UInt64] {
        guard n >= 2 else { return [] }
        let allPairs = n * (n - 1) / 2
        if allPairs <= size {
            var pairs: [UInt64] = []
            pairs.reserveCapacity(allPairs)
            for i in 0..<n { for j in (i + 1)..<n { pairs.append(UInt64(i) << 32 | UInt64(j)) } }
            return pairs
        }
        var generator = SplitMix64(seed: seed)
        var pairs: [UInt64] = []
        pairs.reserveCapacity(size)
        while pairs.count < size {
            let i = Int.random(in: 0..<n, using: &generator), j = Int.random(in: 0..<n, using: &generator)
            if i != j { pairs.append(UInt64(min(i, j)) << 32 | UInt64(max(i, j))) }
        }
        return pairs
    }

    /// A uniform sample of `size` of `pairs` (all of them when fewer), for EM.
    static func subsample(_ pairs: [UInt64], size: Int, seed: UInt64) -> [UInt64] {
        guard pairs.count > size else { return pairs }
        var generator = SplitMix64(seed: seed)
        return (0..<size).map { _ in pairs[Int.random(in: 0..<pairs.count, using: &generator)] }
    }
}
