public import Models
public import ScoringAPI

/// Everything the dry run answers besides validation: the migration matrix, the changes of potential flag,
/// layer and VIP, and the tier distribution under the candidate. Customers stream through `add`.
public struct DryRunSummary: Sendable, Hashable {
    public private(set) var matrix: MigrationMatrix
    /// Among customers scored now: flag set under the candidate only, and the other way round.
    public private(set) var potentialGained: Int64 = 0
    public private(set) var potentialLost: Int64 = 0
    /// Among customers scored now: layer differs under the candidate.
    public private(set) var layerChanges: Int64 = 0
    /// VIP under the candidate but not now (customers not scored now included), and the other way round.
    public private(set) var vipEntering: Int64 = 0
    public private(set) var vipLeaving: Int64 = 0
    private var after: [CustomerTier: TierCount] = [:]
    private var scoreSums: [CustomerTier: Double] = [:]
    private var premiumTotal: Int64 = 0

    /// - Parameters:
    ///   - examplesPerCell: the request's `examples_per_cell`.
    ///   - currency: the book's currency.
    public init(examplesPerCell: Int32 = 0, currency: String = "CNY") {
        matrix = MigrationMatrix(examplesPerCell: examplesPerCell, currency: currency)
    }

    /// Counts one customer.
    /// - Parameters:
    ///   - before: the customer's value under the active rule set; nil when not scored now.
    ///   - after: under the candidate.
    public mutating func add(before: CustomerValue?, after candidate: CustomerValue) {
        matrix.add(customerCode: candidate.customerCode, from: before?.tier ?? .unspecified, to: candidate.tier,
                   annualisedPremium: candidate.annualisedPremium)
        if let before {
            if !before.potential && candidate.potential { potentialGained += 1 }
            if before.potential && !candidate.potential { potentialLost += 1 }
            if before.layer != candidate.layer { layerChanges += 1 }
            if before.vip && !candidate.vip { vipLeaving += 1 }
        }
        if candidate.vip && !(before?.vip ?? false) { vipEntering += 1 }
        let amount = candidate.annualisedPremium
        let premium = amount.currency == matrix.currency ? amount.minorUnits : 0
        var count = after[candidate.tier]
            ?? TierCount(tier: candidate.tier, annualisedPremium: Money(minorUnits: 0, currency: matrix.currency))
        count.customers += 1
        if candidate.potential { count.potentialCustomers += 1 }
        count.annualisedPremium.minorUnits += premium
        after[candidate.tier] = count
        scoreSums[candidate.tier, default: 0] += candidate.valueScore
        premiumTotal += premium
    }

    /// The distribution under the candidate, highest tier first (customers without a tier last): shares of all
    /// customers and of all premium, and the average value score.
    public var tiersAfter: [TierCount] {
        let customers = Double(matrix.customers)
        func order(_ tier: CustomerTier) -> Int { tier == .unspecified ? -1 : tier.number }
        return after.values.sorted { order($0.tier) > order($1.tier) }
            .map { count in
                var count = count
                count.customerShare = Double(count.customers) / customers
                count.premiumShare = premiumTotal > 0
                    ? Double(count.annualisedPremium.minorUnits) / Double(premiumTotal) : 0
                count.averageValueScore = scoreSums[count.tier, default: 0] / Double(count.customers)
                return count
            }
    }

    /// The response, with the validation problems and the rule set compared with.
    public func response(problems: [RuleProblem], active: RuleSetRef) -> DryRunRuleSetResponse {
        DryRunRuleSetResponse(
            problems: problems, active: active, matrix: matrix.cells, customersScored: matrix.customers,
            upgrades: matrix.upgrades, downgrades: matrix.downgrades, potentialGained: potentialGained,
            potentialLost: potentialLost, layerChanges: layerChanges, vipEntering: vipEntering,
            vipLeaving: vipLeaving, tiersAfter: tiersAfter)
    }
}
