import Models
import ScoringAPI
import ScoringModel

/// The second pass of measuring a book, for a rule set that normalises some metrics by PERCENTILE: every customer
/// assessed under the first pass's statistics, and the values of those metrics collected into distributions.
struct PercentilePass: Sendable {
    let ruleSet: RuleSet
    let statistics: BookStatistics
    let frame: ScoringFrame

    init(ruleSet: RuleSet, settings: ScoringSettings, statistics: BookStatistics) {
        self.ruleSet = ruleSet
        self.statistics = statistics
        frame = ScoringFrame(ruleSet: ruleSet, settings: settings, book: statistics, now: .now, trigger: .rescoreAll)
    }

    /// Adds the customers' values of the percentile metrics to `values`.
    func add(_ facts: [StoredFacts], to values: inout [Metric: [Double]]) {
        add(facts.lazy.map { frame.measure($0.facts) }, to: &values)
    }

    /// Adds the values of the percentile metrics of customers measured from their facts (`ScoringFrame.measure`).
    func add(_ customers: some Sequence<MeasuredCustomer>, to values: inout [Metric: [Double]]) {
        let metrics = ruleSet.percentileMetrics
        for measured in customers {
            let assessment = measured.assessed(against: statistics, ruleSet: ruleSet)
            for metric in metrics {
                if let value = assessment.value(of: metric) { values[metric, default: []].append(value.numeric) }
            }
        }
    }

    /// The distributions of the values collected.
    static func distributions(_ values: [Metric: [Double]]) -> MetricDistributions {
        MetricDistributions(values.mapValues(MetricDistribution.init))
    }
}
