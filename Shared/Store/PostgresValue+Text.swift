/// The PostgreSQL text representation of values, used for statement parameters and COPY.
extension PostgresValue {
    /// The value as PostgreSQL's text input functions accept it, or `nil` for NULL.
    ///
    /// Bytes use the `\x` hex form; timestamps are written in UTC with an explicit `+00` so the
    /// session's `TimeZone` setting cannot shift them; doubles keep every digit so they round-trip.
    public var textRepresentation: String? {
        switch self {
        case .null:
            return nil
        case .bool(let value):
            return value ? "t" : "f"
        case .int(let value):
            return String(value)
        case .double(let value):
            return Self.text(of: value)
        case .text(let value):
            return value
        case .bytes(let bytes):
            return Self.hex(bytes)
        case .timestamp(let micros):
            return PostgresTimestamp(microsSince1970: micros).isoText
        case .date(let year, let month, let day):
            return PostgresDate(year: year, month: month, day: day).isoText
        }
    }

    // Swift spells the special values "inf" and "nan"; PostgreSQL wants "Infinity" and "NaN".
    private static func text(of value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(2 + bytes.count * 2)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        appendHexDigits(of: bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends two lower-case hex digits per byte (bytea's hex form, after its `\x`).
    static func appendHexDigits(of bytes: [UInt8], to buffer: inout [UInt8]) {
        for byte in bytes {
            buffer.append(hexDigits[Int(byte >> 4)])
            buffer.append(hexDigits[Int(byte & 0x0f)])
        }
    }
}
