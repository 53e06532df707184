import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct RfmTests {
    @Test func theCustomersRfmUnderDefaultEdges() {
        // R: latest of cover starts (latest P2, 2024-09-01) and renewal premiums paid (P1 #11 on 2025-02-20,
        //    P3 #56 on 2024-08-01) = 2025-02-20; to 2025-06-30: 8 + 31 + 30 + 31 + 30 = 130 days.
        //    Edges 90, 180, 365, 730: one at or below 130 → band 5 − 1 = 4.
        // F: 2 policies; edges 1, 2, 3, 5: two at or below → band 3.
        // M: 2 services; same edges → band 3.
        let rfm = InsuranceRfm(facts: Fixture.customer(), settings: Fixture.settings, bands: .defaults)
        #expect(rfm.renewalIntervalDays == 130)
        #expect(rfm.policiesHeld == 2)
        #expect(rfm.serviceUsageDepth == 2)
        #expect(rfm.code == "433")
    }

    @Test func bandsAtAndAroundTheEdges() {
        let edges: [Double] = [18, 26, 34, 42]
        #expect(RfmBands.bandMoreIsBetter(17, edges: edges) == 1)
        #expect(RfmBands.bandMoreIsBetter(26, edges: edges) == 3)
        #expect(RfmBands.bandMoreIsBetter(42, edges: edges) == 5)
        #expect(RfmBands.bandLessIsBetter(17, edges: edges) == 5)
        #expect(RfmBands.bandLessIsBetter(26, edges: edges) == 3)
        #expect(RfmBands.bandLessIsBetter(42, edges: edges) == 1)
        #expect(RfmBands.bandLessIsBetter(nil, edges: edges) == 1)
    }

    @Test func quintilesInterpolateBetweenRanks() {
        // n = 5: h = 4p → p 0.2: 10 + 0.8 × 10 = 18; 0.4: 20 + 0.6 × 10 = 26; 0.6: 34; 0.8: 42.
        let edges = try! #require(BookQuantiles.quintileEdges([50, 10, 40, 20, 30]))
        for (edge, expected) in zip(edges, [18.0, 26, 34, 42]) {
            #expect(abs(edge - expected) < 1e-9)
        }
        #expect(BookQuantiles.quintileEdges([]) == nil)
    }

    @Test func quintilesOfTiedCounts() {
        // Sorted 0 1 1 2 3 5, n = 6, h = 5p: 1.0 → 1; 2.0 → 1; 3.0 → 2; 4.0 → 3.
        #expect(BookQuantiles.quintileEdges([5, 1, 0, 3, 1, 2]) == [1, 1, 2, 3])
    }

    @Test func bookEdgesComeFromEveryCustomer() {
        // R (only customers who bought): C1 130; C2 since 2022-05-01 → 1,156 days; C4 since 2025-01-01 → 180.
        //   Sorted 130, 180, 1,156; h = 2p: 0.4 → 130 + 0.4 × 50 = 150; 0.8 → 170; 1.2 → 180 + 0.2 × 976 = 375.2;
        //   1.6 → 180 + 0.6 × 976 = 765.6.
        // F: 2, 1, 1, 0 → sorted 0 1 1 2, h = 3p: 0.6 → 0.6; 1.2 → 1; 1.8 → 1; 2.4 → 1.4.
        // M: 2, 0, 0, 0 → h = 3p: 0.6, 1.2, 1.8 → 0; 2.4 → 0 + 0.4 × 2 = 0.8.
        let book = BookStatistics.measure(
            [Fixture.customer(), Fixture.smallLifeCustomer(), Fixture.autoCustomer(), Fixture.prospect()],
            settings: Fixture.settings)
        let bands = book.rfmBands
        for (edge, expected) in zip(bands.renewalIntervalDaysEdges, [150.0, 170, 375.2, 765.6]) {
            #expect(abs(edge - expected) < 1e-9)
        }
        for (edge, expected) in zip(bands.policiesHeldEdges, [0.6, 1, 1, 1.4]) { #expect(abs(edge - expected) < 1e-9) }
        for (edge, expected) in zip(bands.serviceDepthEdges, [0.0, 0, 0, 0.8]) { #expect(abs(edge - expected) < 1e-9) }
        // C1 under the book's edges: R 130 < 150 → 5; F 2 ≥ all four → 5; M 2 ≥ all four → 5.
        #expect(InsuranceRfm(facts: Fixture.customer(), settings: Fixture.settings, bands: bands).code == "555")
    }
}
