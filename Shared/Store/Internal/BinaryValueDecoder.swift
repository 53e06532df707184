/// Turns one cell of a binary-format result into a ``PostgresValue``, chosen by the column's type OID.
enum BinaryValueDecoder {
    /// Type OIDs from pg_type.dat that this module understands.
    enum TypeOID {
        static let bool: UInt32 = 16, bytea: UInt32 = 17, char: UInt32 = 18, name: UInt32 = 19
        static let int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23, text: UInt32 = 25
        static let oid: UInt32 = 26, xid: UInt32 = 28, json: UInt32 = 114
        static let float4: UInt32 = 700, float8: UInt32 = 701, unknown: UInt32 = 705
        static let bpchar: UInt32 = 1042, varchar: UInt32 = 1043, date: UInt32 = 1082
        static let timestamp: UInt32 = 1114, timestamptz: UInt32 = 1184, numeric: UInt32 = 1700
        static let uuid: UInt32 = 2950, jsonb: UInt32 = 3802, xid8: UInt32 = 5069
    }

    /// Decodes the cell at `row`, `column` of `cells`.
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column for an unsupported type or a
    ///   malformed value.
    static func value(in cells: LibpqCells, row: Int, column: Int) throws(StoreError) -> PostgresValue {
        if cells.isNull(row: row, column: column) { return .null }
        let oid = cells.typeOID(column: column)
        let decoded: PostgresValue? = cells.withCellBytes(row: row, column: column) { bytes in
            // Text-format results (from the simple protocol) carry every type as its text form.
            if cells.format(column: column) == 0 { return .text(String(decoding: bytes, as: UTF8.self)) }
            return binary(bytes, oid: oid)
        }
        if let decoded { return decoded }
        let name = cells.columnName(column: column)
        if oid == TypeOID.numeric {
            throw StoreError(
                .decodingFailed,
                message: "column '\(name)' is numeric, which is not decoded (no exact Swift type); "
                    + "cast it in SQL to int8 for integer minor units or to text")
        }
        throw StoreError(
            .decodingFailed,
            message: "column '\(name)' has type OID \(oid), which cannot be decoded or whose value is malformed "
                + "(infinite dates and timestamps included); cast it in SQL to a supported type")
    }

    /// Whether values of the type are text in binary format as in text format: UTF-8, nothing more.
    static func isText(_ oid: UInt32) -> Bool {
        oid == TypeOID.text || oid == TypeOID.varchar || oid == TypeOID.bpchar || oid == TypeOID.name
            || oid == TypeOID.unknown
    }

    private static func binary(_ bytes: UnsafeRawBufferPointer, oid: UInt32) -> PostgresValue? {
        switch oid {
        case TypeOID.bool:
            return bytes.count == 1 ? .bool(bytes[0] != 0) : nil
        case TypeOID.bytea:
            return .bytes(Array(bytes))
        case TypeOID.text, TypeOID.varchar, TypeOID.bpchar, TypeOID.name, TypeOID.char, TypeOID.json,
            TypeOID.unknown:
            return .text(String(decoding: bytes, as: UTF8.self))
        case TypeOID.jsonb:
            // jsonb's binary form is a version byte (1) followed by the JSON text.
            guard bytes.count >= 1, bytes[0] == 1 else { return nil }
            return .text(String(decoding: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self))
        case TypeOID.int2:
            return bytes.count == 2 ? .int(Int64(Int16(bitPattern: UInt16(bigEndianBytes: bytes)))) : nil
        case TypeOID.int4:
            return bytes.count == 4 ? .int(Int64(Int32(bitPattern: UInt32(bigEndianBytes: bytes)))) : nil
        case TypeOID.oid, TypeOID.xid:
            return bytes.count == 4 ? .int(Int64(UInt32(bigEndianBytes: bytes))) : nil
        case TypeOID.int8:
            return bytes.count == 8 ? .int(Int64(bitPattern: UInt64(bigEndianBytes: bytes))) : nil
        case TypeOID.xid8:
            guard bytes.count == 8, let value = Int64(exactly: UInt64(bigEndianBytes: bytes)) else { return nil }
            return .int(value)
        case TypeOID.float4:
            return bytes.count == 4 ? .double(Double(Float(bitPattern: UInt32(bigEndianBytes: bytes)))) : nil
        case TypeOID.float8:
            return bytes.count == 8 ? .double(Double(bitPattern: UInt64(bigEndianBytes: bytes))) : nil
        case TypeOID.date:
            guard bytes.count == 4 else { return nil }
            let days = Int32(bitPattern: UInt32(bigEndianBytes: bytes))
            // Int32.min / Int32.max are -infinity / infinity, which no calendar date represents.
            guard days != .min, days != .max else { return nil }
            let date = PostgresDate(daysSince1970: Int(Int64(days) + PostgresEpoch.daysFrom1970))
            return .date(year: date.year, month: date.month, day: date.day)
        case TypeOID.timestamp, TypeOID.timestamptz:
            guard bytes.count == 8 else { return nil }
            let micros = Int64(bitPattern: UInt64(bigEndianBytes: bytes))
            guard micros != .min, micros != .max else { return nil }
            let (shifted, overflow) = micros.addingReportingOverflow(PostgresEpoch.microsFrom1970)
            return overflow ? nil : .timestamp(microsSince1970: shifted)
        case TypeOID.uuid:
            return bytes.count == 16 ? .text(uuidText(bytes)) : nil
        default:
            return nil
        }
    }

    private static func uuidText(_ bytes: UnsafeRawBufferPointer) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension FixedWidthInteger {
    /// Reads a big-endian integer from exactly `MemoryLayout<Self>.size` bytes.
    fileprivate init(bigEndianBytes bytes: UnsafeRawBufferPointer) {
        var value: Self = 0
        for byte in bytes { value = value << 8 | Self(truncatingIfNeeded: byte) }
        self = value
    }
}
