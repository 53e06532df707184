public import Models
public import ScoringAPI

/// The dry run's tier migration matrix: customers and annualised premium per (tier now, tier under the
/// candidate), with example customer codes. Customers are added one at a time, so a whole book can stream
/// through it.
public struct MigrationMatrix: Sendable, Hashable {
    /// Example customer codes kept per cell, 0–100.
    public let examplesPerCell: Int
    /// Premiums are added in this currency; amounts in other currencies are left out of the sums (there is no
    /// conversion), the customers still counted.
    public let currency: String
    private var cellsByPair: [Pair: MigrationCell] = [:]

    /// Upgrades: customers whose candidate tier is higher than their tier now; customers not scored now are
    /// neither upgrades nor downgrades.
    public private(set) var upgrades: Int64 = 0
    public private(set) var downgrades: Int64 = 0
    public private(set) var customers: Int64 = 0

    private struct Pair: Hashable {
        var from: CustomerTier
        var to: CustomerTier
    }

    /// An empty matrix.
    /// - Parameters:
    ///   - examplesPerCell: the request's `examples_per_cell`, clamped to 0–100.
    ///   - currency: the book's currency.
    public init(examplesPerCell: Int32 = 0, currency: String = "CNY") {
        self.examplesPerCell = Int(min(100, max(0, examplesPerCell)))
        self.currency = currency
    }

    /// Counts one customer.
    /// - Parameters:
    ///   - customerCode: kept as an example while the cell has fewer than `examplesPerCell`.
    ///   - from: the tier under the active rule set; unspecified when not scored now.
    ///   - to: the tier under the candidate.
    ///   - annualisedPremium: the customer's annualised premium.
    public mutating func add(customerCode: String, from: CustomerTier, to: CustomerTier, annualisedPremium: Money) {
        let pair = Pair(from: from, to: to)
        var cell = cellsByPair[pair]
            ?? MigrationCell(fromTier: from, toTier: to, annualisedPremium: Money(minorUnits: 0, currency: currency))
        cell.customers += 1
        if annualisedPremium.currency == currency { cell.annualisedPremium.minorUnits += annualisedPremium.minorUnits }
        if cell.exampleCustomerCodes.count < examplesPerCell { cell.exampleCustomerCodes.append(customerCode) }
        cellsByPair[pair] = cell
        customers += 1
        if from != .unspecified && to.number > from.number { upgrades += 1 }
        if from != .unspecified && to.number < from.number { downgrades += 1 }
    }

    /// Every non-empty cell, diagonal included: by tier now, highest first (not scored now last), then by
    /// candidate tier, highest first.
    public var cells: [MigrationCell] {
        func order(_ tier: CustomerTier) -> Int { tier == .unspecified ? -1 : tier.number }
        return cellsByPair.values.sorted {
            (order($0.fromTier), order($0.toTier)) > (order($1.fromTier), order($1.toTier))
        }
    }
}
