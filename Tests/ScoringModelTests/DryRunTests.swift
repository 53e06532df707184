import Models
import ScoringAPI
import ScoringModel
import Testing

@Suite struct DryRunTests {
    @Test func theMigrationMatrixCountsCustomersAndPremium() {
        // A gold → diamond 1,000; B gold → gold 2,000; C gold → diamond 3,000; D not scored → basic 500;
        // E standard → basic 700; F standard → basic HKD 900 (counted, its premium left out).
        var matrix = MigrationMatrix(examplesPerCell: 1)
        matrix.add(customerCode: "A", from: .gold, to: .diamond, annualisedPremium: fen(1_000))
        matrix.add(customerCode: "B", from: .gold, to: .gold, annualisedPremium: fen(2_000))
        matrix.add(customerCode: "C", from: .gold, to: .diamond, annualisedPremium: fen(3_000))
        matrix.add(customerCode: "D", from: .unspecified, to: .basic, annualisedPremium: fen(500))
        matrix.add(customerCode: "E", from: .standard, to: .basic, annualisedPremium: fen(700))
        matrix.add(customerCode: "F", from: .standard, to: .basic,
                   annualisedPremium: Money(minorUnits: 900, currency: "HKD"))
        #expect(matrix.cells == [
            MigrationCell(fromTier: .gold, toTier: .diamond, customers: 2, annualisedPremium: fen(4_000),
                          exampleCustomerCodes: ["A"]),
            MigrationCell(fromTier: .gold, toTier: .gold, customers: 1, annualisedPremium: fen(2_000),
                          exampleCustomerCodes: ["B"]),
            MigrationCell(fromTier: .standard, toTier: .basic, customers: 2, annualisedPremium: fen(700),
                          exampleCustomerCodes: ["E"]),
            MigrationCell(fromTier: .unspecified, toTier: .basic, customers: 1, annualisedPremium: fen(500),
                          exampleCustomerCodes: ["D"]),
        ])
        #expect(matrix.customers == 6)
        #expect(matrix.upgrades == 2)  // A, C; D was not scored
        #expect(matrix.downgrades == 2)  // E, F
    }

    @Test func examplesAreClampedToAHundred() {
        #expect(MigrationMatrix(examplesPerCell: 500).examplesPerCell == 100)
        #expect(MigrationMatrix(examplesPerCell: -3).examplesPerCell == 0)
        var none = MigrationMatrix()
        none.add(customerCode: "A", from: .gold, to: .gold, annualisedPremium: fen(1))
        #expect(none.cells.first?.exampleCustomerCodes == [])
    }

    @Test func theSummaryCountsFlagsLayersVipAndTheNewDistribution() {
        // A: gold → diamond, gains potential, middle → top, enters VIP, 75 points, 3,000.
        // B: gold → gold, loses potential, leaves VIP, 65 points, 1,000.
        // C: not scored now → gold, VIP (entering), 61 points, 0.
        func value(_ code: String, _ tier: CustomerTier, potential: Bool = false, layer: PyramidLayer = .middle,
                   vip: Bool = false, score: Double = 0, premium: Int64 = 0) -> CustomerValue {
            CustomerValue(customerCode: code, valueScore: score, tier: tier, potential: potential, layer: layer,
                          vip: vip, annualisedPremium: fen(premium))
        }
        var summary = DryRunSummary(examplesPerCell: 0)
        summary.add(before: value("A", .gold), after: value("A", .diamond, potential: true, layer: .top, vip: true,
                                                             score: 75, premium: 3_000))
        summary.add(before: value("B", .gold, potential: true, vip: true),
                    after: value("B", .gold, score: 65, premium: 1_000))
        summary.add(before: nil, after: value("C", .gold, vip: true, score: 61))
        let response = summary.response(problems: [], active: RuleSetRef(ruleSetId: "book", version: 3))
        #expect(response.active == RuleSetRef(ruleSetId: "book", version: 3))
        #expect(response.customersScored == 3)
        #expect(response.upgrades == 1)
        #expect(response.downgrades == 0)
        #expect(response.potentialGained == 1)
        #expect(response.potentialLost == 1)
        #expect(response.layerChanges == 1)
        #expect(response.vipEntering == 2)
        #expect(response.vipLeaving == 1)
        // Diamond: A alone, 1 of 3 customers, 3,000 of 4,000 premium. Gold: B and C, (65 + 61) / 2 = 63 points.
        #expect(response.tiersAfter == [
            TierCount(tier: .diamond, customers: 1, potentialCustomers: 1, annualisedPremium: fen(3_000),
                      customerShare: 1.0 / 3, premiumShare: 0.75, averageValueScore: 75),
            TierCount(tier: .gold, customers: 2, potentialCustomers: 0, annualisedPremium: fen(1_000),
                      customerShare: 2.0 / 3, premiumShare: 0.25, averageValueScore: 63),
        ])
    }
}
