import Dispatch
import Synchronization

/// Hands the runs a whole-book scan reads on its database thread to the tasks that work on them, with at most
/// `capacity` runs read and not yet taken: the scan blocks its own thread (not a task) until a worker takes one, so
/// that a fast scan does not pile the book up in memory. A full rescore also deals out its held runs through one
/// (`RescoreAllJob`), all put at once.
final class RunQueue<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var waiting: [CheckedContinuation<Item?, any Error>] = []
        /// Set once the scan ended.
        var end: End?
        /// The workers stopped taking runs.
        var stopped = false
    }

    private enum PutOutcome {
        case queued
        case handed(CheckedContinuation<Item?, any Error>)
        case refused
    }

    private enum End {
        case book
        case failed(any Error)
    }

    private let state = Mutex(State())
    private let room: DispatchSemaphore

    init(capacity: Int) {
        room = DispatchSemaphore(value: max(1, capacity))
    }

    /// On the scan's thread: waits for room, then queues `item` (or hands it to a waiting worker). Returns false,
    /// without queueing it, once the workers stopped (`stop()`).
    func put(_ item: Item) -> Bool {
        room.wait()
        let outcome = state.withLock { state -> PutOutcome in
            guard !state.stopped else { return .refused }
            guard state.waiting.isEmpty else { return .handed(state.waiting.removeFirst()) }
            state.items.append(item)
            return .queued
        }
        switch outcome {
        case .queued:
            return true
        case .handed(let worker):
            room.signal()
            worker.resume(returning: item)
            return true
        case .refused:
            room.signal()
            return false
        }
    }

    /// The scan ended: at the end of the book (`error` nil), or failing. Workers take what is queued, then nil (or
    /// the error).
    func finish(throwing error: (any Error)? = nil) {
        let workers = state.withLock { state in
            state.end = error.map(End.failed) ?? .book
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for worker in workers {
            if let error { worker.resume(throwing: error) } else { worker.resume(returning: nil) }
        }
    }

    /// The workers stopped (one failed): the scan's next `put` throws instead of waiting for room.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }

    /// The next run, in the order put; nil once the scan reached the end of the book and every run was taken.
    /// - Throws: the scan's error, once every run queued before it was taken.
    func next() async throws -> Item? {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Item?, any Error>? in
                if !state.items.isEmpty { return .success(state.items.removeFirst()) }
                switch state.end {
                case .book: return .success(nil)
                case .failed(let error): return .failure(error)
                case nil:
                    state.waiting.append(continuation)
                    return nil
                }
            }
            guard let ready else { return }
            if case .success(.some) = ready { room.signal() }
            continuation.resume(with: ready)
        }
    }
}
