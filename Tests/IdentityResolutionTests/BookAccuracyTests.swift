import Foundation
import IdentityTestSupport
import IdentityAPI
import IdentityMatching
import IdentityNormalization
import IdentityResolution
import Models
import Testing

/// Accuracy of the whole party pipeline (normalisation, default settings, bulk resolution) on the generator's
/// book against its truth file: issue 3 asks for pairwise F1 ≥ 0.99 on at least 10,000 persons.
@Suite struct BookAccuracyTests {
    @Test func generatedBookResolvesWithF1AboveTarget() async throws {
        let book = try TestBook.shared()
        let normalizer = PartyNormalizer(today: CalendarDate(year: 2025, month: 6, day: 30))
        let records = book.parties.enumerated().map { index, party in
            normalizer.normalize(party.details).matchRecord(id: index)
        }
        let resolution = try await BulkResolver.resolve(records, settings: PartyMatching.settings)
        let truth = Dictionary(uniqueKeysWithValues: book.entities.enumerated().map { ($0, $1) })
        let evaluation = PairwiseEvaluation(predicted: resolution.clustering.clusterOf, truth: truth)
        print("book \(records.count) records: \(evaluation); candidates \(resolution.statistics.candidatePairs), "
              + "reviews \(resolution.clustering.reviews.count), skipped blocks \(resolution.skippedBlocks.count)")
        #expect(evaluation.f1 >= 0.99)
    }
}
