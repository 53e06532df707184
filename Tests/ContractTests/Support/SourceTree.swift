import CLMTesting
import Foundation
import Testing

/// Files of the repository, found from this source file's path (tests run from anywhere).
enum SourceTree {
    /// The folder holding Package.swift.
    static func root(from file: String = #filePath) throws -> URL { try RepositoryRoot.url(from: file) }

    /// Tests/ContractTests/Fixtures.
    static func fixtures() throws -> URL {
        try root().appendingPathComponent("Tests/ContractTests/Fixtures")
    }

    /// The text of a fixture file.
    static func fixture(_ name: String) throws -> String {
        let url = try fixtures().appendingPathComponent(name)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FixtureError(message: "cannot read fixture \(url.path): \(error)")
        }
    }

    /// Every `.proto` under Protos/, as paths relative to Protos/ (what protoc's `-I` expects).
    static func protoFiles() throws -> [String] {
        let protos = try root().appendingPathComponent("Protos")
        let walker = FileManager.default.enumerator(atPath: protos.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".proto") { found.append(path) }
        }
        return found.sorted()
    }

    /// Folders whose `WireMessage` types are sampled by a test target of their own rather than here, because this
    /// target does not depend on them; that target checks its folder the same way.
    static let sampledElsewhere = [
        "Services/Identity/Sources/IdentityAPI/",  // Tests/IdentityAPITests
        "Services/Scoring/Sources/ScoringAPI/",  // Tests/ScoringAPITests
    ]

    /// The `protoName`s the Swift sources of Shared/ and Services/ declare for their `WireMessage` types, but for
    /// those of `sampledElsewhere`.
    static func protoNamesDeclaredInSwift() throws -> Set<String> {
        let root = try root()
        var names = Set<String>()
        for top in ["Shared", "Services"] {
            let base = root.appendingPathComponent(top)
            let walker = FileManager.default.enumerator(atPath: base.path)
            while let path = walker?.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                if sampledElsewhere.contains(where: { "\(top)/\(path)".hasPrefix($0) }) { continue }
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") where line.contains("protoName = \"") {
                    guard let start = line.range(of: "protoName = \"")?.upperBound,
                        let end = line[start...].firstIndex(of: "\"")
                    else { continue }
                    names.insert(String(line[start..<end]))
                }
            }
        }
        return names
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
