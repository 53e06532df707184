import Models
import Store

/// Scoring's values as statement parameters, and back.
enum SQLValues {
    /// A day, or NULL.
    static func date(_ day: CalendarDate?) -> PostgresValue {
        guard let day else { return .null }
        return .date(year: Int(day.year), month: Int(day.month), day: Int(day.day))
    }

    /// A day read from a `date` column, or nil for NULL.
    static func day(_ row: PostgresRow, _ column: String) throws -> CalendarDate? {
        try row.decode(PostgresDate?.self, column).map {
            CalendarDate(year: Int32($0.year), month: Int32($0.month), day: Int32($0.day))
        }
    }

    /// Money from its two columns; nil when the amount column is NULL.
    static func money(_ row: PostgresRow, _ minor: String, _ currency: String) throws -> Money? {
        guard let units = try row.decode(Int64?.self, minor) else { return nil }
        return Money(minorUnits: units, currency: try row.decode(String?.self, currency) ?? "")
    }

    /// The minor units of an amount, or NULL without one.
    static func minorUnits(_ amount: Money?) -> PostgresValue { amount.map { .int($0.minorUnits) } ?? .null }

    /// The currency of an amount, or NULL without one.
    static func currency(_ amount: Money?) -> PostgresValue { amount.map { .text($0.currency) } ?? .null }
}
