internal import CLibpq

/// Owns one `PGresult` and frees it with `PQclear` when the last reference goes.
///
/// `@unchecked Sendable`: libpq documents a PGresult as read-only once created, so it may be
/// read from any thread; nothing here mutates it.
@usableFromInline
final class LibpqResult: @unchecked Sendable {
    private let result: OpaquePointer
    /// Column names in order, read once.
    let columnNames: [String]
    /// Column index by exact name; the first column wins when names repeat.
    let columns: ColumnLookup
    /// The cells, for decoding (see `LibpqCells`).
    @usableFromInline let cells: LibpqCells

    /// Takes ownership of `result`.
    init(taking result: OpaquePointer) {
        self.result = result
        let columns = Int(PQnfields(result))
        let cells = LibpqCells(result)
        let names = (0..<columns).map { cells.columnName(column: $0) }
        self.cells = cells
        self.columnNames = names
        self.columns = ColumnLookup(names)
    }

    deinit { PQclear(result) }

    /// The result status.
    var status: ExecStatusType { PQresultStatus(result) }

    /// Number of rows returned.
    var rowCount: Int { Int(PQntuples(result)) }

    /// Rows affected, from the command tag (`INSERT 0 3` → 3); 0 when the command reports none.
    var affectedRows: Int {
        guard let text = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    /// The command tag, e.g. `INSERT 0 1` or `ROLLBACK`.
    var commandStatus: String {
        PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    /// Whether the result's rows are in binary format (for a COPY: whether it is `FORMAT binary`).
    var isBinary: Bool { PQbinaryTuples(result) == 1 }

    /// One diagnostic field of an error result (see ``DiagnosticField``).
    func errorField(_ field: DiagnosticField) -> String? {
        PQresultErrorField(result, field.rawValue).map { String(cString: $0) }
    }

    /// The whole error message of an error result.
    var errorMessage: String {
        PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
    }
}

/// The `PG_DIAG_*` field codes for `PQresultErrorField`.
///
/// libpq defines them as character-literal macros (`#define PG_DIAG_SQLSTATE 'C'`), which Swift
/// cannot import, so each code is written out here once, from postgres_ext.h.
enum DiagnosticField: Int32 {
    /// `PG_DIAG_SQLSTATE`, 'C'.
    case sqlState = 67
    /// `PG_DIAG_MESSAGE_PRIMARY`, 'M'.
    case messagePrimary = 77
    /// `PG_DIAG_MESSAGE_DETAIL`, 'D'.
    case messageDetail = 68
    /// `PG_DIAG_MESSAGE_HINT`, 'H'.
    case messageHint = 72
    /// `PG_DIAG_SEVERITY_NONLOCALIZED`, 'V'.
    case severity = 86
}
