public import Models

/// `GetTierDistribution` request: customers and premium per tier, and the pyramid.
public struct GetTierDistributionRequest: Codable, Sendable, Hashable {
    /// Only customers holding an in-force policy of this line; UNSPECIFIED for the whole book.
    public var productLine: ProductLine

    public init(productLine: ProductLine = .unspecified) {
        self.productLine = productLine
    }
}

/// The customers of one tier.
public struct TierCount: Codable, Sendable, Hashable {
    public var tier: CustomerTier
    public var customers: Int64
    /// Of which flagged potential.
    public var potentialCustomers: Int64
    public var annualisedPremium: Money
    /// Share of all scored customers, 0–1.
    public var customerShare: Double
    /// Share of all annualised premium, 0–1.
    public var premiumShare: Double
    public var averageValueScore: Double

    public init(tier: CustomerTier = .unspecified, customers: Int64 = 0, potentialCustomers: Int64 = 0,
                annualisedPremium: Money = Money(minorUnits: 0, currency: ""), customerShare: Double = 0,
                premiumShare: Double = 0, averageValueScore: Double = 0) {
        self.tier = tier
        self.customers = customers
        self.potentialCustomers = potentialCustomers
        self.annualisedPremium = annualisedPremium
        self.customerShare = customerShare
        self.premiumShare = premiumShare
        self.averageValueScore = averageValueScore
    }
}

/// The customers of one layer of the pyramid.
public struct LayerCount: Codable, Sendable, Hashable {
    public var layer: PyramidLayer
    public var customers: Int64
    public var annualisedPremium: Money
    /// Share of all scored customers, 0–1.
    public var customerShare: Double
    /// Share of all annualised premium, 0–1.
    public var premiumShare: Double

    public init(layer: PyramidLayer = .unspecified, customers: Int64 = 0,
                annualisedPremium: Money = Money(minorUnits: 0, currency: ""), customerShare: Double = 0,
                premiumShare: Double = 0) {
        self.layer = layer
        self.customers = customers
        self.annualisedPremium = annualisedPremium
        self.customerShare = customerShare
        self.premiumShare = premiumShare
    }
}

/// `GetTierDistribution` response.
public struct GetTierDistributionResponse: Codable, Sendable, Hashable {
    /// Highest tier first.
    public var tiers: [TierCount]
    /// The pyramid, top first.
    public var pyramid: [LayerCount]
    public var scoredCustomers: Int64
    /// Customers with facts not yet scored.
    public var unscoredCustomers: Int64
    public var ruleSet: RuleSetRef
    public var computedAt: Timestamp

    public init(tiers: [TierCount] = [], pyramid: [LayerCount] = [], scoredCustomers: Int64 = 0,
                unscoredCustomers: Int64 = 0, ruleSet: RuleSetRef = .init(),
                computedAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.tiers = tiers
        self.pyramid = pyramid
        self.scoredCustomers = scoredCustomers
        self.unscoredCustomers = unscoredCustomers
        self.ruleSet = ruleSet
        self.computedAt = computedAt
    }
}
