/// A Swift type that one column can be decoded into.
///
/// Conform your own types by decoding an existing one from the cell:
/// `static func decode(from cell: PostgresCell) throws -> CustomerID { CustomerID(try cell.decode(String.self)) }`.
public protocol PostgresDecodable {
    /// Decodes a value from one cell.
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column when the cell does not fit.
    static func decode(from cell: PostgresCell) throws -> Self
}

/// A Swift type that a whole row can be decoded into, for ``PostgresConnection/query(_:_:_:)``.
public protocol PostgresRowDecodable {
    /// Decodes one row, usually column by column with ``PostgresRow/decode(_:_:)``.
    init(row: PostgresRow) throws
}

extension PostgresCell {
    /// The cell's value, or an error naming the column when it is NULL.
    func nonNullValue<T>(for type: T.Type) throws -> PostgresValue {
        let value = try value()
        if value.isNull { throw decodingError("is NULL; decode it as \(T.self)? to accept NULL") }
        return value
    }

    /// The error for a value whose type does not fit `T`; the value itself is left out, as it may be
    /// personal data and errors end up in logs.
    func mismatch<T>(_ value: PostgresValue, _ type: T.Type) -> StoreError {
        decodingError("type OID \(typeOID) (read as \(value.kind)) cannot be decoded as \(T.self)")
    }

    /// An integer cell, narrowed to `T` or an error naming the column when it does not fit.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value = try nonNullValue(for: T.self)
        guard case .int(let wide) = value else { throw mismatch(value, T.self) }
        guard let narrow = T(exactly: wide) else { throw decodingError("\(wide) does not fit in \(T.self)") }
        return narrow
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// `nil` for NULL, otherwise the wrapped type's decoding.
    @inlinable
    public static func decode(from cell: PostgresCell) throws -> Wrapped? {
        cell.isNull ? nil : try Wrapped.decode(from: cell)
    }
}

extension PostgresValue: PostgresDecodable {
    /// Any supported column as a value; NULL becomes ``PostgresValue/null``.
    public static func decode(from cell: PostgresCell) throws -> PostgresValue { try cell.value() }
}

extension Int: PostgresDecodable {
    /// From `int2`, `int4`, `int8`, `oid` and `xid8`.
    public static func decode(from cell: PostgresCell) throws -> Int { try cell.integer(Int.self) }
}

extension Int64: PostgresDecodable {
    /// From `int2`, `int4`, `int8`, `oid` and `xid8`.
    public static func decode(from cell: PostgresCell) throws -> Int64 { try cell.integer(Int64.self) }
}

extension Int32: PostgresDecodable {
    /// From any integer column whose value fits in 32 bits.
    public static func decode(from cell: PostgresCell) throws -> Int32 { try cell.integer(Int32.self) }
}

extension Int16: PostgresDecodable {
    /// From any integer column whose value fits in 16 bits.
    public static func decode(from cell: PostgresCell) throws -> Int16 { try cell.integer(Int16.self) }
}

extension String: PostgresDecodable {
    /// From `text`, `varchar`, `bpchar`, `name`, `char`, `json`, `jsonb` and `uuid`.
    public static func decode(from cell: PostgresCell) throws -> String {
        let value = try cell.nonNullValue(for: String.self)
        guard case .text(let text) = value else { throw cell.mismatch(value, String.self) }
        return text
    }
}

extension Bool: PostgresDecodable {
    /// From `boolean`.
    public static func decode(from cell: PostgresCell) throws -> Bool {
        let value = try cell.nonNullValue(for: Bool.self)
        guard case .bool(let flag) = value else { throw cell.mismatch(value, Bool.self) }
        return flag
    }
}

extension Double: PostgresDecodable {
    /// From `float8` and `float4` (never from `numeric`: money is integer minor units).
    public static func decode(from cell: PostgresCell) throws -> Double {
        let value = try cell.nonNullValue(for: Double.self)
        guard case .double(let number) = value else { throw cell.mismatch(value, Double.self) }
        return number
    }
}

extension [UInt8]: PostgresDecodable {
    /// From `bytea`.
    public static func decode(from cell: PostgresCell) throws -> [UInt8] {
        let value = try cell.nonNullValue(for: [UInt8].self)
        guard case .bytes(let bytes) = value else { throw cell.mismatch(value, [UInt8].self) }
        return bytes
    }
}

extension PostgresTimestamp: PostgresDecodable {
    /// From `timestamptz` and `timestamp` (taken as UTC); infinite values fail to decode.
    public static func decode(from cell: PostgresCell) throws -> PostgresTimestamp {
        let value = try cell.nonNullValue(for: PostgresTimestamp.self)
        guard case .timestamp(let micros) = value else { throw cell.mismatch(value, PostgresTimestamp.self) }
        return PostgresTimestamp(microsSince1970: micros)
    }
}

extension PostgresDate: PostgresDecodable {
    /// From `date`; infinite values fail to decode.
    public static func decode(from cell: PostgresCell) throws -> PostgresDate {
        let value = try cell.nonNullValue(for: PostgresDate.self)
        guard case .date(let year, let month, let day) = value else { throw cell.mismatch(value, PostgresDate.self) }
        return PostgresDate(year: year, month: month, day: day)
    }
}
