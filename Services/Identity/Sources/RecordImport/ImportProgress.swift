import Models

/// Where an import stands: what a CLI draws as a progress bar. No terminal code here.
public struct ImportProgress: Sendable, Hashable {
    public let bytesRead: Int64
    /// The file's size; nil when unknown (standard input).
    public let totalBytes: Int64?
    public let rowsRead: Int
    public let rowsRejected: Int
    public let elapsed: Duration
    /// The last report of the import, sent when the input is exhausted.
    public let isFinal: Bool

    public init(bytesRead: Int64, totalBytes: Int64?, rowsRead: Int, rowsRejected: Int, elapsed: Duration,
                isFinal: Bool) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.elapsed = elapsed
        self.isFinal = isFinal
    }

    /// Share of the file read, 0–1; nil when the size is unknown. 1 once final.
    public var fraction: Double? {
        if isFinal { return 1 }
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesRead) / Double(totalBytes))
    }

    /// Whole percent read, 0–100; nil when the size is unknown.
    public var percent: Int? { fraction.map { Int(($0 * 100).rounded(.down)) } }

    public var seconds: Double { elapsed.inSeconds }

    public var rowsPerSecond: Double { seconds > 0 ? Double(rowsRead) / seconds : 0 }
    public var bytesPerSecond: Double { seconds > 0 ? Double(bytesRead) / seconds : 0 }

    /// Time left at the current byte rate; nil when the size is unknown or nothing is read yet.
    public var estimatedRemaining: Duration? {
        guard let totalBytes, bytesPerSecond > 0, !isFinal else { return isFinal ? .zero : nil }
        let left = Double(max(0, totalBytes - bytesRead)) / bytesPerSecond
        return .milliseconds(Int64(left * 1000))
    }
}

/// Receives progress while an import runs, at most once per interval and once at the end.
public protocol ImportProgressReporter: AnyObject {
    func report(_ progress: ImportProgress)
}

/// A reporter that calls a closure (and can keep every report, for tests).
public final class ClosureProgressReporter: ImportProgressReporter {
    private let body: (ImportProgress) -> Void

    public init(_ body: @escaping (ImportProgress) -> Void) { self.body = body }

    public func report(_ progress: ImportProgress) { body(progress) }
}
