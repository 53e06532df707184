import Foundation

/// Percentiles of a set of latencies in milliseconds.
struct LatencySummary {
    let count: Int
    let p50: Double
    let p99: Double
    let max: Double

    /// Nearest-rank percentiles of `millis`; nil when there are none.
    init?(_ millis: [Double]) {
        guard !millis.isEmpty else { return nil }
        let sorted = millis.sorted()
        func rank(_ p: Double) -> Double {
            sorted[Swift.max(0, Swift.min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
        }
        count = sorted.count
        p50 = rank(0.50)
        p99 = rank(0.99)
        max = sorted[sorted.count - 1]
    }

    /// One line of the report: `label`, then the three figures.
    func line(_ label: String) -> String {
        label.padding(toLength: 58, withPad: " ", startingAt: 0)
            + String(format: "p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (%d)", p50, p99, max, count)
    }
}
