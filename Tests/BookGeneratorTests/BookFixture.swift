@testable import BookGenerator
import Foundation

/// A tiny RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes.
enum CSV {
    static func read(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The rows of a file as dictionaries keyed by the header.
    static func table(_ url: URL) throws -> [[String: String]] {
        let rows = read(try String(contentsOf: url, encoding: .utf8))
        let header = rows[0]
        return rows.dropFirst().map { row in
            precondition(row.count == header.count, "\(url.lastPathComponent): \(row.count) fields, expected \(header.count): \(row)")
            return Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }
}

/// Books generated once and shared by the tests.
enum Fixture {
    static func directory(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("book-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
    }

    static func generate(_ name: String, _ configuration: BookConfiguration) -> (URL, BookSummary) {
        let url = directory(name)
        try? FileManager.default.removeItem(at: url)
        _ = removeAtExit
        let summary = try! BookGenerator(configuration: configuration).write(to: url)
        return (url, summary)
    }

    /// Registers, once, the removal of this process's books when the test process exits (a book is megabytes).
    private static let removeAtExit: Void = {
        atexit {
            let folder = FileManager.default.temporaryDirectory
            let prefix = "book-tests-\(ProcessInfo.processInfo.processIdentifier)-"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }()

    /// A small book, 3,000 persons and 200 organisations.
    static let small = generate("small", BookConfiguration(persons: 3000, organisations: 200, seed: 7))

    /// 20,000 persons and 1,000 organisations, for error rates.
    static let large = generate("large", BookConfiguration(persons: 20_000, organisations: 1000, seed: 11))
}
