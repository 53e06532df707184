/// One row of a source file as read, before mapping: a CSV row's fields in header order, or a
/// JSON Lines object's (flattened) keys and values.
public struct SourceRow: Sendable, Hashable {
    public enum Cells: Sendable, Hashable {
        /// CSV: one string per field, in header order.
        case positional([String])
        /// JSON Lines: dotted key → values (one for a scalar, several for an array of scalars).
        case keyed([String: [String]])
    }

    /// Physical line (from 1) the row starts on: the line to quote in a rejection.
    public let line: Int
    public let cells: Cells

    public init(line: Int, cells: Cells) {
        self.line = line
        self.cells = cells
    }
}

/// What a reader hands out next: a row, or a row it could not read.
public enum ReadEvent: Sendable, Hashable {
    case row(SourceRow)
    case rejected(RowRejection)
}

/// A reader of rows from a source file, streaming: CSV or JSON Lines.
public protocol SourceRowReader: AnyObject {
    /// The CSV header (or generated column names `1`, `2`… for a file without one); nil for
    /// JSON Lines.
    var header: [String]? { get }
    /// Bytes read so far, and the whole input's size when known: for progress.
    var bytesRead: Int64 { get }
    var totalBytes: Int64? { get }
    /// Blank lines skipped so far; they are neither rows nor rejections.
    var blankLines: Int { get }
    /// The next row or rejection; nil at the end of the input.
    func next() throws(ImportFileError) -> ReadEvent?
}

/// Why a row was not turned into a record.
public enum RejectionReason: Sendable, Hashable, CustomStringConvertible {
    /// A field (numbered from 1; named by its column when known) is not valid UTF-8.
    case invalidUTF8(field: Int?, column: String?)
    case wrongFieldCount(expected: Int, found: Int)
    /// A quoted field never closed: it ran to the end of the file, over `lines` lines.
    case unterminatedQuote(lines: Int)
    /// Text after a field's closing quote, e.g. `"abc"def`.
    case textAfterClosingQuote(field: Int)
    /// The row is longer than the reader's limit (an unbalanced quote, most likely).
    case rowTooLong(bytes: Int, limit: Int)
    /// A JSON Lines line that is not valid JSON.
    case malformedJSON(String)
    /// A JSON Lines line that is valid JSON but not an object.
    case notAnObject
    case duplicateKey(String)
    /// The `--key` column is empty (or a null marker).
    case emptyKey(column: String)
    /// `--source-column`'s column is empty and no `--source` stands in for it.
    case emptySourceSystem(column: String)
    /// A value that cannot be read as its field's type: `occupation_class "x" is not an integer`.
    case invalidValue(field: String, value: String, problem: String)
    /// The values are readable but do not make a record together, e.g. a policy with no policyholder.
    case invalidRecord(String)
    /// A policy-roles row whose policy is not in the policies file.
    case policyNotInFile(policyNumber: String)
    /// A policy-roles row whose policy was rejected; `line` is the policy's line in the policies file.
    case policyRejected(policyNumber: String, line: Int)
    /// The identity service refused the record; the text is its reason.
    case rejectedByService(String)
    case requiredFieldEmpty(field: String, columns: [String])
    /// None of a required group's fields has a value (e.g. no name at all).
    case requiredGroupEmpty(group: String, fields: [String])
    /// A single-valued field (or the key) got several values, e.g. from a JSON array.
    case tooManyValues(field: String, count: Int)
    /// Rejected after mapping, e.g. by the ingest RPC; the text says why.
    case other(String)

    /// A short stable name of the reason, for counting rejections by kind.
    public var code: String {
        switch self {
        case .invalidUTF8: "invalid_utf8"
        case .wrongFieldCount: "wrong_field_count"
        case .unterminatedQuote: "unterminated_quote"
        case .textAfterClosingQuote: "text_after_closing_quote"
        case .rowTooLong: "row_too_long"
        case .malformedJSON: "malformed_json"
        case .notAnObject: "not_an_object"
        case .duplicateKey: "duplicate_key"
        case .emptyKey: "empty_key"
        case .emptySourceSystem: "empty_source_system"
        case .invalidValue: "invalid_value"
        case .invalidRecord: "invalid_record"
        case .policyNotInFile: "policy_not_in_file"
        case .policyRejected: "policy_rejected"
        case .rejectedByService: "rejected_by_service"
        case .requiredFieldEmpty: "required_field_empty"
        case .requiredGroupEmpty: "required_group_empty"
        case .tooManyValues: "too_many_values"
        case .other: "other"
        }
    }

    public var description: String {
        switch self {
        case .invalidUTF8(let field, let column):
            let which = column.map { "column '\($0)'" } ?? field.map { "field \($0)" } ?? "the line"
            return "\(which) is not valid UTF-8 (the file must be UTF-8; a GBK export can be converted with "
                + "iconv -f GB18030 -t UTF-8)"
        case .wrongFieldCount(let expected, let found):
            return "expected \(expected) fields, found \(found)"
        case .unterminatedQuote(let lines):
            return "quoted field never closed (runs to the end of the file over \(lines) line\(lines == 1 ? "" : "s"))"
        case .textAfterClosingQuote(let field):
            return "text after the closing quote of field \(field)"
        case .rowTooLong(let bytes, let limit):
            return "row of \(bytes) bytes is longer than the limit of \(limit) (an unbalanced quote?)"
        case .malformedJSON(let detail):
            return "not valid JSON: \(detail)"
        case .notAnObject:
            return "not a JSON object"
        case .duplicateKey(let key):
            return "key '\(key)' appears twice in the object"
        case .emptyKey(let column):
            return "the source key (column '\(column)') is empty"
        case .emptySourceSystem(let column):
            return "the source system (column '\(column)') is empty"
        case .invalidValue(let field, let value, let problem):
            return "\(field) \"\(value)\" \(problem)"
        case .invalidRecord(let text):
            return text
        case .policyNotInFile(let policyNumber):
            return "policy \(policyNumber) is not in the policies file"
        case .policyRejected(let policyNumber, let line):
            return "policy \(policyNumber) (line \(line) of the policies file) was rejected"
        case .rejectedByService(let text):
            return "rejected by the identity service: \(text)"
        case .requiredFieldEmpty(let field, let columns):
            if columns.isEmpty { return "required field \(field) is empty" }
            return "required field \(field) (column \(columns.map { "'\($0)'" }.joined(separator: ", "))) is empty"
        case .requiredGroupEmpty(let group, let fields):
            return "no \(group): \(fields.joined(separator: ", ")) \(fields.count == 1 ? "is" : "are all") empty"
        case .tooManyValues(let field, let count):
            return "\(field) takes one value, the row gives \(count)"
        case .other(let text):
            return text
        }
    }
}

/// A row that was not turned into a record, with the line it starts on and why.
public struct RowRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// Physical line (from 1) the row starts on.
    public let line: Int
    public let reason: RejectionReason
    /// The start of the row as read (invalid UTF-8 shown as U+FFFD), for a rejects file; nil
    /// when not kept.
    public let excerpt: String?
    /// The row's source key, when it was read before the row was rejected.
    public let sourceKey: String?

    public init(line: Int, reason: RejectionReason, excerpt: String? = nil, sourceKey: String? = nil) {
        self.line = line
        self.reason = reason
        self.excerpt = excerpt
        self.sourceKey = sourceKey
    }

    /// `line 17: expected 12 fields, found 11`.
    public var description: String { "line \(line): \(reason)" }
}

extension RowRejection {
    /// The header of a rejects file: one CSV row per rejected row (``RejectsFile``).
    public static let rejectsFileHeader = RejectsFile.header

    /// This rejection as a row of a rejects file (RFC 4180 quoting), without a line break and without a source key.
    public var rejectsFileRow: String { RejectsFile.row(self, sourceKey: nil) }
}
