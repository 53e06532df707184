/// A compact binary form of a record's match fields and identifiers, as stored (encrypted) beside each party record
/// and read back for every candidate of an online resolution, where JSON would cost more than the comparison.
///
/// Layout: a version byte; the number of fields; per field its name and value count, then the values; the number of
/// identifiers; per identifier its type and value. Strings are a LEB128 length and UTF-8 bytes.
public enum MatchFieldsCoding {
    static let version: UInt8 = 1

    /// The bytes of `fields` and `identifiers`.
    public static func encode(fields: [String: [String]], identifiers: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(256)
        appendCount(fields.count, to: &bytes)
        for name in fields.keys.sorted() {
            let values = fields[name]!
            appendString(name, to: &bytes)
            appendCount(values.count, to: &bytes)
            for value in values { appendString(value, to: &bytes) }
        }
        appendCount(identifiers.count, to: &bytes)
        for type in identifiers.keys.sorted() {
            appendString(type, to: &bytes)
            appendString(identifiers[type]!, to: &bytes)
        }
        return bytes
    }

    /// Reads what `encode` wrote.
    /// - Throws: ``MatchFieldsCodingError`` for bytes it did not write (another version, truncated, not UTF-8).
    public static func decode(_ bytes: [UInt8]) throws(MatchFieldsCodingError)
        -> (fields: [String: [String]], identifiers: [String: String])
    {
        var reader = Reader(bytes: bytes)
        guard try reader.byte() == version else { throw MatchFieldsCodingError(problem: "unknown version") }
        let fieldCount = try reader.count()
        var fields: [String: [String]] = Dictionary(minimumCapacity: fieldCount)
        for _ in 0..<fieldCount {
            let name = try reader.string()
            let valueCount = try reader.count()
            var values: [String] = []
            values.reserveCapacity(valueCount)
            for _ in 0..<valueCount { values.append(try reader.string()) }
            fields[name] = values
        }
        let identifierCount = try reader.count()
        var identifiers: [String: String] = [:]
        for _ in 0..<identifierCount {
            let type = try reader.string()
            identifiers[type] = try reader.string()
        }
        guard reader.offset == bytes.count else { throw MatchFieldsCodingError(problem: "trailing bytes") }
        return (fields, identifiers)
    }

    static func appendCount(_ count: Int, to bytes: inout [UInt8]) {
        var value = UInt64(count)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        appendCount(text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(MatchFieldsCodingError) -> UInt8 {
            guard offset < bytes.count else { throw MatchFieldsCodingError(problem: "truncated") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func count() throws(MatchFieldsCodingError) -> Int {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                let next = try byte()
                value |= UInt64(next & 0x7F) << shift
                if next & 0x80 == 0 { break }
                shift += 7
                guard shift < 35 else { throw MatchFieldsCodingError(problem: "count too large") }
            }
            guard value <= UInt64(bytes.count - offset) + 1_000_000 else {
                throw MatchFieldsCodingError(problem: "count too large")
            }
            return Int(value)
        }

        mutating func string() throws(MatchFieldsCodingError) -> String {
            let length = try count()
            guard length <= bytes.count - offset else { throw MatchFieldsCodingError(problem: "truncated") }
            defer { offset += length }
            guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
                throw MatchFieldsCodingError(problem: "a string is not UTF-8")
            }
            return text
        }
    }
}

/// Stored match fields that cannot be read.
public struct MatchFieldsCodingError: Error, Sendable, Hashable {
    public var problem: String
}
