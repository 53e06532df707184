/// The rows a query returned, decoded lazily cell by cell.
///
/// `Sendable`: the underlying libpq result is read-only once received, so rows may be returned out
/// of ``PostgresPool/withConnection(_:)`` and read anywhere.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: LibpqResult

    init(result: LibpqResult) {
        self.result = result
    }

    /// The column names, in order.
    public var columns: [String] { result.columnNames }

    /// The first row's index, always 0.
    public var startIndex: Int { 0 }

    /// One past the last row's index; equals ``count``.
    public var endIndex: Int { result.rowCount }

    /// The number of rows.
    public var count: Int { result.rowCount }

    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow { PostgresRow(result: result, index: position) }
}

/// One row of ``PostgresRows``.
public struct PostgresRow: Sendable {
    @usableFromInline let result: LibpqResult
    /// The row's position in its result.
    public let index: Int

    init(result: LibpqResult, index: Int) {
        self.result = result
        self.index = index
    }

    /// The column names, in order.
    public var columns: [String] { result.columnNames }

    /// Decodes the column named `column` (exact, case-sensitive match).
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column when it does not exist, is NULL
    ///   and `T` is not optional, or holds a type `T` cannot be decoded from.
    ///
    /// Inlinable, so that it is specialised for `T` where it is called: unspecialised, every call looked up `T`'s
    /// metadata at run time (`Optional<PostgresDate>` and the like), a few percent of a whole-book read.
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T {
        try T.decode(from: PostgresCell(cells: result.cells, row: index, column: try position(of: column)))
    }

    /// The position of the column named `column`.
    /// - Throws: ``StoreError/Code/decodingFailed`` when there is none.
    @usableFromInline
    func position(of column: String) throws -> Int {
        guard let position = result.columns.position(of: column) else {
            throw StoreError(
                .decodingFailed,
                message: "no column '\(column)' in the result (columns: \(result.columnNames.joined(separator: ", ")))")
        }
        return position
    }

    /// Decodes the column at position `index` (0-based).
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column, as ``decode(_:_:)`` does, or
    ///   when `index` is out of range.
    public func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
        guard result.columnNames.indices.contains(index) else {
            throw StoreError(
                .decodingFailed, message: "column index \(index) is out of range (\(result.columnNames.count) columns)")
        }
        return try T.decode(from: PostgresCell(cells: result.cells, row: self.index, column: index))
    }
}

/// One cell of a row, handed to ``PostgresDecodable/decode(from:)``: valid only during that call, while the row it
/// came from holds its result. Do not keep it.
///
/// It reads the result through `LibpqCells`, counting no reference: a whole-book read decodes tens of millions of
/// cells on several threads at once, and a reference counted on the shared result for each cost more than the
/// decoding itself.
public struct PostgresCell: Sendable {
    @usableFromInline let cells: LibpqCells
    @usableFromInline let row: Int
    /// The cell's column position.
    public let column: Int

    @usableFromInline
    init(cells: LibpqCells, row: Int, column: Int) {
        self.cells = cells
        self.row = row
        self.column = column
    }

    /// The column's name.
    public var columnName: String { cells.columnName(column: column) }

    /// The column's type OID (`pg_type.oid`).
    public var typeOID: UInt32 { cells.typeOID(column: column) }

    /// Whether the cell is NULL.
    public var isNull: Bool { cells.isNull(row: row, column: column) }

    /// The cell as a ``PostgresValue`` (``PostgresValue/null`` for NULL).
    /// - Throws: ``StoreError/Code/decodingFailed`` naming the column for a type this module cannot read.
    public func value() throws -> PostgresValue {
        try BinaryValueDecoder.value(in: cells, row: row, column: column)
    }

    /// Decodes the cell as another decodable type, for conformances built on existing ones.
    public func decode<T: PostgresDecodable>(_ type: T.Type) throws -> T {
        try T.decode(from: self)
    }

    /// A ``StoreError/Code/decodingFailed`` error that names this cell's column.
    public func decodingError(_ problem: String, file: String = #fileID, line: Int = #line) -> StoreError {
        StoreError(.decodingFailed, message: "column '\(columnName)': \(problem)", file: file, line: line)
    }
}
