import Models

/// The text of progress lines: what `clm import` draws on a terminal (a bar redrawn in place) or prints every few
/// seconds when standard error is not a terminal. No terminal codes here.
public enum ProgressText {
    /// `[##########----------]`; a sliding block when the fraction is unknown (`tick` moves it).
    public static func bar(fraction: Double?, width: Int = 24, tick: Int = 0) -> String {
        let inner = max(1, width - 2)
        guard let fraction else {
            let block = max(1, inner / 6)
            let start = tick % (inner - block + 1)
            return "[" + String(repeating: "-", count: start) + String(repeating: "#", count: block)
                + String(repeating: "-", count: inner - block - start) + "]"
        }
        let filled = Int((min(1, max(0, fraction)) * Double(inner)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: inner - filled) + "]"
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// `1:05` or `1:02:03`.
    public static func clock(seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }

    /// `parties.csv [#####-----]  45%  120,000 rows  3,400 rows/s  0:12 left  10 rejected`.
    public static func importLine(_ progress: ImportProgress, label: String, barWidth: Int = 24, tick: Int = 0) -> String {
        var parts = [label, bar(fraction: progress.fraction, width: barWidth, tick: tick)]
        if let percent = progress.percent { parts.append((percent < 10 ? "  " : percent < 100 ? " " : "") + "\(percent)%") }
        parts.append("\(grouped(progress.rowsRead)) rows")
        parts.append("\(grouped(Int(progress.rowsPerSecond.rounded()))) rows/s")
        if let left = progress.estimatedRemaining, !progress.isFinal {
            parts.append("\(clock(seconds: left.inSeconds)) left")
        }
        if progress.rowsRejected > 0 { parts.append("\(grouped(progress.rowsRejected)) rejected") }
        return parts.joined(separator: "  ")
    }

    /// `bulk resolution [#####-----]  45%  450,000 / 1,000,000  RUNNING`; `total` below 0 means not known yet.
    public static func jobLine(label: String, done: Int64, total: Int64, failed: Int64, state: String, tick: Int = 0,
                               barWidth: Int = 24) -> String {
        let fraction: Double? = total > 0 ? Double(done) / Double(total) : nil
        var parts = [label, bar(fraction: fraction, width: barWidth, tick: tick)]
        if let fraction { parts.append("\(Int((fraction * 100).rounded(.down)))%") }
        parts.append(total >= 0 ? "\(grouped(Int(done))) / \(grouped(Int(total)))" : "\(grouped(Int(done)))")
        if failed > 0 { parts.append("\(grouped(Int(failed))) failed") }
        parts.append(state)
        return parts.joined(separator: "  ")
    }
}
