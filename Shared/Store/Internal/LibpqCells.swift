internal import CLibpq

/// The cells of one `PGresult`, read without counting references to anything: what decoding a cell uses.
///
/// In a whole-book read several threads decode rows of one result at once. Every reference counted on the shared
/// `LibpqResult` (or on its arrays) while decoding a cell was an atomic operation on a cache line both cores fought
/// over, and retain and release took over half of the scoring process's time in a read. A `LibpqCells` is a plain
/// pointer: valid only while the `LibpqResult` it came from lives, as a cell is only while its row holds the result.
@usableFromInline
struct LibpqCells: @unchecked Sendable {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) {
        self.result = result
    }

    /// Whether the cell is NULL.
    func isNull(row: Int, column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    /// The column's type OID.
    func typeOID(column: Int) -> UInt32 { UInt32(PQftype(result, Int32(column))) }

    /// Whether a column's values are in binary (1) or text (0) format.
    func format(column: Int) -> Int32 { PQfformat(result, Int32(column)) }

    /// The column's name, for messages.
    func columnName(column: Int) -> String { PQfname(result, Int32(column)).map { String(cString: $0) } ?? "" }

    /// Calls `body` with the raw bytes of a non-NULL cell; the buffer lives as long as the result.
    func withCellBytes<T>(row: Int, column: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: UnsafeRawPointer(value), count: length))
    }
}
