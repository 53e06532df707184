public import ScoringAPI

/// The book's values of one metric, sorted, for PERCENTILE normalisation. Built once per batch from every
/// customer's value (customers without a value are left out), then read per customer.
public struct MetricDistribution: Sendable, Hashable, Codable {
    /// Ascending.
    public private(set) var sorted: [Double]

    /// The distribution of `values`, in any order.
    public init(_ values: [Double]) {
        self.sorted = values.sorted()
    }

    /// The mid-rank of `value`: `(values below + values equal / 2) / count`, 0–1; 0 for an empty book. The
    /// lowest of five distinct values ranks 0.1, the highest 0.9; a value above all ranks 1.
    public func percentileRank(of value: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let below = firstIndex { $0 >= value }
        let atOrBelow = firstIndex { $0 > value }
        return (Double(below) + Double(atOrBelow - below) / 2) / Double(sorted.count)
    }

    /// The first index whose value satisfies `isPast` (values are sorted, so the predicate flips once).
    private func firstIndex(where isPast: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// The book's distributions of the metrics a rule set normalises by percentile.
public struct MetricDistributions: Sendable, Hashable, Codable {
    public var byMetric: [Metric: MetricDistribution]

    public init(_ byMetric: [Metric: MetricDistribution] = [:]) {
        self.byMetric = byMetric
    }

    public subscript(metric: Metric) -> MetricDistribution? { byMetric[metric] }

    /// The distributions of `metrics` over `assessments` (each customer's `value(of:)`; absent values left out).
    public init(of metrics: Set<Metric>, over assessments: [CustomerAssessment]) {
        var values: [Metric: [Double]] = [:]
        for assessment in assessments {
            for metric in metrics {
                if let value = assessment.value(of: metric) { values[metric, default: []].append(value.numeric) }
            }
        }
        self.init(values.mapValues(MetricDistribution.init))
    }
}
