/// Runs work over index ranges on all cores with structured concurrency, results in range order.
enum Parallel {
    /// Splits `0..<count` into about `chunks` ranges and maps each in a child task.
    static func map<T: Sendable>(count: Int, chunks: Int,
                                 _ body: @escaping @Sendable (Range<Int>) -> T) async -> [T] {
        guard count > 0 else { return [] }
        let pieces = max(1, min(chunks, count))
        let size = (count + pieces - 1) / pieces
        let ranges = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
        // One range runs inline: spawning a task for it would only add overhead.
        if ranges.count == 1 { return [body(ranges[0])] }
        return await withTaskGroup(of: (Int, T).self) { group in
            for (index, range) in ranges.enumerated() {
                group.addTask { (index, body(range)) }
            }
            var results = [T?](repeating: nil, count: ranges.count)
            for await (index, value) in group { results[index] = value }
            return results.compactMap { $0 }
        }
    }
}
