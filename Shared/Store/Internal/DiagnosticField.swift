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
