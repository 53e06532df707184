/// One row of a `COPY … FROM STDIN (FORMAT binary)`, written field by field in the columns' order, each in its
/// column type's binary form (``PostgresConnection/copyInBinary(_:columns:rows:_:)``).
///
/// Binary COPY spares the text form's escaping and parsing: bytea goes as it is rather than as hex digits twice its
/// length, numbers without formatting. The price is that each field must match its column's type exactly (an
/// `integer` column takes ``int4(_:)``, a `bigint` one ``int8(_:)``); the server rejects a row that does not.
public struct PostgresBinaryRow {
    /// The row's bytes: the field count is written by the connection, the fields here.
    private(set) var bytes: [UInt8] = []
    /// Fields written so far.
    private(set) var fields = 0

    init() {}

    /// Starts the next row in the same storage.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fields = 0
    }

    /// SQL NULL, for any column type.
    public mutating func null() {
        fields += 1
        append(Int32(-1))
    }

    /// `text` (also `varchar`): UTF-8.
    public mutating func text(_ value: String) {
        fields += 1
        element(value)
    }

    /// `bytea`.
    public mutating func bytes(_ value: [UInt8]) {
        fields += 1
        append(Int32(value.count))
        bytes.append(contentsOf: value)
    }

    /// `bigint`.
    public mutating func int8(_ value: Int64) {
        fields += 1
        append(Int32(8))
        append(value)
    }

    /// `integer`.
    public mutating func int4(_ value: Int32) {
        fields += 1
        append(Int32(4))
        append(value)
    }

    /// `double precision`.
    public mutating func float8(_ value: Double) {
        int8(Int64(bitPattern: value.bitPattern))
    }

    /// `boolean`.
    public mutating func bool(_ value: Bool) {
        fields += 1
        append(Int32(1))
        bytes.append(value ? 1 : 0)
    }

    /// `timestamptz` (or `timestamp`, as UTC).
    public mutating func timestamp(microsSince1970: Int64) {
        int8(microsSince1970 - PostgresEpoch.microsFrom1970)
    }

    /// `date`.
    public mutating func date(_ value: PostgresDate) {
        int4(Int32(truncatingIfNeeded: Int64(value.daysSince1970) - PostgresEpoch.daysFrom1970))
    }

    /// `text[]`, one dimension counted from 1 (an empty array has none), no NULL elements.
    public mutating func textArray(_ values: [String]) {
        fields += 1
        let lengthAt = bytes.count
        append(Int32(0))
        append(Int32(values.isEmpty ? 0 : 1))  // dimensions
        append(Int32(0))  // no NULLs
        append(Self.textOID)
        if !values.isEmpty {
            append(Int32(values.count))
            append(Int32(1))  // lower bound
            for value in values { element(value) }
        }
        set(Int32(bytes.count - lengthAt - 4), at: lengthAt)
    }

    /// A text value with its length.
    private mutating func element(_ value: String) {
        append(Int32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// Big-endian, as every number in the format.
    private mutating func append<Integer: FixedWidthInteger>(_ value: Integer) {
        var shift = Integer.bitWidth
        while shift > 0 {
            shift -= 8
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    private mutating func set(_ value: Int32, at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }

    private static let textOID = UInt32(25)
}
