/// One value sent to or read from PostgreSQL.
///
/// Parameters go to the server in text format (bytes in binary format), so the server casts
/// them to the type the statement expects: `.text("42")` works for an `int4` column and
/// `.int(42)` works for a `numeric` one.
public enum PostgresValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// `boolean`.
    case bool(Bool)
    /// Any integer column (`int2`, `int4`, `int8`, `oid`, `xid8`).
    case int(Int64)
    /// `float8` (and `float4` when read).
    case double(Double)
    /// `text`, `varchar`, `bpchar`, `name` and other textual types.
    case text(String)
    /// `bytea`.
    case bytes([UInt8])
    /// `timestamptz` or `timestamp`, as microseconds since 1970-01-01 00:00:00 UTC.
    case timestamp(microsSince1970: Int64)
    /// `date`, a calendar day without a time zone (proleptic Gregorian; year 0 is 1 BC).
    case date(year: Int, month: Int, day: Int)

    /// An integer value.
    public init(_ v: Int) { self = .int(Int64(v)) }

    /// A text value, or NULL for `nil`.
    public init(_ v: String?) { self = v.map(PostgresValue.text) ?? .null }

    /// A timestamp value.
    public init(_ v: PostgresTimestamp) { self = .timestamp(microsSince1970: v.microsSince1970) }

    /// A date value.
    public init(_ v: PostgresDate) { self = .date(year: v.year, month: v.month, day: v.day) }

    /// The case name (`int`, `text`, ...), for messages that must not show the value.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .text: "text"
        case .bytes: "bytes"
        case .timestamp: "timestamp"
        case .date: "date"
        }
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension PostgresValue: ExpressibleByStringLiteral {
    /// A text value from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension PostgresValue: ExpressibleByIntegerLiteral {
    /// An integer value from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension PostgresValue: ExpressibleByNilLiteral {
    /// SQL NULL from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension PostgresValue: ExpressibleByBooleanLiteral {
    /// A boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension PostgresValue: ExpressibleByFloatLiteral {
    /// A double value from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension PostgresValue: CustomStringConvertible {
    /// A short rendering for logs and test failures; bytes are shown as their count.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .bytes(let bytes): "bytea(\(bytes.count) bytes)"
        default: textRepresentation ?? "NULL"
        }
    }
}
