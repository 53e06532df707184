import Models

/// A SplitMix64 stream with the draws the book needs, so that a book generated twice is the same book. Each customer gets a generator of its own (seeded from the run's seed and the customer's number),
/// which keeps the book the same whichever worker generates which chunk.
struct SeededGenerator: RandomNumberGenerator {
    private var source: SplitMix64

    init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    /// The generator of customer `index` of the book seeded with `seed`.
    init(seed: UInt64, index: Int) {
        source = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 { source.next() }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A whole number in `range` as Int64 (amounts in minor units).
    mutating func amount(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }

    /// One of `choices`, each as likely as its weight.
    mutating func pick<T>(_ choices: KeyValuePairs<T, Double>) -> T {
        let total = choices.reduce(0) { $0 + $1.value }
        var roll = Double.random(in: 0..<total, using: &self)
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].key
    }

    /// One of `choices`, all equally likely.
    mutating func any<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &self)] }
}
