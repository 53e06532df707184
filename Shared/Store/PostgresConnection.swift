/// One database connection, lent to the closure given to ``PostgresPool/withConnection(_:)`` or
/// ``PostgresPool/transaction(isolation:retries:_:)``.
///
/// Every method blocks: it is only called inside those closures, which run on a database thread.
/// Do not keep it after the closure returns; the pool lends the same connection to the next caller.
///
/// Every method's `file` and `line` default to the call site, and a thrown ``StoreError`` records them,
/// so an error points at the repository line that sent the statement.
public final class PostgresConnection {
    let handle: LibpqConnection
    /// Cleared when the pool takes the connection back, so a kept reference fails loudly.
    var isLent = true

    init(handle: LibpqConnection) {
        self.handle = handle
    }

    /// The server process ID serving this connection (for `pg_cancel_backend` and `pg_stat_activity`).
    public var backendPID: Int32 { handle.backendPID }

    /// Runs one statement as a cached prepared statement.
    /// - Parameters:
    ///   - sql: One SQL statement with `$1`, `$2`, ... placeholders.
    ///   - params: The values for the placeholders.
    /// - Returns: The number of rows the statement affected (0 for statements that report none).
    /// - Throws: ``StoreError`` with the category of the server's SQLSTATE, or `.connectionLost`.
    @discardableResult
    public func execute(
        _ sql: String, _ params: [PostgresValue] = [], file: String = #fileID, line: Int = #line
    ) throws -> Int {
        try atCallSite(file, line) { try handle.preparedQuery(sql, params).affectedRows }
    }

    /// Runs one statement as a cached prepared statement and returns its rows.
    /// - Parameters:
    ///   - sql: One SQL statement with `$1`, `$2`, ... placeholders.
    ///   - params: The values for the placeholders.
    /// - Throws: ``StoreError`` with the category of the server's SQLSTATE, or `.connectionLost`.
    public func query(
        _ sql: String, _ params: [PostgresValue] = [], file: String = #fileID, line: Int = #line
    ) throws -> PostgresRows {
        try atCallSite(file, line) { PostgresRows(result: try handle.preparedQuery(sql, params)) }
    }

    /// Runs one statement and decodes every row as `T`.
    /// - Throws: ``StoreError`` from the server, or `.decodingFailed` naming the column that did not fit.
    public func query<T: PostgresRowDecodable>(
        _ type: T.Type, _ sql: String, _ params: [PostgresValue] = [], file: String = #fileID, line: Int = #line
    ) throws -> [T] {
        try query(sql, params, file: file, line: line).map { try T(row: $0) }
    }

    /// Runs several statements separated by semicolons with the simple-query protocol.
    ///
    /// For migrations and setup: no parameters, no result rows, and no statement caching. Unless it
    /// contains its own BEGIN/COMMIT, the script runs as one implicit transaction.
    /// - Throws: ``StoreError`` for the first statement that fails.
    public func executeScript(_ sql: String, file: String = #fileID, line: Int = #line) throws {
        try atCallSite(file, line) { try handle.executeScript(sql) }
    }

    /// Streams rows into a `COPY table (columns) FROM STDIN` statement in text format.
    /// - Parameters:
    ///   - sql: The COPY statement (text format, the default).
    ///   - rows: The rows, each with one value per copied column.
    /// - Returns: The number of rows copied.
    /// - Throws: ``StoreError``: the server's category (e.g. `.uniqueViolation`), otherwise `.copyFailed`.
    @discardableResult
    public func copyIn(
        _ sql: String, rows: some Sequence<[PostgresValue]>, file: String = #fileID, line: Int = #line
    ) throws -> Int {
        try atCallSite(file, line) { try handle.copyIn(sql, rows: rows) }
    }

    /// Streams rows into a `COPY table (columns) FROM STDIN (FORMAT binary)` statement: `write` puts each row's
    /// fields, in the columns' order, into a ``PostgresBinaryRow`` (see there for the types).
    /// - Parameters:
    ///   - columns: how many columns the statement copies; a row written with another number of fields stops the
    ///     COPY before it is sent, and nothing is copied.
    /// - Returns: The number of rows copied.
    /// - Throws: ``StoreError``: the server's category (e.g. `.uniqueViolation`), otherwise `.copyFailed`.
    @discardableResult
    public func copyInBinary<Row>(
        _ sql: String, columns: Int, rows: some Sequence<Row>, file: String = #fileID, line: Int = #line,
        _ write: (Row, inout PostgresBinaryRow) -> Void
    ) throws -> Int {
        try atCallSite(file, line) { try handle.copyInBinary(sql, columns: columns, rows: rows, write) }
    }

    /// Runs a `COPY ... TO STDOUT` statement (text format) and hands each line, without its newline,
    /// to `onLine`; ``PostgresCopyText/fields(_:)`` splits a line into fields.
    /// - Returns: The number of lines received.
    /// - Throws: ``StoreError`` from the server or `.copyFailed`, or whatever `onLine` threw (after
    ///   the remaining data has been read so the connection stays usable).
    @discardableResult
    public func copyOut(
        _ sql: String, file: String = #fileID, line: Int = #line, _ onLine: (String) throws -> Void
    ) throws -> Int {
        try atCallSite(file, line) { try handle.copyOut(sql, onLine) }
    }

    /// Runs `work` if the connection is still lent, and makes a ``StoreError`` point at the caller's
    /// line rather than at this module.
    private func atCallSite<T>(_ file: String, _ line: Int, _ work: () throws -> T) throws -> T {
        guard isLent else {
            throw StoreError(
                .poolClosed,
                message: "a PostgresConnection was used after its withConnection/transaction closure ended",
                file: file, line: line)
        }
        do {
            return try work()
        } catch var error as StoreError {
            error.file = file
            error.line = line
            throw error
        }
    }
}
