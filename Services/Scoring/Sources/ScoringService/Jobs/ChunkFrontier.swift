/// Which chunks of a pass are committed, for the progress a resumed pass starts from. Chunks commit out of order
/// when several are in flight; a pass may only be resumed after the last chunk of the longest committed run from
/// the start (its frontier), so a chunk that committed beyond a gap is done again after a crash. Doing a chunk again
/// is harmless: its cards are computed again from the same facts, equal to those stored, and so make no events.
struct ChunkFrontier: Sendable {
    /// Chunks before the pass's first chunk (done by an earlier run of it) count as committed.
    private(set) var committed: Set<Int> = []
    /// The number of chunks from the start that are all committed.
    private(set) var prefix = 0

    /// The frontier once `chunk` commits too: how many chunks from the start will then be committed. Nothing
    /// changes until `commit(_:)`, since the transaction that commits `chunk` may still fail.
    func prefix(ifCommitting chunk: Int) -> Int {
        var reach = prefix
        while reach == chunk || committed.contains(reach) { reach += 1 }
        return reach
    }

    /// Records that `chunk` committed.
    mutating func commit(_ chunk: Int) {
        committed.insert(chunk)
        while committed.contains(prefix) {
            committed.remove(prefix)
            prefix += 1
        }
    }
}
