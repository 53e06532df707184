import Models
import ScoringAPI
import ScoringModel
import Testing

/// A full rescore measures the book from customers measured alone (`MeasuredCustomer`), then assesses them against
/// it: the book's edges and each customer's bands come out as worked by hand in `RfmTests` from the facts.
struct MeasuredCustomerTests {
    static let book = [Fixture.customer(), Fixture.smallLifeCustomer(), Fixture.autoCustomer(), Fixture.prospect()]

    @Test func theBookMeasuredFromMeasuredCustomersHasTheEdgesOfItsFacts() {
        var measurement = BookMeasurement(settings: Fixture.settings)
        for facts in Self.book {
            measurement.add(MeasuredCustomer(facts: facts, settings: Fixture.settings,
                                             segmentation: measurement.segmentation))
        }
        #expect(measurement.customers == 4)
        // As in RfmTests: R over C1, C2 and C4 only (C3 never bought) 150, 170, 375.2, 765.6; F 0.6, 1, 1, 1.4;
        // M 0, 0, 0, 0.8.
        let bands = measurement.statistics().rfmBands
        for (edge, expected) in zip(bands.renewalIntervalDaysEdges, [150.0, 170, 375.2, 765.6]) {
            #expect(abs(edge - expected) < 1e-9)
        }
        for (edge, expected) in zip(bands.policiesHeldEdges, [0.6, 1, 1, 1.4]) { #expect(abs(edge - expected) < 1e-9) }
        for (edge, expected) in zip(bands.serviceDepthEdges, [0.0, 0, 0, 0.8]) { #expect(abs(edge - expected) < 1e-9) }
        // Paying customers (PremiumMetricsTests): C1 1,565,000, C2 435,000, C4 500,000 分; C3 pays nothing.
        // Average = 2,500,000 / 3 = 833,333.33 → 833,333 分.
        #expect(measurement.statistics().segmentAverages.average(of: "") == fen(833_333))
    }

    @Test func aCustomerWhoNeverBoughtKeepsNoRenewalIntervalAndRanksWorst() {
        let measured = MeasuredCustomer(facts: Fixture.prospect(), settings: Fixture.settings,
                                        segmentation: PremiumSegmentation())
        #expect(measured.renewalIntervalDays == nil)
        let book = BookStatistics.measure(Self.book, settings: Fixture.settings)
        let rfm = measured.assessed(against: book).rfm
        // No renewal interval → band 1 (0 days would be band 5, below every edge); F 0 below the first edge 0.6 → 1;
        // M 0 at or above the three edges of 0 → 4.
        #expect(rfm.renewalIntervalDays == 0 && rfm.renewalBand == 1 && rfm.code == "114")
    }

    @Test func theFirstCustomerAssessedAgainstTheBookBandsAsByHand() {
        let measured = MeasuredCustomer(facts: Fixture.customer(), settings: Fixture.settings,
                                        segmentation: PremiumSegmentation())
        let book = BookStatistics.measure(Self.book, settings: Fixture.settings)
        // C1: R 130 < 150 → 5; F 2 ≥ all four → 5; M 2 ≥ all four → 5 (RfmTests).
        #expect(measured.assessed(against: book).rfm.code == "555")
        #expect(measured.partial.rfm.renewalBand == 0, "unbanded until assessed")
    }
}
