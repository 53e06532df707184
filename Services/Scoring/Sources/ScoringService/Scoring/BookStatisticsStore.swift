import Foundation
import Logging
import Models
import ScoringAPI
import ScoringModel
import Store
import Synchronization

/// The book's statistics (segment averages for premium contribution, RFM band edges, percentile distributions)
/// that every card is computed against, measured from all customers' facts under the active rule set and kept in
/// `book_statistics` and in memory.
///
/// Full rescores (on demand, scheduled, after an activation) always measure them again. Between full rescores the
/// rescorer measures them itself only while the book is small (`ScoringSettings.smallBook` customers or fewer:
/// measuring is cheap, and cards stay exact), whenever the facts, the day or the rule set changed; a large book is
/// scored against the statistics of the last full rescore, so that a feed event never waits for a whole book to be
/// read. A large book without any statistics yet is measured once.
final class BookStatisticsStore: Sendable {
    private struct Measured: Sendable {
        var statistics: BookStatistics
        var asOf: CalendarDate
        var customers: Int64
        var position: Int64
        var ruleSet: RuleSetRef
    }

    /// Customers measured at a time.
    static let chunkSize = 5_000

    private let settings: ScoringSettings
    private let logger: Logger
    private let cache = Mutex<Measured?>(nil)

    init(settings: ScoringSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// The statistics to score with now under `ruleSet`, measured again first when stale (see the type's summary).
    func current(on connection: PostgresConnection, ruleSet: RuleSet?, asOf: CalendarDate) throws -> BookStatistics {
        let cursor = try Self.feedPosition(on: connection)
        let ref = Self.ref(ruleSet)
        if let known = cache.withLock({ $0 }), isFresh(known, asOf: asOf, cursor: cursor, ruleSet: ref) {
            return known.statistics
        }
        // Another replica, or the last full rescore, may have measured meanwhile.
        if let known = try stored(on: connection), isFresh(known, asOf: asOf, cursor: cursor, ruleSet: ref) {
            cache.withLock { $0 = known }
            return known.statistics
        }
        let measured = try Self.measure(ruleSet: ruleSet, settings: settings, asOf: asOf, on: connection)
        try store(measured.statistics, customers: measured.customers, position: cursor, ruleSet: ruleSet, asOf: asOf,
                  on: connection)
        logger.debug("measured the book", metadata: ["customers": "\(measured.customers)", "position": "\(cursor)"])
        return measured.statistics
    }

    /// Stores statistics just measured (by the rescorer or a full rescore) as the current ones.
    func store(_ statistics: BookStatistics, customers: Int, position: Int64, ruleSet: RuleSet?, asOf: CalendarDate,
               on connection: PostgresConnection) throws {
        let ref = Self.ref(ruleSet)
        let json = try JSONEncoder().encode(StoredStatistics(statistics: statistics, ruleSet: ref))
        try connection.execute(
            """
            INSERT INTO book_statistics (singleton, statistics, as_of, customers, facts_position, measured_at)
            VALUES (true, $1, $2, $3, $4, now())
            ON CONFLICT (singleton) DO UPDATE SET statistics = excluded.statistics, as_of = excluded.as_of,
                customers = excluded.customers, facts_position = excluded.facts_position, measured_at = now()
            """, [.bytes(Array(json)), SQLValues.date(asOf), .int(Int64(customers)), .int(position)])
        cache.withLock {
            $0 = Measured(statistics: statistics, asOf: asOf, customers: Int64(customers), position: position,
                          ruleSet: ref)
        }
    }

    /// The book as measured: its statistics, and how many customers it has.
    struct MeasuredBook: Sendable {
        var statistics: BookStatistics
        var customers: Int
    }

    /// Measures the book under `ruleSet` in the caller's transaction, reading the facts with whole-table scans
    /// (`BookScan`): segment averages and RFM edges in one pass, and when the rule set normalises some metric by
    /// percentile, its distribution in a second (each customer assessed under the first pass's statistics). A full
    /// rescore measures as it reads the book once instead (`HeldBook`).
    static func measure(ruleSet: RuleSet?, settings: ScoringSettings, asOf: CalendarDate,
                        on connection: PostgresConnection) throws -> MeasuredBook {
        let scan = BookScan(connection: connection, utcOffsetSeconds: settings.utcOffsetSeconds)
        var measurement = emptyMeasurement(ruleSet: ruleSet, settings: settings, asOf: asOf)
        try scan.forEachDecodedRun(parts: BookScan.Part.measurement, customers: chunkSize) { run in
            for stored in run { measurement.add(stored.facts) }
        }
        var statistics = measurement.statistics()
        if let ruleSet, !ruleSet.percentileMetrics.isEmpty {
            let percentiles = PercentilePass(ruleSet: ruleSet, settings: settings, statistics: statistics)
            var values: [Metric: [Double]] = [:]
            try scan.forEachDecodedRun(customers: chunkSize) { run in percentiles.add(run, to: &values) }
            statistics.distributions = PercentilePass.distributions(values)
        }
        return MeasuredBook(statistics: statistics, customers: measurement.customers)
    }

    /// A measurement of no customers yet, under `ruleSet` (or the model's defaults without one).
    static func emptyMeasurement(ruleSet: RuleSet?, settings: ScoringSettings,
                                         asOf: CalendarDate) -> BookMeasurement {
        ruleSet.map { BookMeasurement(asOf: asOf, ruleSet: $0, currency: settings.currency) }
            ?? BookMeasurement(settings: settings.metricSettings)
    }

    /// The position in identity's feed the facts have reached.
    static func feedPosition(on connection: PostgresConnection) throws -> Int64 {
        try connection.query("SELECT coalesce(max(position), 0) FROM feed_cursor")[0].decode(Int64.self, at: 0)
    }

    private func isFresh(_ known: Measured, asOf: CalendarDate, cursor: Int64, ruleSet: RuleSetRef) -> Bool {
        if known.customers > settings.smallBook { return true }
        return known.asOf == asOf && known.position == cursor && known.ruleSet == ruleSet
    }

    private static func ref(_ ruleSet: RuleSet?) -> RuleSetRef {
        RuleSetRef(ruleSetId: ruleSet?.ruleSetId ?? "", version: ruleSet?.version ?? 0)
    }

    /// The statistics another replica (or an earlier run) stored, if any.
    private func stored(on connection: PostgresConnection) throws -> Measured? {
        guard let row = try connection.query(
            "SELECT statistics, as_of, customers, facts_position FROM book_statistics").first,
            let asOf = try SQLValues.day(row, "as_of")
        else { return nil }
        let data = Data(try row.decode([UInt8].self, "statistics"))
        // Statistics stored before rule sets were applied have no rule set: they are measured again.
        guard let stored = try? JSONDecoder().decode(StoredStatistics.self, from: data) else { return nil }
        return Measured(statistics: stored.statistics, asOf: asOf, customers: try row.decode(Int64.self, "customers"),
                        position: try row.decode(Int64.self, "facts_position"), ruleSet: stored.ruleSet)
    }
}

/// What `book_statistics.statistics` holds: the statistics and the rule set they were measured under.
private struct StoredStatistics: Codable {
    var statistics: BookStatistics
    var ruleSetId: String
    var ruleSetVersion: Int32

    var ruleSet: RuleSetRef { RuleSetRef(ruleSetId: ruleSetId, version: ruleSetVersion) }

    init(statistics: BookStatistics, ruleSet: RuleSetRef) {
        self.statistics = statistics
        ruleSetId = ruleSet.ruleSetId
        ruleSetVersion = ruleSet.version
    }
}
