import Synchronization

/// A pass over a run of the book's codes (in the book's order), a chunk of consecutive codes at a time, with
/// several chunks in flight at once: while one worker waits for the database, another computes, so that a whole-book
/// pass keeps the database and the cores busy together. Each worker takes the next chunk not yet taken, so the
/// chunks are started in order and a worker never idles while chunks remain.
struct BookChunks: Sendable {
    /// The chunks, in order.
    let chunks: [ArraySlice<String>]
    /// Chunks in flight at once.
    let workers: Int

    init(codes: [String], size: Int, workers: Int) {
        chunks = stride(from: 0, to: codes.count, by: max(1, size)).map {
            codes[$0..<min($0 + max(1, size), codes.count)]
        }
        self.workers = max(1, min(workers, chunks.count))
    }

    /// Runs `body` on every chunk (its index in `chunks`, and its codes), `workers` at a time. Each worker keeps a
    /// partial result, begun by `start` and updated by each chunk it takes; the answer is the workers' partials.
    /// The first error stops the pass: workers take no more chunks, and the others in flight are cancelled.
    func run<Partial: Sendable>(
        start: @escaping @Sendable () -> Partial,
        _ body: @escaping @Sendable (inout Partial, Int, [String]) async throws -> Void
    ) async throws -> [Partial] {
        let cursor = Cursor()
        let chunks = self.chunks
        return try await withThrowingTaskGroup(of: Partial.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var partial = start()
                    while let index = cursor.take(below: chunks.count) {
                        try Task.checkCancellation()
                        try await body(&partial, index, Array(chunks[index]))
                    }
                    return partial
                }
            }
            var partials: [Partial] = []
            for try await partial in group { partials.append(partial) }
            return partials
        }
    }

    /// The next chunk to take, shared by the workers.
    private final class Cursor: Sendable {
        private let next = Atomic<Int>(0)

        func take(below count: Int) -> Int? {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            return index < count ? index : nil
        }
    }
}

extension BookChunks {
    /// The customers in the first `count` chunks.
    func customers(before count: Int) -> Int {
        chunks.prefix(count).reduce(0) { $0 + $1.count }
    }
}
