import Models
import ScoringAPI
import ScoringModel
import Store

/// A customer measured from their facts alone (`MeasuredCustomer`), with the feed position the facts reached.
struct HeldCustomer: Sendable {
    var measured: MeasuredCustomer
    var position: Int64
}

/// A run of consecutive customers from a full rescore's read of the book, held until the book is measured: the
/// range of codes it covers (which also holds the codes that have a card but no facts any more), and its customers.
struct HeldRun: Sendable {
    /// The run's place among the runs held, from 0.
    var index: Int
    /// The range is the codes after `after` through `through` (nil: to the end of the book).
    var after: String
    var through: String?
    /// The feed position of the read's snapshot of the facts.
    var snapshot: Int64
    /// In order of codes.
    var customers: [HeldCustomer]
}

/// A full rescore's one read of the book: every customer's facts read in one snapshot (`BookPass`), measured
/// alone on the workers (`ScoringFrame.measure`), counted into the book's measurement, and held in memory (about
/// 400 bytes a customer: the scoring process peaked at 1.15 GB on a million, against 0.78 GB when it read the book
/// twice) to be scored once the statistics are known, without reading the facts again.
struct HeldBook: Sendable {
    /// The book measured: segment averages and RFM edges, and percentile distributions when the rule set asks.
    var statistics: BookStatistics
    /// Customers in the book.
    var customers: Int
    /// Customers whose codes sort no later than the code the job resumes after (counted done, not held).
    var customersThrough: Int
    /// The runs after that code, in order.
    var runs: [HeldRun]

    /// Reads the book.
    /// - Parameters:
    ///   - frame: the rule set, settings and segments to measure with (its book is the empty measurement's).
    ///   - measurement: the empty measurement under the same rule set.
    ///   - after: the code the job resumes after ("" from the start): customers up to it are measured, not held
    ///     (but for the percentile distributions, when the rule set asks for them).
    static func read(pool: PostgresPool, frame: ScoringFrame, measurement: BookMeasurement, after: String,
                     runSize: Int, settings: ScoringSettings) async throws -> HeldBook {
        struct Part: Sendable {
            var measurement: BookMeasurement
            var runs: [(index: Int, run: HeldRun)] = []
            /// Those up to the resume point, kept only while the percentile distributions need them.
            var before: [MeasuredCustomer] = []
            var through = 0
        }
        let percentiles = frame.ruleSet.flatMap { $0.percentileMetrics.isEmpty ? nil : $0 }
        let utcOffsetSeconds = settings.utcOffsetSeconds
        let pass = BookPass(pool: pool, runSize: runSize, workers: settings.rescoreWorkers,
                            utcOffsetSeconds: utcOffsetSeconds)
        let parts = try await pass.run(start: { Part(measurement: measurement) }) { part, run in
            var held: [HeldCustomer] = []
            held.reserveCapacity(run.fetched.count)
            for stored in try run.facts(utcOffsetSeconds: utcOffsetSeconds) {
                let measured = frame.measure(stored.facts)
                part.measurement.add(measured)
                if stored.facts.customerCode > after {
                    held.append(HeldCustomer(measured: measured, position: stored.position))
                } else {
                    part.through += 1
                    if percentiles != nil { part.before.append(measured) }
                }
            }
            // A run wholly up to the resume point was scored before.
            guard run.through.map({ $0 > after }) ?? true else { return }
            part.runs.append((run.index, HeldRun(index: 0, after: max(run.after, after), through: run.through,
                                                 snapshot: run.snapshot, customers: held)))
        }
        var total = measurement
        for part in parts { total.combine(part.measurement) }
        var runs = parts.flatMap(\.runs).sorted { $0.index < $1.index }.map(\.run)
        for index in runs.indices { runs[index].index = index }
        let held = runs
        var statistics = total.statistics()
        if let ruleSet = percentiles {
            let pass = PercentilePass(ruleSet: ruleSet, settings: settings, statistics: statistics)
            let partials = Parallel.map(count: held.count, chunks: settings.rescoreWorkers) { range in
                var values: [Metric: [Double]] = [:]
                for index in range { pass.add(held[index].customers.lazy.map(\.measured), to: &values) }
                return values
            }
            var values: [Metric: [Double]] = [:]
            for part in parts { pass.add(part.before, to: &values) }
            for partial in partials { values.merge(partial, uniquingKeysWith: +) }
            statistics.distributions = PercentilePass.distributions(values)
        }
        return HeldBook(statistics: statistics, customers: total.customers,
                        customersThrough: parts.reduce(0) { $0 + $1.through }, runs: held)
    }
}
