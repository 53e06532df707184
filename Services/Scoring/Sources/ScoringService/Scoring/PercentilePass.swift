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
        for stored in facts {
            let assessment = CustomerAssessment(facts: stored.facts, settings: frame.metrics, book: statistics,
                                                ruleSet: ruleSet, mortality: frame.mortality)
            for metric in ruleSet.percentileMetrics {
                if let value = assessment.value(of: metric) { values[metric, default: []].append(value.numeric) }
            }
        }
    }

    /// The distributions of the values collected.
    static func distributions(_ values: [Metric: [Double]]) -> MetricDistributions {
        MetricDistributions(values.mapValues(MetricDistribution.init))
    }
}
