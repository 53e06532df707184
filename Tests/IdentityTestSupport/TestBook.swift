import BookGenerator
public import Foundation
public import IdentityAPI
import Models

/// A generated book read back from its CSV files, with the true entity of each party record.
public struct TestBook: Sendable {
    public var parties: [PartyRecord]
    public var entities: [String]

    nonisolated(unsafe) private static var cached: TestBook?
    private static let lock = NSLock()

    /// 10,000 persons and 500 organisations (seed 42), generated once per test process.
    public static func shared() throws -> TestBook {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let book = try generate(persons: 10_000, organisations: 500, seed: 42)
        cached = book
        return book
    }

    /// A book generated into a temporary folder (removed again) and read back.
    public static func generate(persons: Int, organisations: Int, seed: UInt64) throws -> TestBook {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("identity-book-\(ProcessInfo.processInfo.processIdentifier)-\(seed)-\(persons)")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BookGenerator(configuration: BookConfiguration(persons: persons, organisations: organisations, seed: seed))
            .write(to: folder)
        return try read(folder)
    }

    public static func read(_ folder: URL) throws -> TestBook {
        let truth = try CSVTable(folder.appendingPathComponent("truth.csv"))
        var entityOf: [String: String] = [:]
        for row in truth.rows { entityOf[row["source_system"]! + "/" + row["source_key"]!] = row["entity_id"]! }
        let table = try CSVTable(folder.appendingPathComponent("parties.csv"))
        var parties: [PartyRecord] = [], entities: [String] = []
        for row in table.rows {
            parties.append(try BookParties.record(row))
            entities.append(entityOf[row["source_system"]! + "/" + row["source_key"]!]!)
        }
        return TestBook(parties: parties, entities: entities)
    }
}
