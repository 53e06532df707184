/// A date with no time zone: birth dates, policy dates (common.proto `Date`).
public struct CalendarDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int32
    public var month: Int32
    public var day: Int32

    public init(year: Int32, month: Int32, day: Int32) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601, `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int32, _ width: Int) -> String { String(repeating: "0", count: max(0, width - "\(n)".count)) + "\(n)" }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// An instant, as microseconds since 1970-01-01T00:00:00Z (common.proto `Timestamp`).
public struct Timestamp: Codable, Sendable, Hashable, Comparable {
    public var unixMicros: Int64

    public init(unixMicros: Int64) { self.unixMicros = unixMicros }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.unixMicros < b.unixMicros }
}
