import Models
import ScoringAPI

/// A metric's range cut at every threshold that rules test it against: points at the thresholds and open
/// stretches between them, plus "absent" for a metric some customers have no value of. No threshold falls
/// inside a cell, so every condition on the metric holds for all of a cell or for none of it: testing one
/// value of each cell decides a condition for the whole range exactly — interval reasoning, not sampling.
struct MetricCells {
    /// One piece of the range.
    enum Cell: Hashable {
        case point(Double)
        /// Strictly between the two; no upper end when the range is unbounded.
        case between(Double, Double?)
        case absent
    }

    let metric: Metric
    let cells: [Cell]
    /// Money examples are written in this currency.
    let currency: String

    /// The cells of `metric`'s range (`Metric.range`) cut at `thresholds`; for a whole-number metric, cells
    /// without a whole number are left out.
    init(metric: Metric, thresholds: [Threshold]) {
        let range = metric.range ?? Metric.Range(lower: 0, upper: nil, isInteger: false)
        let cuts = Set(thresholds.compactMap(\.numeric).filter(range.contains) + [range.lower] + [range.upper]
            .compactMap { $0 }).sorted()
        var cells: [Cell] = []
        for (index, cut) in cuts.enumerated() {
            if !range.isInteger || cut == cut.rounded() { cells.append(.point(cut)) }
            let next = index + 1 < cuts.count ? cuts[index + 1] : nil
            if next == nil && range.upper != nil { continue }
            // A stretch of a whole-number metric counts only when a whole number lies strictly inside it.
            if !range.isInteger || next.map({ cut.rounded(.down) + 1 < $0 }) ?? true {
                cells.append(.between(cut, next))
            }
        }
        if range.canBeAbsent { cells.append(.absent) }
        self.metric = metric
        self.cells = cells
        self.currency = thresholds.compactMap(\.amount?.currency).first ?? "CNY"
    }

    /// A value inside cell `index`: the point; the middle of a stretch (for whole numbers the first whole number
    /// past its lower end; one past the lower end when unbounded); nil for absent.
    func value(at index: Int) -> MetricValue? {
        let number: Double
        switch cells[index] {
        case .absent: return nil
        case .point(let cut): number = cut
        case .between(let low, let high):
            if metric.range?.isInteger ?? false {
                number = low.rounded(.down) + 1
            } else {
                number = high.map { (low + $0) / 2 } ?? low + 1
            }
        }
        return metric.isMoney ? .amount(Money(minorUnits: Int64(number), currency: currency)) : .number(number)
    }

    /// "value_score=70", "renewal_rate=absent": cell `index` written for a person.
    func example(at index: Int) -> String {
        "\(metric.shortName)=\(value(at: index)?.text ?? "absent")"
    }

    /// The cells where `condition` (on this metric) holds.
    func cells(where condition: Condition) -> Set<Int> {
        Set(cells.indices.filter { condition.holds(for: value(at: $0)) })
    }
}
