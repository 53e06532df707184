import ScoringAPI

/// Rules that place each customer in exactly one class (tier rules into tiers, layer rules into layers), as
/// regions of the space of metric values: where each rule holds, cell by cell of every metric it tests
/// (`MetricCells`). Metrics are taken as independent of one another.
struct RuleRegions {
    /// One rule: the class it gives, its conditions, and per tested metric the cells where they all hold.
    struct Region {
        var ruleId: String
        /// The tier or layer, as its proto number (higher is better) and name.
        var rank: Int
        var className: String
        var conditions: [Condition]
        var allowed: [Metric: Set<Int>]
        /// A condition is malformed (no metric, no comparison, a threshold unset, of the wrong kind or out of
        /// range): the rule never holds, and the condition checks report why.
        var neverHolds: Bool

        var isEmpty: Bool { neverHolds || allowed.values.contains { $0.isEmpty } }
    }

    /// The tested metrics, in order of first appearance.
    let metrics: [Metric]
    let cells: [Metric: MetricCells]
    let regions: [Region]

    /// - Parameter rules: each rule's id, rank and class name, and conditions.
    init(_ rules: [(ruleId: String, rank: Int, className: String, conditions: [Condition])]) {
        var metrics: [Metric] = []
        for rule in rules {
            for condition in rule.conditions where condition.metric != .unspecified {
                if !metrics.contains(condition.metric) { metrics.append(condition.metric) }
            }
        }
        var cells: [Metric: MetricCells] = [:]
        for metric in metrics {
            let thresholds = rules.flatMap(\.conditions).filter { $0.metric == metric }.map(\.threshold)
            cells[metric] = MetricCells(metric: metric, thresholds: thresholds)
        }
        self.metrics = metrics
        self.cells = cells
        self.regions = rules.map { rule in
            var allowed: [Metric: Set<Int>] = [:]
            var neverHolds = false
            for condition in rule.conditions {
                // A malformed condition (reported by the condition checks) never holds.
                guard let metricCells = cells[condition.metric], condition.comparison != .unspecified,
                      RuleSetValidation.thresholdProblem(condition.threshold, metric: condition.metric) == nil
                else {
                    neverHolds = true
                    continue
                }
                let holding = metricCells.cells(where: condition)
                allowed[condition.metric] = allowed[condition.metric].map { $0.intersection(holding) } ?? holding
            }
            return Region(ruleId: rule.ruleId, rank: rule.rank, className: rule.className,
                          conditions: rule.conditions, allowed: allowed, neverHolds: neverHolds)
        }
    }

    /// The cells both regions allow on each metric either tests; nil when they share none on some metric.
    func intersection(_ a: Region, _ b: Region) -> [Metric: Set<Int>]? {
        var shared: [Metric: Set<Int>] = [:]
        for metric in metrics where a.allowed[metric] != nil || b.allowed[metric] != nil {
            let all = Set(cutting(metric).cells.indices)
            let both = (a.allowed[metric] ?? all).intersection(b.allowed[metric] ?? all)
            if both.isEmpty { return nil }
            shared[metric] = both
        }
        return shared
    }

    /// Points (a cell per metric, for the metrics chosen so far) that no non-empty region covers, in order of
    /// the metrics' cells; at most `limit`.
    func uncovered(limit: Int) -> [[Metric: Int]] {
        var found: [[Metric: Int]] = []
        search(regions.filter { !$0.isEmpty }, metrics[...], chosen: [:], found: &found, limit: limit)
        return found
    }

    private func search(_ live: [Region], _ rest: ArraySlice<Metric>, chosen: [Metric: Int],
                        found: inout [[Metric: Int]], limit: Int) {
        guard found.count < limit else { return }
        if live.isEmpty {
            found.append(chosen)
            return
        }
        // A region that tests none of the metrics left covers everything from here on.
        guard let metric = rest.first,
              !live.contains(where: { region in rest.allSatisfy { region.allowed[$0] == nil } })
        else { return }
        for cell in cutting(metric).cells.indices {
            let inCell = live.filter { $0.allowed[metric]?.contains(cell) ?? true }
            var next = chosen
            next[metric] = cell
            search(inCell, rest.dropFirst(), chosen: next, found: &found, limit: limit)
        }
    }

    /// The cells of a tested metric.
    private func cutting(_ metric: Metric) -> MetricCells {
        guard let metricCells = cells[metric] else { preconditionFailure("\(metric) is not tested by these rules") }
        return metricCells
    }

    /// "value_score=55, renewal_rate=absent": a point written for a person, in the order of the metrics.
    func example(_ point: [Metric: Int]) -> String {
        metrics.compactMap { metric in point[metric].map { cutting(metric).example(at: $0) } }.joined(separator: ", ")
    }

    /// The conditions of `region` that fail at `point` (metrics not in the point are taken to satisfy them).
    func failing(_ region: Region, at point: [Metric: Int]) -> [Condition] {
        region.conditions.filter { condition in
            guard let cell = point[condition.metric] else { return false }
            return !condition.holds(for: cutting(condition.metric).value(at: cell))
        }
    }

    /// How far `point` is from satisfying `condition`, in the metric's units (`Condition.shortfall`); 0 where
    /// the value is absent (the condition fails, but no value is nearer than another).
    func shortfall(_ condition: Condition, at point: [Metric: Int]) -> Double {
        guard let cell = point[condition.metric], let value = cutting(condition.metric).value(at: cell) else {
            return 0
        }
        return condition.shortfall(of: value.numeric)
    }
}
