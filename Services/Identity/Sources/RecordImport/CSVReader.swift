/// Reads a CSV (RFC 4180) file a chunk at a time, in constant memory whatever its size.
///
/// - Fields may be quoted; a quoted field may hold delimiters, doubled quotes (`""` for `"`),
///   and line breaks. A quote inside an unquoted field is kept as a character (`5'10"`).
/// - Lines end in LF, CRLF or CR; the last line may end without one. A UTF-8 byte-order mark at
///   the start is skipped. The delimiter is configurable (`,`, tab, `;`, `|`…).
/// - The first non-blank row is the header, unless ``Options/hasHeader`` is false, when columns
///   are named `1`, `2`… after the first row's field count.
/// - Every row is reported with the physical line it starts on. A row whose field count differs
///   from the header's, a field that is not UTF-8, text after a closing quote, a quote left open
///   at the end of the file, or a row longer than ``Options/maxRowBytes`` is a rejection of that
///   row only; reading goes on with the next.
/// - Empty (or whitespace-only) lines are skipped and counted in ``blankLines``.
///
/// Files must be UTF-8. A GBK / GB18030 export (common from Chinese core systems) shows up as
/// rejected rows, or a header error when the header has Chinese names; convert it first with
/// `iconv -f GB18030 -t UTF-8 in.csv > out.csv` (GB18030 is a superset of GBK and GB2312).
public final class CSVReader: SourceRowReader {
    public struct Options: Sendable, Hashable {
        /// The field separator: one ASCII character other than a quote or a line break.
        public var delimiter: Character
        public var hasHeader: Bool
        /// Bytes read from the source at a time.
        public var chunkSize: Int
        /// A row longer than this is rejected without being held in memory.
        public var maxRowBytes: Int

        public init(delimiter: Character = ",", hasHeader: Bool = true, chunkSize: Int = 1 << 20,
                    maxRowBytes: Int = 8 << 20) {
            self.delimiter = delimiter
            self.hasHeader = hasHeader
            self.chunkSize = chunkSize
            self.maxRowBytes = maxRowBytes
        }

        /// Comma-separated.
        public static let csv = Options()
        /// Tab-separated.
        public static let tsv = Options(delimiter: "\t")
    }

    public private(set) var header: [String]?
    public private(set) var blankLines = 0
    public var bytesRead: Int64 { buffer.bytesRead }
    public var totalBytes: Int64? { source.totalBytes }
    /// The most the reader's buffer has held, in bytes: about one chunk plus the longest row.
    public var peakBufferedBytes: Int { buffer.peakBytes }

    private let source: any ByteSource
    private let options: Options
    private let delimiter: UInt8
    private var buffer: InputBuffer
    /// The physical line the next row starts on.
    private var line = 1
    private var spans: [FieldSpan] = []
    private var expectedFields: Int?

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Opens `source` and reads its header.
    /// - Throws: `ImportFileError` for a file that is not UTF-8 (byte-order mark, header) or has
    ///   no readable header; a delimiter that is not one ASCII character traps.
    public init(source: any ByteSource, options: Options = .csv) throws(ImportFileError) {
        guard let ascii = options.delimiter.asciiValue, ascii != Self.quote, ascii != Self.lf, ascii != Self.cr else {
            preconditionFailure("CSV delimiter must be one ASCII character other than a quote or a line break")
        }
        self.source = source
        self.options = options
        self.delimiter = ascii
        self.buffer = InputBuffer(chunkSize: options.chunkSize)
        try buffer.skipByteOrderMark(from: source)
        if options.hasHeader { try readHeader() }
    }

    /// Opens the file at `path` (`-` for standard input) and reads its header.
    public convenience init(path: String, options: Options = .csv) throws(ImportFileError) {
        try self.init(source: try FileByteSource(path: path), options: options)
    }

    private func readHeader() throws(ImportFileError) {
        while true {
            guard let scanned = try scanNextRow() else { throw .noHeader }
            switch scanned {
            case .blank:
                blankLines += 1
                continue
            case .tooLong(let startLine, let bytes):
                throw .malformedHeader(line: startLine, reason: RejectionReason.rowTooLong(
                    bytes: bytes, limit: options.maxRowBytes).description)
            case .row(let startLine, _, _, let problem):
                defer { consume() }
                if let problem { throw .malformedHeader(line: startLine, reason: problem.description) }
                var names: [String] = []
                for span in spans {
                    guard let name = decode(span) else { throw .headerNotUTF8(line: startLine) }
                    names.append(name.trimmed)
                }
                header = names
                expectedFields = names.count
                return
            }
        }
    }

    public func next() throws(ImportFileError) -> ReadEvent? {
        while true {
            guard let scanned = try scanNextRow() else { return nil }
            switch scanned {
            case .blank:
                blankLines += 1
                continue
            case .tooLong(let startLine, let bytes):
                return .rejected(RowRejection(line: startLine, reason: .rowTooLong(bytes: bytes, limit: options.maxRowBytes)))
            case .row(let startLine, let rowStart, let rowEnd, let problem):
                defer { consume() }
                if let problem {
                    return .rejected(RowRejection(line: startLine, reason: problem,
                                                  excerpt: buffer.excerpt(from: rowStart, to: rowEnd)))
                }
                var fields: [String] = []
                fields.reserveCapacity(spans.count)
                for (index, span) in spans.enumerated() {
                    guard let text = decode(span) else {
                        let column = header.flatMap { index < $0.count ? $0[index] : nil }
                        return .rejected(RowRejection(line: startLine, reason: .invalidUTF8(field: index + 1, column: column),
                                                      excerpt: buffer.excerpt(from: rowStart, to: rowEnd)))
                    }
                    fields.append(text)
                }
                if let expected = expectedFields {
                    if fields.count != expected {
                        return .rejected(RowRejection(line: startLine,
                                                      reason: .wrongFieldCount(expected: expected, found: fields.count),
                                                      excerpt: buffer.excerpt(from: rowStart, to: rowEnd)))
                    }
                } else {
                    expectedFields = fields.count
                    header = (1...fields.count).map(String.init)
                }
                return .row(SourceRow(line: startLine, cells: .positional(fields)))
            }
        }
    }

    // MARK: Scanning

    private struct FieldSpan {
        var start: Int
        var end: Int
        /// Holds doubled quotes to collapse.
        var escaped: Bool
        var quoted: Bool
    }

    private enum Scanned {
        case blank
        /// A row in `spans`, from `rowStart` to `rowEnd` (terminator excluded) in the buffer;
        /// `consume()` moves past it.
        case row(line: Int, rowStart: Int, rowEnd: Int, problem: RejectionReason?)
        case tooLong(line: Int, bytes: Int)
    }

    private enum ScanStep {
        case needMore
        case row(end: Int, next: Int, lines: Int, problem: RejectionReason?)
    }

    /// Where the row being handed out ends, and how many lines it spans; set by `scanNextRow`.
    private var pendingNext = 0
    private var pendingLines = 0

    private func consume() {
        buffer.start = pendingNext
        line += pendingLines
        pendingNext = buffer.start
        pendingLines = 0
    }

    /// Scans the next row into `spans`; nil at the end of the input.
    private func scanNextRow() throws(ImportFileError) -> Scanned? {
        while true {
            if buffer.pending == 0 {
                if buffer.atEnd { return nil }
                _ = try buffer.fill(from: source)
                continue
            }
            switch scanRow(from: buffer.start) {
            case .needMore:
                if buffer.pending > options.maxRowBytes {
                    let startLine = line
                    let (bytes, lines) = try skipOversizedRow()
                    line += lines
                    return .tooLong(line: startLine, bytes: bytes)
                }
                _ = try buffer.fill(from: source)
            case .row(let end, let next, let lines, let problem):
                pendingNext = next
                pendingLines = lines
                if problem == nil, spans.count == 1, !spans[0].quoted, isBlank(spans[0]) {
                    consume()
                    return .blank
                }
                return .row(line: line, rowStart: buffer.start, rowEnd: end, problem: problem)
            }
        }
    }

    private func isBlank(_ span: FieldSpan) -> Bool {
        var i = span.start
        while i < span.end {
            let b = buffer.bytes[i]
            if b != 0x20 && b != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// Scans one row starting at `rowStart`. `needMore` when the buffer ends before the row does
    /// and more input may come; the caller refills and scans the row again from its start.
    private func scanRow(from rowStart: Int) -> ScanStep {
        let bytes = buffer.bytes
        let end = bytes.count
        let atEnd = buffer.atEnd
        let quote = Self.quote, lf = Self.lf, cr = Self.cr, delimiter = self.delimiter
        spans.removeAll(keepingCapacity: true)
        var i = rowStart
        var lines = 0
        var problem: RejectionReason?
        while true {
            // At the start of a field.
            if i == end {
                guard atEnd else { return .needMore }
                spans.append(FieldSpan(start: i, end: i, escaped: false, quoted: false))
                return .row(end: i, next: i, lines: lines, problem: problem)
            }
            if bytes[i] == quote {
                i += 1
                let contentStart = i
                var escaped = false
                while true {
                    guard i < end else {
                        guard atEnd else { return .needMore }
                        spans.append(FieldSpan(start: contentStart, end: i, escaped: escaped, quoted: true))
                        return .row(end: i, next: i, lines: lines,
                                    problem: problem ?? .unterminatedQuote(lines: lines + 1))
                    }
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < end {
                            if bytes[i + 1] == quote {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if atEnd { break }
                        return .needMore
                    }
                    if b == lf {
                        lines += 1
                    } else if b == cr {
                        if i + 1 < end {
                            if bytes[i + 1] != lf { lines += 1 }
                        } else if atEnd {
                            lines += 1
                        } else {
                            return .needMore
                        }
                    }
                    i += 1
                }
                let contentEnd = i
                i += 1  // the closing quote
                if i < end, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr {
                    if problem == nil { problem = .textAfterClosingQuote(field: spans.count + 1) }
                    while i < end, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { i += 1 }
                }
                spans.append(FieldSpan(start: contentStart, end: contentEnd, escaped: escaped, quoted: true))
            } else {
                let fieldStart = i
                while i < end {
                    let b = bytes[i]
                    if b == delimiter || b == lf || b == cr { break }
                    i += 1
                }
                spans.append(FieldSpan(start: fieldStart, end: i, escaped: false, quoted: false))
            }
            // After a field: a delimiter, a line break, or the end.
            if i == end {
                guard atEnd else { return .needMore }
                return .row(end: i, next: i, lines: lines, problem: problem)
            }
            let b = bytes[i]
            if b == delimiter {
                i += 1
                continue
            }
            if b == lf { return .row(end: i, next: i + 1, lines: lines + 1, problem: problem) }
            // CR: alone, or the first half of CRLF.
            if i + 1 < end {
                return .row(end: i, next: bytes[i + 1] == lf ? i + 2 : i + 1, lines: lines + 1, problem: problem)
            }
            guard atEnd else { return .needMore }
            return .row(end: i, next: i + 1, lines: lines + 1, problem: problem)
        }
    }

    /// Skips a row too long to hold, a chunk at a time, tracking quotes by toggling. Returns its
    /// length in bytes and the lines it spans (terminator included).
    private func skipOversizedRow() throws(ImportFileError) -> (bytes: Int, lines: Int) {
        var inQuotes = false
        var lines = 0
        var length = 0
        var pendingCR = false
        while true {
            var i = buffer.start
            let end = buffer.end
            while i < end {
                let b = buffer.bytes[i]
                if pendingCR {
                    pendingCR = false
                    if b == Self.lf {
                        buffer.start = i + 1
                        return (length, lines)
                    }
                    buffer.start = i
                    return (length, lines)
                }
                if b == Self.quote {
                    inQuotes.toggle()
                } else if b == Self.lf {
                    lines += 1
                    if !inQuotes {
                        buffer.start = i + 1
                        return (length, lines)
                    }
                } else if b == Self.cr {
                    lines += 1
                    if !inQuotes {
                        pendingCR = true
                        i += 1
                        continue
                    }
                    if i + 1 < end, buffer.bytes[i + 1] == Self.lf { i += 1 }
                }
                length += 1
                i += 1
            }
            buffer.start = end
            if !(try buffer.fill(from: source)) { return (length, max(lines, 1)) }
        }
    }

    private func decode(_ span: FieldSpan) -> String? {
        if !span.escaped {
            guard UTF8Check.isValid(buffer.bytes, from: span.start, to: span.end) else { return nil }
            return String(decoding: buffer.bytes[span.start..<span.end], as: UTF8.self)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(span.end - span.start)
        var i = span.start
        while i < span.end {
            let b = buffer.bytes[i]
            unescaped.append(b)
            i += (b == Self.quote && i + 1 < span.end && buffer.bytes[i + 1] == Self.quote) ? 2 : 1
        }
        guard UTF8Check.isValid(unescaped, from: 0, to: unescaped.count) else { return nil }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
