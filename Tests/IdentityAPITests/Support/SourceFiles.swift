import CLMTesting
import Foundation
import Testing

/// Files of the repository, found from this source file's path (tests run from anywhere).
enum SourceFiles {
    /// The folder holding Package.swift.
    static func root(from file: String = #filePath) throws -> URL { try RepositoryRoot.url(from: file) }

    /// The text of a file, by its path from the root.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: root().appendingPathComponent(path), encoding: .utf8)
    }

    /// The `protoName`s declared by the Swift files of a folder (a path from the root).
    static func protoNamesDeclared(under folder: String) throws -> [String] {
        let base = try root().appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasSuffix(".swift") }
        var names: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "protoName = \"")?.upperBound,
                    let end = line[start...].firstIndex(of: "\"")
                else { continue }
                names.append(String(line[start..<end]))
            }
        }
        return names
    }
}

/// identity.proto as text, read with a deliberately simple parser: one declaration per line, no nesting.
struct IdentityProto {
    /// An rpc of the service, with the comment above it.
    struct RPC {
        let name: String
        let comment: String
    }

    static let path = "Protos/clm/identity/v1/identity.proto"

    /// Enums by full name, in declaration order.
    var enums: [String] = []
    var rpcs: [RPC] = []
    /// The payload names the file's header lists after "Feed (clm.common.v1.EventFeed):".
    var announcedFeed: [String] = []

    static func load() throws -> IdentityProto {
        var proto = IdentityProto()
        var comment: [String] = []
        var header = ""
        var inHeader = true
        for raw in try SourceFiles.text(path).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") {
                let text = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                comment.append(text)
                if inHeader { header += " " + text }
                continue
            }
            inHeader = false
            let words = line.split(whereSeparator: { " \t(){};".contains($0) })
            if words.first == "enum", words.count >= 2 { proto.enums.append("clm.identity.v1.\(words[1])") }
            if words.first == "rpc", words.count >= 2 {
                proto.rpcs.append(RPC(name: String(words[1]), comment: comment.joined(separator: " ")))
            }
            comment = []
        }
        if let start = header.range(of: "Feed (clm.common.v1.EventFeed):")?.upperBound,
            let end = header[start...].firstIndex(of: ".")
        {
            proto.announcedFeed = header[start..<end].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        return proto
    }
}

struct SourceFileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
