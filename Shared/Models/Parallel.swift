import Dispatch
import Synchronization

/// Runs CPU-bound work over index ranges on all cores, on Dispatch's threads rather than Swift's cooperative pool.
///
/// Matching a large set keeps every core busy for seconds. On the cooperative pool that would starve every other
/// task of the process (RPC handlers, health checks) for as long, so the work runs on Dispatch's global threads and
/// async callers only wait for it (`offCooperativePool`).
public enum Parallel {
    /// Splits `0..<count` into about `chunks` ranges, maps them concurrently, and returns the results in range order.
    public static func map<T: Sendable>(count: Int, chunks: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard count > 0 else { return [] }
        let pieces = max(1, min(chunks, count))
        let size = (count + pieces - 1) / pieces
        let ranges = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
        if ranges.count == 1 { return [body(ranges[0])] }
        let results = Mutex([T?](repeating: nil, count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            let value = body(ranges[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Runs `work` on a Dispatch thread and suspends the caller until it is done.
    public static func offCooperativePool<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T)
        async throws(E) -> T
    {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
        return try result.get()
    }
}
