// Writing CSV (RFC 4180): the rejects file of `clm import` and the cross-reference of `clm export xref`.

internal import Foundation
public import IdentityAPI

/// RFC 4180 fields and rows.
public enum CSVText {
    /// A field as it goes in a row: quoted, with quotes doubled, when it holds the delimiter, a quote or a line
    /// break, or starts or ends with a space (which a reader might trim); as it is otherwise.
    public static func field(_ text: String, delimiter: Character = ",") -> String {
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Fields joined into a row, without the line break.
    public static func row(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field($0, delimiter: delimiter) }.joined(separator: String(delimiter))
    }
}

/// A text file written line by line through a buffer; `-` is standard output.
public final class TextFileWriter {
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var closed = false

    /// Creates (or truncates) the file.
    /// - Throws: `TextFileWriter.Failure` when it cannot be created.
    public init(path: String) throws(Failure) {
        self.path = path
        if path == "-" {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else {
            throw Failure(path: path, reason: "cannot be created")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends a line and a LF.
    public func write(line: String) throws(Failure) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes (standard output is only flushed).
    public func close() throws(Failure) {
        guard !closed else { return }
        closed = true
        try flush()
        if path != "-" { try? handle.close() }
    }

    deinit {
        if !closed { try? close() }
    }

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }
}

/// The rejects file of an import: one CSV row per rejected row, with its line, source key (empty when the row
/// could not be read that far), reason code, reason and, for rows the reader could not read, their start.
public final class RejectsFile {
    public static let header = "line,source_key,reason_code,reason,row"

    private let writer: TextFileWriter
    /// Rows written.
    public private(set) var count = 0
    public var path: String { writer.path }

    /// Creates the file (truncating an old one) and writes the header.
    public init(path: String) throws(TextFileWriter.Failure) {
        writer = try TextFileWriter(path: path)
        try writer.write(line: Self.header)
    }

    /// - Parameter sourceKey: the row's key, when the rejection does not carry it.
    public func write(_ rejection: RowRejection, sourceKey: String? = nil) throws(TextFileWriter.Failure) {
        try writer.write(line: Self.row(rejection, sourceKey: sourceKey))
        count += 1
    }

    public func close() throws(TextFileWriter.Failure) { try writer.close() }

    /// One row of the file, without the line break.
    public static func row(_ rejection: RowRejection, sourceKey: String?) -> String {
        CSVText.row([String(rejection.line), sourceKey ?? rejection.sourceKey ?? "", rejection.reason.code, rejection.reason.description,
                     rejection.excerpt ?? ""])
    }

    /// The default name: `<file's base name>.rejects.csv` (in the current directory); `stdin.rejects.csv` for `-`.
    public static func defaultPath(for input: String) -> String {
        let base = input == "-" ? "stdin" : (input.split(separator: "/").last.map(String.init) ?? input)
        return base + ".rejects.csv"
    }
}

/// The cross-reference as a CSV file: `source_system,source_key,customer_code`, one row per party record.
public enum CrossReferenceCSV {
    public static let header = "source_system,source_key,customer_code"

    public static func row(_ row: CrossReferenceRow) -> String {
        CSVText.row([row.sourceSystem, row.sourceKey, row.customerCode])
    }
}
