/// A run of consecutive customers of a whole-book pass (`BookPass`), as handed to a worker: the facts fetched, and
/// the range of codes the run covers, which also holds the codes that have a card but no facts any more.
struct BookRun: Sendable {
    /// The run's place in the pass, from 0.
    var index: Int
    /// The customers' facts as fetched, in order of codes.
    var fetched: [FetchedFacts]
    /// The range is the codes after `after` ("" at the start of the book) through `through` (nil: to the end).
    var after: String
    var through: String?
    /// The feed position of the pass's snapshot of the facts.
    var snapshot: Int64

    /// The customers' facts, decoded.
    func facts(utcOffsetSeconds: Int) throws -> [StoredFacts] {
        try fetched.map { try $0.decoded(utcOffsetSeconds: utcOffsetSeconds) }
    }
}
