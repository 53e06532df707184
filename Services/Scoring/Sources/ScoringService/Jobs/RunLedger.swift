import Synchronization

/// What a full rescore's pass has read and committed, run by run, to say where the job may be resumed: after the
/// last code of the committed runs from the start (`ChunkFrontier`), with the customers up to there counted done.
/// Shared by the scan and the workers.
final class RunLedger: Sendable {
    private struct State {
        var frontier = ChunkFrontier()
        var customers: [Int] = []
        var lastCodes: [String] = []
    }

    /// Where the pass began, and the customers counted done before it.
    let after: String
    let doneBefore: Int
    private let state = Mutex(State())

    init(after: String, done: Int) {
        self.after = after
        doneBefore = done
    }

    /// Records the run read next: its customers and the last code it covers.
    func read(_ index: Int, customers count: Int, through code: String) {
        state.withLock { state in
            precondition(index == state.customers.count, "runs are read in order")
            state.customers.append(count)
            state.lastCodes.append(code)
        }
    }

    /// Where the job may be resumed once run `index` commits too (nothing changes until `commit(_:)`).
    func reach(ifCommitting index: Int) -> (done: Int, afterCode: String) {
        state.withLock { state in
            let runs = state.frontier.prefix(ifCommitting: index)
            return (doneBefore + state.customers.prefix(runs).reduce(0, +),
                    runs > 0 ? state.lastCodes[runs - 1] : after)
        }
    }

    /// Records that run `index` committed.
    func commit(_ index: Int) {
        state.withLock { $0.frontier.commit(index) }
    }
}
