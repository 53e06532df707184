internal import Foundation

/// Where a reader's bytes come from, a chunk at a time: a file, standard input, or memory (tests).
public protocol ByteSource: AnyObject {
    /// The size of the whole input when known (for progress), else nil.
    var totalBytes: Int64? { get }
    /// Up to `count` more bytes; empty at the end.
    func read(upTo count: Int) throws(ImportFileError) -> [UInt8]
}

/// A file read through `FileHandle`, a chunk at a time: memory stays constant whatever the size.
public final class FileByteSource: ByteSource {
    public let totalBytes: Int64?
    private let handle: FileHandle
    private let name: String

    /// Opens a file for reading; `-` means standard input.
    /// - Throws: `ImportFileError.cannotOpen`.
    public init(path: String) throws(ImportFileError) {
        name = path
        if path == "-" {
            handle = .standardInput
            totalBytes = nil
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .cannotOpen(path: path, reason: exists ? "not readable" : "no such file")
        }
        self.handle = handle
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        totalBytes = size
    }

    public func read(upTo count: Int) throws(ImportFileError) -> [UInt8] {
        do {
            guard let data = try handle.read(upToCount: count) else { return [] }
            return [UInt8](data)
        } catch {
            throw .readFailed(path: name, reason: "\(error)")
        }
    }

    deinit { if name != "-" { try? handle.close() } }
}

/// Bytes held in memory, handed out in chunks of at most `chunkLimit` (tests use tiny chunks to
/// put chunk boundaries everywhere).
public final class MemoryByteSource: ByteSource {
    public let totalBytes: Int64?
    private let bytes: [UInt8]
    private let chunkLimit: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkLimit: Int = .max) {
        self.bytes = bytes
        self.totalBytes = Int64(bytes.count)
        self.chunkLimit = max(1, chunkLimit)
    }

    public convenience init(_ text: String, chunkLimit: Int = .max) {
        self.init(Array(text.utf8), chunkLimit: chunkLimit)
    }

    public func read(upTo count: Int) throws(ImportFileError) -> [UInt8] {
        let end = min(bytes.count, offset + min(count, chunkLimit))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// A file that cannot be read at all (as opposed to a row that is rejected).
public enum ImportFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// The file starts with a UTF-16 or UTF-32 byte-order mark.
    case notUTF8(encoding: String)
    /// The header row is not valid UTF-8: the file is most likely GBK / GB18030.
    case headerNotUTF8(line: Int)
    /// The header row cannot be read (an unterminated quote, a row too long…).
    case malformedHeader(line: Int, reason: String)
    /// The file has no header row (it is empty or blank).
    case noHeader

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .readFailed(let path, let reason): "cannot read \(path): \(reason)"
        case .notUTF8(let encoding):
            "the file is \(encoding), not UTF-8. \(ImportFileError.conversionHint(from: encoding))"
        case .headerNotUTF8(let line):
            "the header (line \(line)) is not valid UTF-8; the file is probably GBK or GB18030. "
                + ImportFileError.conversionHint(from: "GB18030")
        case .malformedHeader(let line, let reason): "the header (line \(line)) cannot be read: \(reason)"
        case .noHeader: "the file has no header row"
        }
    }

    /// How to convert a file to UTF-8 with iconv.
    public static func conversionHint(from encoding: String) -> String {
        "Convert it first: iconv -f \(encoding) -t UTF-8 FILE > FILE.utf8"
    }
}

/// The buffer a reader scans: bytes not yet consumed, refilled a chunk at a time. Only the row
/// being read is kept, so memory stays at about one chunk plus the longest row.
struct InputBuffer {
    var bytes: [UInt8] = []
    /// First byte not yet consumed.
    var start = 0
    var atEnd = false
    var bytesRead: Int64 = 0
    var peakBytes = 0
    let chunkSize: Int

    init(chunkSize: Int) {
        self.chunkSize = max(1, chunkSize)
    }

    var end: Int { bytes.count }
    var pending: Int { bytes.count - start }

    /// Drops consumed bytes and appends one more chunk. Returns false (and sets `atEnd`) when the
    /// source has nothing more.
    mutating func fill(from source: any ByteSource) throws(ImportFileError) -> Bool {
        if atEnd { return false }
        if start > 0 {
            bytes.removeSubrange(0..<start)
            start = 0
        }
        let chunk = try source.read(upTo: chunkSize)
        if chunk.isEmpty {
            atEnd = true
            return false
        }
        bytes.append(contentsOf: chunk)
        bytesRead += Int64(chunk.count)
        peakBytes = max(peakBytes, bytes.capacity)
        return true
    }

    /// Skips a UTF-8 byte-order mark at the very start; throws for UTF-16 / UTF-32 marks.
    mutating func skipByteOrderMark(from source: any ByteSource) throws(ImportFileError) {
        while pending < 4, try fill(from: source) {}
        let head = Array(bytes[start..<min(end, start + 4)])
        if head.starts(with: [0xFF, 0xFE, 0, 0]) || head.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw .notUTF8(encoding: "UTF-32")
        }
        if head.starts(with: [0xFF, 0xFE]) { throw .notUTF8(encoding: "UTF-16LE") }
        if head.starts(with: [0xFE, 0xFF]) { throw .notUTF8(encoding: "UTF-16BE") }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
    }

    /// Up to `limit` bytes from `from`, decoded with replacement characters, for a rejection excerpt.
    func excerpt(from: Int, to: Int, limit: Int = 200) -> String {
        let upper = min(to, from + limit, end)
        guard from < upper else { return "" }
        var text = String(decoding: bytes[from..<upper], as: UTF8.self)
        if upper < to { text += "…" }
        return text
    }
}
