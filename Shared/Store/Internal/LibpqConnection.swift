internal import CLibpq
import Logging

/// Owns one `PGconn`: opens it, runs statements on it, and closes it with `PQfinish` in deinit.
///
/// Every method blocks, so it is only ever called on a database thread.
/// `@unchecked Sendable`: one thread uses it at a time; the pool hands it from one job to the next
/// under its lock, and ``PostgresNotifications`` keeps its own on its own thread.
final class LibpqConnection: @unchecked Sendable {
    /// The libpq handle; never nil once initialised.
    let handle: OpaquePointer
    /// Prepared statement names by SQL text.
    private var statements: [String: String] = [:]
    /// Names are never reused, so a failed DEALLOCATE can never cause a name clash later.
    private var statementCounter = 0
    /// Above this many cached statements the cache is dropped, to bound server memory.
    private static let statementCacheLimit = 512
    /// Receives the server's notices; released only after `PQfinish`, as stored properties outlive deinit.
    private let notices: NoticeLogger

    /// Where the connection stands, from `PQtransactionStatus`.
    enum TransactionState: Equatable {
        case idle, active, inTransaction, inError, unknown
    }

    private init(handle: OpaquePointer, logger: Logger) {
        self.handle = handle
        self.notices = NoticeLogger(logger: logger)
        notices.install(on: handle)
    }

    deinit { PQfinish(handle) }

    /// Opens a connection with `PQconnectdbParams`; unset fields fall back to libpq's `PG*` variables.
    /// - Throws: ``StoreError/Code/connectionFailed`` with libpq's message.
    static func connect(_ configuration: PostgresConfiguration, logger: Logger) throws(StoreError)
        -> LibpqConnection
    {
        let pairs = configuration.connectionParameters
        let raw = withCStringArray(pairs.map(\.keyword)) { keywords in
            withCStringArray(pairs.map(\.value)) { values in
                // expand_dbname = 0: a database name is only ever a name, never a conninfo string.
                PQconnectdbParams(keywords, values, 0)
            }
        }
        guard let raw else {
            throw StoreError(.connectionFailed, message: "libpq could not allocate a connection")
        }
        let connection = LibpqConnection(handle: raw, logger: logger)
        guard PQstatus(raw) == CONNECTION_OK else {
            throw StoreError(.connectionFailed, message: "\(configuration): \(connection.lastErrorMessage)")
        }
        return connection
    }

    /// Whether libpq considers the connection broken (`CONNECTION_BAD`).
    var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// The server process serving this connection.
    var backendPID: Int32 { PQbackendPID(handle) }

    /// libpq's last error text for this connection, trimmed.
    var lastErrorMessage: String {
        let text = PQerrorMessage(handle).map { String(cString: $0) } ?? ""
        return text.trimmingTrailingWhitespace
    }

    /// The transaction state, read without a round trip.
    var transactionState: TransactionState {
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: .idle
        case PQTRANS_ACTIVE: .active
        case PQTRANS_INTRANS: .inTransaction
        case PQTRANS_INERROR: .inError
        default: .unknown
        }
    }

    /// Runs `sql` with the simple-query protocol (several statements allowed, no parameters).
    /// - Returns: The result of the last statement.
    /// - Throws: A ``StoreError`` mapped from the server's SQLSTATE, or `.connectionLost`.
    @discardableResult
    func simpleQuery(_ sql: String) throws(StoreError) -> LibpqResult {
        let result = PQexec(handle, sql).map(LibpqResult.init(taking:))
        return try check(result, query: sql)
    }

    /// Runs `sql` as a cached prepared statement with text parameters (binary for bytes) and binary results.
    /// - Throws: A ``StoreError`` mapped from the server's SQLSTATE, or `.connectionLost`.
    func preparedQuery(_ sql: String, _ parameters: [PostgresValue]) throws(StoreError) -> LibpqResult {
        let startedIdle = transactionState == .idle
        do {
            return try executePrepared(sql, parameters)
        } catch {
            // The statement may have gone (DEALLOCATE ALL / DISCARD ALL in a script) or a table's
            // columns changed under a cached plan; forget it, and outside a transaction try once more.
            guard error.sqlState == "26000" || error.sqlState == "0A000" else { throw error }
            statements[sql] = nil
            guard startedIdle, transactionState == .idle else { throw error }
            return try executePrepared(sql, parameters)
        }
    }

    private func executePrepared(_ sql: String, _ parameters: [PostgresValue]) throws(StoreError) -> LibpqResult {
        let name = try preparedName(for: sql)
        let buffer = ParameterBuffer(parameters)
        let raw = buffer.withCArrays { values, lengths, formats in
            // resultFormat 1: every column comes back binary and is decoded by its type OID.
            PQexecPrepared(handle, name, Int32(parameters.count), values, lengths, formats, 1)
        }
        return try check(raw.map(LibpqResult.init(taking:)), query: sql)
    }

    /// The server-side name of `sql`, preparing it on first use.
    private func preparedName(for sql: String) throws(StoreError) -> String {
        if let name = statements[sql] { return name }
        if statements.count >= Self.statementCacheLimit, transactionState != .inError {
            // Dropping everything is crude but rare, and keeps one service from growing without bound.
            _ = PQexec(handle, "DEALLOCATE ALL").map(LibpqResult.init(taking:))
            statements.removeAll()
        }
        statementCounter += 1
        let name = "clm_s\(statementCounter)"
        // nParams 0 and no types: the server infers each parameter's type from the statement.
        let result = PQprepare(handle, name, sql, 0, nil).map(LibpqResult.init(taking:))
        _ = try check(result, query: sql)
        statements[sql] = name
        return name
    }

    /// Returns `result` if it succeeded, otherwise throws the error it carries.
    func check(_ result: LibpqResult?, query: String, fallback: StoreError.Code = .queryFailed) throws(StoreError)
        -> LibpqResult
    {
        guard let result else { throw makeError(nil, query: query, fallback: fallback) }
        switch result.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            return result
        default:
            throw makeError(result, query: query, fallback: fallback)
        }
    }

    /// Builds a ``StoreError`` from an error result (or the connection's message when there is none).
    func makeError(_ result: LibpqResult?, query: String?, fallback: StoreError.Code) -> StoreError {
        let sqlState = result?.errorField(.sqlState)
        let message = result?.errorField(.messagePrimary)
            ?? result.map { $0.errorMessage.trimmingTrailingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
            ?? lastErrorMessage
        // A broken connection wins over the SQLSTATE (pg_terminate_backend sends 57P01 first):
        // the caller needs to know the connection is gone, and the pool needs to replace it.
        let code = isBroken ? .connectionLost : sqlState.flatMap(StoreError.Code.forSQLState) ?? fallback
        return StoreError(
            code, message: message.isEmpty ? "connection lost" : message, sqlState: sqlState,
            detail: result?.errorField(.messageDetail), hint: result?.errorField(.messageHint), query: query)
    }
}

extension String {
    /// The string without trailing spaces and newlines (libpq messages end in "\n").
    var trimmingTrailingWhitespace: String {
        var view = Substring(self)
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}

/// Calls `body` with a NULL-terminated C array of C strings that lives for the call.
func withCStringArray<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    // One contiguous buffer of NUL-terminated strings; pointers into it are valid inside the closure.
    var storage: [CChar] = []
    var offsets: [Int] = []
    for string in strings {
        offsets.append(storage.count)
        storage.append(contentsOf: string.utf8CString)
    }
    return storage.withUnsafeBufferPointer { buffer in
        var pointers: [UnsafePointer<CChar>?] = offsets.map { buffer.baseAddress! + $0 }
        pointers.append(nil)
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
