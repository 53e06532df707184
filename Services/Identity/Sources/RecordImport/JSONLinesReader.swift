/// Reads a JSON Lines file (one JSON object per line) a chunk at a time, in constant memory.
///
/// - Each object's keys are its columns. Nested objects are flattened with dots
///   (`{"address": {"city": "杭州"}}` → `address.city`); an array of scalars gives the key several
///   values (`"phones": ["138…", "139…"]`, for multi-valued fields); an array of objects gives each
///   nested key the values of every element (`contacts.phone`).
/// - Strings are taken as they are; numbers keep their literal text (an 18-digit ID number written
///   as a number is not rounded); `true` / `false` become `true` / `false`; `null` is absent.
/// - A line that is not valid JSON, not an object, not UTF-8, has a key twice in one object, or is
///   longer than ``Options/maxLineBytes`` is a rejection with its line number; reading goes on.
/// - Blank lines are skipped and counted in ``blankLines``; a UTF-8 byte-order mark and CRLF
///   line ends are accepted. Files must be UTF-8 (`iconv -f GB18030 -t UTF-8` converts GBK).
public final class JSONLinesReader: SourceRowReader {
    public struct Options: Sendable, Hashable {
        public var chunkSize: Int
        public var maxLineBytes: Int
        /// How deeply objects and arrays may nest.
        public var maxDepth: Int

        public init(chunkSize: Int = 1 << 20, maxLineBytes: Int = 8 << 20, maxDepth: Int = 32) {
            self.chunkSize = chunkSize
            self.maxLineBytes = maxLineBytes
            self.maxDepth = maxDepth
        }
    }

    public var header: [String]? { nil }
    public private(set) var blankLines = 0
    public var bytesRead: Int64 { buffer.bytesRead }
    public var totalBytes: Int64? { source.totalBytes }
    /// The most the reader's buffer has held, in bytes.
    public var peakBufferedBytes: Int { buffer.peakBytes }

    private let source: any ByteSource
    private let options: Options
    private var buffer: InputBuffer
    private var line = 0

    public init(source: any ByteSource, options: Options = .init()) throws(ImportFileError) {
        self.source = source
        self.options = options
        self.buffer = InputBuffer(chunkSize: options.chunkSize)
        try buffer.skipByteOrderMark(from: source)
    }

    /// Opens the file at `path` (`-` for standard input).
    public convenience init(path: String, options: Options = .init()) throws(ImportFileError) {
        try self.init(source: try FileByteSource(path: path), options: options)
    }

    public func next() throws(ImportFileError) -> ReadEvent? {
        while true {
            // Find the end of the next line.
            var searchFrom = buffer.start
            var newline: Int?
            while true {
                if let found = buffer.bytes[searchFrom..<buffer.end].firstIndex(of: 0x0A) {
                    newline = found
                    break
                }
                if buffer.pending > options.maxLineBytes {
                    line += 1
                    let startLine = line
                    let length = try skipLongLine()
                    return .rejected(RowRejection(line: startLine,
                                                  reason: .rowTooLong(bytes: length, limit: options.maxLineBytes)))
                }
                searchFrom = buffer.end - buffer.start
                guard try buffer.fill(from: source) else { break }
                // `fill` moved the pending bytes to the front of the buffer.
            }
            if newline == nil && buffer.pending == 0 { return nil }
            line += 1
            let lineStart = buffer.start
            var lineEnd = newline ?? buffer.end
            buffer.start = newline.map { $0 + 1 } ?? buffer.end
            if lineEnd > lineStart, buffer.bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if buffer.bytes[lineStart..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                blankLines += 1
                continue
            }
            var parser = JSONLineParser(bytes: buffer.bytes, start: lineStart, end: lineEnd, maxDepth: options.maxDepth)
            do {
                let values = try parser.parseObject()
                return .row(SourceRow(line: line, cells: .keyed(values)))
            } catch {
                return .rejected(RowRejection(line: line, reason: error.reason,
                                              excerpt: buffer.excerpt(from: lineStart, to: lineEnd)))
            }
        }
    }

    /// Skips to the end of an over-long line; returns its length.
    private func skipLongLine() throws(ImportFileError) -> Int {
        var length = 0
        while true {
            if let found = buffer.bytes[buffer.start..<buffer.end].firstIndex(of: 0x0A) {
                length += found - buffer.start
                buffer.start = found + 1
                return length
            }
            length += buffer.pending
            buffer.start = buffer.end
            guard try buffer.fill(from: source) else { return length }
        }
    }
}

/// Why a JSON line could not be read.
struct JSONLineError: Error {
    let reason: RejectionReason
}

/// A small JSON parser over one line's bytes that flattens the object as it goes.
struct JSONLineParser {
    private let bytes: [UInt8]
    private var i: Int
    private let end: Int
    private let lineStart: Int
    private let maxDepth: Int
    private var values: [String: [String]] = [:]

    init(bytes: [UInt8], start: Int, end: Int, maxDepth: Int) {
        self.bytes = bytes
        self.i = start
        self.lineStart = start
        self.end = end
        self.maxDepth = maxDepth
    }

    /// Parses the line as one object; returns dotted key → values.
    mutating func parseObject() throws(JSONLineError) -> [String: [String]] {
        skipWhitespace()
        guard i < end, bytes[i] == UInt8(ascii: "{") else {
            // Valid JSON that is not an object, or not JSON at all?
            var probe = self
            if (try? probe.parseValue(path: "", depth: 0)) != nil {
                probe.skipWhitespace()
                if probe.i == probe.end { throw JSONLineError(reason: .notAnObject) }
            }
            throw malformed("expected '{' at the start of the line")
        }
        try parseValue(path: "", depth: 0)
        skipWhitespace()
        guard i == end else { throw malformed("unexpected text after the object") }
        return values
    }

    private func malformed(_ detail: String) -> JSONLineError {
        JSONLineError(reason: .malformedJSON(detail))
    }

    /// Byte column (from 1) of the parser's position in the line.
    private var column: Int { i - lineStart + 1 }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func skipWhitespace() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }

    private mutating func add(_ value: String, at path: String) {
        values[path, default: []].append(value)
    }

    private mutating func parseValue(path: String, depth: Int) throws(JSONLineError) {
        skipWhitespace()
        guard i < end else { throw malformed("unexpected end of line") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            guard depth < maxDepth else { throw malformed("nested deeper than \(maxDepth)") }
            i += 1
            var keys: [String] = []
            var keySet: Set<String> = []
            skipWhitespace()
            if i < end, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            while true {
                skipWhitespace()
                guard i < end, bytes[i] == UInt8(ascii: "\"") else { throw malformed("expected a key at column \(column)") }
                let key = try parseString()
                let keyPath = path.isEmpty ? key : path + "." + key
                // Objects are mostly small: a scan is cheaper than hashing (non-ASCII keys hash
                // slowly); past 16 keys a set keeps it linear.
                if keys.count < 16 {
                    guard !keys.contains(key) else { throw JSONLineError(reason: .duplicateKey(keyPath)) }
                    keys.append(key)
                    if keys.count == 16 { keySet = Set(keys) }
                } else {
                    guard keySet.insert(key).inserted else { throw JSONLineError(reason: .duplicateKey(keyPath)) }
                }
                skipWhitespace()
                guard i < end, bytes[i] == UInt8(ascii: ":") else { throw malformed("expected ':' after key '\(key)'") }
                i += 1
                try parseValue(path: keyPath, depth: depth + 1)
                skipWhitespace()
                guard i < end else { throw malformed("unexpected end of line in an object") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return
                }
                throw malformed("expected ',' or '}' after the value of '\(key)'")
            }
        case UInt8(ascii: "["):
            guard depth < maxDepth else { throw malformed("nested deeper than \(maxDepth)") }
            i += 1
            skipWhitespace()
            if i < end, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            while true {
                try parseValue(path: path, depth: depth + 1)
                skipWhitespace()
                guard i < end else { throw malformed("unexpected end of line in an array") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return
                }
                throw malformed("expected ',' or ']' in an array")
            }
        case UInt8(ascii: "\""):
            add(try parseString(), at: path)
        case UInt8(ascii: "t"):
            try literal("true")
            add("true", at: path)
        case UInt8(ascii: "f"):
            try literal("false")
            add("false", at: path)
        case UInt8(ascii: "n"):
            try literal("null")
        case UInt8(ascii: "-"), 0x30...0x39:
            add(try parseNumber(), at: path)
        default:
            throw malformed("unexpected character at column \(column)")
        }
    }

    private mutating func literal(_ word: String) throws(JSONLineError) {
        for b in word.utf8 {
            guard i < end, bytes[i] == b else { throw malformed("expected '\(word)'") }
            i += 1
        }
    }

    /// Keeps the number's text as written.
    private mutating func parseNumber() throws(JSONLineError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end, isDigit(bytes[i]) else { throw malformed("bad number") }
        if bytes[i] == 0x30 {
            i += 1
        } else {
            while i < end, isDigit(bytes[i]) { i += 1 }
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, isDigit(bytes[i]) else { throw malformed("bad number") }
            while i < end, isDigit(bytes[i]) { i += 1 }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, isDigit(bytes[i]) else { throw malformed("bad number") }
            while i < end, isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// Parses a string at `i` (on its opening quote); checks its bytes are UTF-8.
    private mutating func parseString() throws(JSONLineError) -> String {
        i += 1
        let start = i
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                guard UTF8Check.isValid(bytes, from: start, to: i) else {
                    throw JSONLineError(reason: .invalidUTF8(field: nil, column: nil))
                }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw malformed("control character in a string") }
            i += 1
        }
        // With escapes: collect bytes.
        var out = Array(bytes[start..<i])
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard UTF8Check.isValid(out, from: 0, to: out.count) else {
                    throw JSONLineError(reason: .invalidUTF8(field: nil, column: nil))
                }
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw malformed("control character in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < end else { break }
            let escape = bytes[i]
            i += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw malformed("unpaired surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw malformed("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw malformed("unpaired surrogate in \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw malformed("bad \\u escape") }
                UTF8.encode(unicode) { out.append($0) }
            default:
                throw malformed("bad escape \\\(Character(Unicode.Scalar(escape)))")
            }
        }
        throw malformed("unterminated string")
    }

    private mutating func hex4() throws(JSONLineError) -> UInt32 {
        guard i + 4 <= end else { throw malformed("bad \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw malformed("bad \\u escape")
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }
}
