public import Models

/// The generator behind a book: the same sequence for the same seed, so that a generated book and its ground truth
/// can be made again exactly.
public typealias SeededGenerator = SplitMix64
