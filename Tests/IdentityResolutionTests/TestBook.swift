import BookGenerator
import Foundation
import IdentityAPI
import Models
import RecordImport

/// A generated book of 10,000 persons read back from its CSV files, with the true entity of each party record.
struct TestBook: Sendable {
    var parties: [PartyRecord]
    var entities: [String]

    nonisolated(unsafe) private static var cached: TestBook?
    private static let lock = NSLock()

    static func shared() throws -> TestBook {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("identity-resolution-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BookGenerator(configuration: BookConfiguration(persons: 10_000, organisations: 500, seed: 42))
            .write(to: folder)
        let book = try read(folder)
        cached = book
        return book
    }

    static func read(_ folder: URL) throws -> TestBook {
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
