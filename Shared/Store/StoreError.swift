/// An error from the storage layer: a failed connection, a statement the server rejected, a row
/// that would not decode, or a pool that was already closed.
///
/// Match on ``code``; the server's own SQLSTATE, message, detail and hint are kept as they came.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the categories callers act on.
    public var code: Code
    /// The five-character SQLSTATE the server sent, when it sent one.
    public var sqlState: String?
    /// The primary message (the server's, when the server reported the error).
    public var message: String
    /// The server's detail line, if any.
    public var detail: String?
    /// The server's hint line, if any.
    public var hint: String?
    /// The statement that failed, if the error belongs to one.
    public var query: String?
    /// The source file (`#fileID`) of the call that failed.
    public var file: String
    /// The source line of the call that failed.
    public var line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category.
    ///   - message: What happened, in words.
    ///   - sqlState: The server's SQLSTATE, if any.
    ///   - detail: The server's detail, if any.
    ///   - hint: The server's hint, if any.
    ///   - query: The statement involved, if any.
    ///   - file: Call site file; defaults to the caller's.
    ///   - line: Call site line; defaults to the caller's.
    public init(
        _ code: Code,
        message: String,
        sqlState: String? = nil,
        detail: String? = nil,
        hint: String? = nil,
        query: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.query = query
        self.file = file
        self.line = line
    }

    /// Whether running the same transaction again may succeed: a serialization failure, a
    /// deadlock, or a connection lost before COMMIT was sent.
    ///
    /// ``Code/commitOutcomeUnknown`` is deliberately not transient: the work may have committed.
    public var isTransient: Bool {
        code == .serializationFailure || code == .deadlockDetected || code == .connectionLost
    }

    /// One line for logs: code, SQLSTATE, message, detail, hint and where it was raised.
    public var description: String {
        var text = "StoreError(\(code)) \(sqlState ?? "-") \(message)"
        if let detail { text += " DETAIL: \(detail)" }
        if let hint { text += " HINT: \(hint)" }
        if let query { text += " QUERY: \(query.prefix(200))" }
        return text + " @\(file):\(line)"
    }
}
