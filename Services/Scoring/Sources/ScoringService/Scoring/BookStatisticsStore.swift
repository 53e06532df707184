import Foundation
import Logging
import Models
import ScoringModel
import Store
import Synchronization

/// The book's statistics (segment averages for premium contribution, RFM band edges) that every card is computed
/// against, measured from all customers' facts and kept in `book_statistics` and in memory.
///
/// They are measured again when there are none, when the day scored as of changed, or when identity's feed moved
/// since they were measured and either the book is small (`ScoringSettings.smallBook` customers or fewer: measuring
/// is cheap, and cards stay exact) or the measurement is older than `ScoringSettings.bookRefresh`. A large book is
/// therefore scored against statistics up to that old between full rescores.
final class BookStatisticsStore: Sendable {
    private struct Measured: Sendable {
        var statistics: BookStatistics
        var asOf: CalendarDate
        var customers: Int64
        var position: Int64
        var measuredAt: Date
    }

    private let settings: ScoringSettings
    private let logger: Logger
    private let cache = Mutex<Measured?>(nil)

    init(settings: ScoringSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// The statistics to score with now, measured again first when they are stale (see the type's summary).
    func current(on connection: PostgresConnection, metrics: MetricSettings) throws -> BookStatistics {
        let cursor = try connection.query("SELECT coalesce(max(position), 0) FROM feed_cursor")[0]
            .decode(Int64.self, at: 0)
        if let known = cache.withLock({ $0 }), isFresh(known, asOf: metrics.asOf, cursor: cursor) {
            return known.statistics
        }
        // Another replica may have measured meanwhile.
        if let known = try stored(on: connection), isFresh(known, asOf: metrics.asOf, cursor: cursor) {
            cache.withLock { $0 = known }
            return known.statistics
        }
        let measured = try measure(on: connection, metrics: metrics, cursor: cursor)
        cache.withLock { $0 = measured }
        return measured.statistics
    }

    private func isFresh(_ known: Measured, asOf: CalendarDate, cursor: Int64) -> Bool {
        guard known.asOf == asOf else { return false }
        if known.position == cursor { return true }
        let age = Date().timeIntervalSince(known.measuredAt)
        return known.customers > settings.smallBook && age < Double(settings.bookRefresh.components.seconds)
    }

    /// Reads every customer's facts and measures the book; stores the result.
    private func measure(on connection: PostgresConnection, metrics: MetricSettings, cursor: Int64) throws -> Measured {
        let reader = FactReader(connection: connection, utcOffsetSeconds: settings.utcOffsetSeconds)
        let codes = try reader.allCodes()
        var book: [CustomerFacts] = []
        book.reserveCapacity(codes.count)
        var start = 0
        while start < codes.count {
            let chunk = Array(codes[start..<min(start + 5_000, codes.count)])
            book += try reader.facts(of: chunk).values.map(\.facts)
            start += chunk.count
        }
        let statistics = BookStatistics.measure(book, settings: metrics)
        let measured = Measured(statistics: statistics, asOf: metrics.asOf, customers: Int64(book.count),
                                position: cursor, measuredAt: Date())
        let json = try JSONEncoder().encode(statistics)
        try connection.execute(
            """
            INSERT INTO book_statistics (singleton, statistics, as_of, customers, facts_position, measured_at)
            VALUES (true, $1, $2, $3, $4, now())
            ON CONFLICT (singleton) DO UPDATE SET statistics = excluded.statistics, as_of = excluded.as_of,
                customers = excluded.customers, facts_position = excluded.facts_position, measured_at = now()
            """, [.bytes(Array(json)), SQLValues.date(metrics.asOf), .int(measured.customers), .int(cursor)])
        logger.debug("measured the book", metadata: ["customers": "\(book.count)", "position": "\(cursor)"])
        return measured
    }

    /// The statistics another replica (or an earlier run) stored, if any.
    private func stored(on connection: PostgresConnection) throws -> Measured? {
        guard let row = try connection.query(
            """
            SELECT statistics, as_of, customers, facts_position,
                   extract(epoch FROM now() - measured_at)::float8 AS age FROM book_statistics
            """).first,
            let asOf = try SQLValues.day(row, "as_of")
        else { return nil }
        let statistics = try JSONDecoder().decode(BookStatistics.self, from: Data(try row.decode([UInt8].self, "statistics")))
        return Measured(statistics: statistics, asOf: asOf, customers: try row.decode(Int64.self, "customers"),
                        position: try row.decode(Int64.self, "facts_position"),
                        measuredAt: Date().addingTimeInterval(-(try row.decode(Double.self, "age"))))
    }
}
