import Foundation
import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct BookStatisticsCodingTests {
    @Test func statisticsRoundTripWithTheirDistributions() throws {
        var averages = SegmentAverages(currency: "CNY")
        averages.add(segment: "", annualisedPremium: fen(100))
        let statistics = BookStatistics(
            segmentation: PremiumSegmentation(dimensions: [.province]), segmentAverages: averages, rfmBands: .defaults,
            distributions: MetricDistributions([.clv: MetricDistribution([3, 1, 2])]))
        let decoded = try JSONDecoder().decode(BookStatistics.self, from: JSONEncoder().encode(statistics))
        #expect(decoded == statistics)
        #expect(decoded.distributions[.clv]?.sorted == [1, 2, 3])
    }

    @Test func statisticsStoredBeforeDistributionsHaveNone() throws {
        // As stored before distributions existed: the other three fields only.
        let json = """
            {"segmentation": {"dimensions": ["SEGMENT_DIMENSION_PROVINCE"]},
             "segmentAverages": {"currency": "CNY", "totals": {}},
             "rfmBands": {"renewalIntervalDaysEdges": [90, 180, 365, 730], "policiesHeldEdges": [1, 2, 3, 5],
                          "serviceDepthEdges": [1, 2, 3, 5]}}
            """
        let decoded = try JSONDecoder().decode(BookStatistics.self, from: Data(json.utf8))
        #expect(decoded.segmentation.dimensions == [.province])
        #expect(decoded.rfmBands == .defaults)
        #expect(decoded.distributions == MetricDistributions())
    }
}
