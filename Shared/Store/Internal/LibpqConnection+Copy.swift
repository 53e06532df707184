internal import CLibpq

/// COPY FROM STDIN (text and binary format) and COPY TO STDOUT (text format).
extension LibpqConnection {
    /// Rows are sent in chunks of about this many bytes, so memory stays flat for any row count.
    private static let copyChunkBytes = 64 * 1024

    /// Runs a `COPY ... FROM STDIN` statement and streams `rows` to it.
    /// - Returns: The number of rows the server reports copied.
    /// - Throws: A ``StoreError`` mapped from the server's SQLSTATE (`.copyFailed` when it has none of
    ///   its own category), `.copyFailed` when `sql` is not a COPY FROM STDIN, or `.connectionLost`.
    func copyIn(_ sql: String, rows: some Sequence<[PostgresValue]>) throws(StoreError) -> Int {
        _ = try beginCopyIn(sql)
        var chunk = CopyChunk()
        for row in rows {
            PostgresCopyText.appendLine(row, to: &chunk.bytes)
            try send(&chunk, query: sql)
        }
        return try endCopyIn(chunk, query: sql)
    }

    /// Runs a `COPY ... FROM STDIN (FORMAT binary)` statement and streams `rows` to it, each written by `write` into
    /// a ``PostgresBinaryRow`` of `columns` fields.
    /// - Throws: as `copyIn`, and `.copyFailed` (without sending the row) when `write` writes another number of
    ///   fields than `columns`.
    func copyInBinary<Row>(_ sql: String, columns: Int, rows: some Sequence<Row>,
                           _ write: (Row, inout PostgresBinaryRow) -> Void) throws(StoreError) -> Int {
        guard try beginCopyIn(sql).isBinary else {
            throw abortCopyIn("the client sends binary rows", query: sql,
                              message: "the statement is not COPY ... (FORMAT binary)")
        }
        var chunk = CopyChunk()
        // The signature, flags (none) and header extension length (none).
        chunk.bytes.append(contentsOf: Array("PGCOPY\n".utf8) + [0xff, 0x0d, 0x0a, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0])
        var row = PostgresBinaryRow()
        for item in rows {
            row.reset()
            write(item, &row)
            guard row.fields == columns else {
                throw abortCopyIn("a row had the wrong number of fields", query: sql,
                                  message: "a row was written with \(row.fields) fields for \(columns) columns; "
                                      + "nothing was copied")
            }
            chunk.bytes.append(UInt8(truncatingIfNeeded: columns >> 8))
            chunk.bytes.append(UInt8(truncatingIfNeeded: columns))
            chunk.bytes.append(contentsOf: row.bytes)
            try send(&chunk, query: sql)
        }
        chunk.bytes.append(contentsOf: [0xff, 0xff])  // the trailer: a field count of -1
        return try endCopyIn(chunk, query: sql)
    }

    /// Rows gathered to be sent to a COPY in chunks of about `copyChunkBytes`.
    private struct CopyChunk {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(LibpqConnection.copyChunkBytes + 4096) }
    }

    /// Starts a COPY FROM STDIN; its result tells the format.
    /// - Throws: `.copyFailed` when `sql` is not a COPY FROM STDIN (the connection is left idle).
    private func beginCopyIn(_ sql: String) throws(StoreError) -> LibpqResult {
        let started = try check(PQexec(handle, sql).map(LibpqResult.init(taking:)), query: sql, fallback: .copyFailed)
        guard started.status == PGRES_COPY_IN else {
            try abandonCopy(started, query: sql)
            throw StoreError(.copyFailed, message: "the statement is not COPY ... FROM STDIN", query: sql)
        }
        return started
    }

    /// Sends the chunk once it is full.
    private func send(_ chunk: inout CopyChunk, query: String) throws(StoreError) {
        guard chunk.bytes.count >= Self.copyChunkBytes else { return }
        try sendCopyData(chunk.bytes, query: query)
        chunk.bytes.removeAll(keepingCapacity: true)
    }

    /// Sends what is left and ends the COPY; the number of rows copied.
    private func endCopyIn(_ chunk: CopyChunk, query: String) throws(StoreError) -> Int {
        if !chunk.bytes.isEmpty { try sendCopyData(chunk.bytes, query: query) }
        guard PQputCopyEnd(handle, nil) == 1 else {
            throw makeError(nil, query: query, fallback: .copyFailed)
        }
        return try collectFinalResult(query: query, fallback: .copyFailed).affectedRows
    }

    /// Ends a COPY FROM STDIN as failed (`reason` goes to the server), so that nothing is copied and the connection
    /// is left usable; the error to throw.
    private func abortCopyIn(_ reason: String, query: String, message: String) -> StoreError {
        _ = PQputCopyEnd(handle, reason)
        _ = try? collectFinalResult(query: query, fallback: .copyFailed)
        return StoreError(.copyFailed, message: message, query: query)
    }

    /// Runs a `COPY ... TO STDOUT` statement and hands each line, without its newline, to `onLine`.
    ///
    /// If `onLine` throws, the rest of the data is read and dropped so the connection stays usable,
    /// and then the error is rethrown.
    /// - Returns: The number of lines received.
    func copyOut(_ sql: String, _ onLine: (String) throws -> Void) throws -> Int {
        let started = try check(PQexec(handle, sql).map(LibpqResult.init(taking:)), query: sql, fallback: .copyFailed)
        guard started.status == PGRES_COPY_OUT else {
            try abandonCopy(started, query: sql)
            throw StoreError(.copyFailed, message: "the statement is not COPY ... TO STDOUT", query: sql)
        }
        var lines = 0
        var callbackError: (any Error)?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            guard length > 0, let buffer else { break }  // -1: done; -2: error, reported by the final result
            defer { PQfreemem(buffer) }
            guard callbackError == nil else { continue }
            var bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
            if bytes.last == UInt8(ascii: "\n") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
            do {
                try onLine(String(decoding: bytes, as: UTF8.self))
                lines += 1
            } catch {
                callbackError = error
            }
        }
        _ = try collectFinalResult(query: sql, fallback: .copyFailed)
        if let callbackError { throw callbackError }
        return lines
    }

    private func sendCopyData(_ chunk: [UInt8], query: String) throws(StoreError) {
        let sent = chunk.withUnsafeBufferPointer { unsigned in
            unsigned.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw makeError(nil, query: query, fallback: .copyFailed) }
    }

    /// Reads results until libpq has none left; returns the first, or throws the first error.
    private func collectFinalResult(query: String, fallback: StoreError.Code) throws(StoreError) -> LibpqResult {
        var first: LibpqResult?
        var failure: StoreError?
        // Every result must be read before the connection accepts the next command.
        while let raw = PQgetResult(handle) {
            let result = LibpqResult(taking: raw)
            if first == nil { first = result }
            if failure == nil, result.status != PGRES_COMMAND_OK, result.status != PGRES_TUPLES_OK {
                failure = makeError(result, query: query, fallback: fallback)
            }
            if isBroken { break }
        }
        if let failure { throw failure }
        guard let first else { throw makeError(nil, query: query, fallback: fallback) }
        return first
    }

    /// Runs a script with the simple-query protocol; a COPY inside it is ended and reported as an error.
    func executeScript(_ sql: String) throws(StoreError) {
        let result = try simpleQuery(sql)
        guard result.status != PGRES_COPY_IN, result.status != PGRES_COPY_OUT else {
            try abandonCopy(result, query: sql)
            throw StoreError(
                .copyFailed, message: "COPY inside a script is not supported; use copyIn/copyOut", query: sql)
        }
    }

    /// Ends a COPY that went the wrong way, so the connection returns to idle.
    private func abandonCopy(_ started: LibpqResult, query: String) throws(StoreError) {
        if started.status == PGRES_COPY_IN {
            _ = PQputCopyEnd(handle, "the client expected the other COPY direction")
        } else if started.status == PGRES_COPY_OUT {
            while true {
                var buffer: UnsafeMutablePointer<CChar>?
                let length = PQgetCopyData(handle, &buffer, 0)
                if let buffer { PQfreemem(buffer) }
                if length < 0 { break }
            }
        } else {
            return
        }
        _ = try? collectFinalResult(query: query, fallback: .copyFailed)
    }
}
