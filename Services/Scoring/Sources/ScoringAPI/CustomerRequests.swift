public import Models

/// `GetScoreCard` request: a customer's score card (metrics, RFM, CLV, risk, loyalty, tier, layer), optionally
/// explained.
public struct GetScoreCardRequest: Codable, Sendable, Hashable {
    /// A customer code; aliases from merges are followed.
    public var customerCode: String
    public var includeExplanation: Bool

    public init(customerCode: String = "", includeExplanation: Bool = false) {
        self.customerCode = customerCode
        self.includeExplanation = includeExplanation
    }
}

/// `GetScoreCard` response.
public struct GetScoreCardResponse: Codable, Sendable, Hashable {
    public var scoreCard: ScoreCard

    public init(scoreCard: ScoreCard = .init()) {
        self.scoreCard = scoreCard
    }
}

/// `RescoreCustomer` request: re-scores one customer now.
public struct RescoreCustomerRequest: Codable, Sendable, Hashable {
    public var customerCode: String

    public init(customerCode: String = "") {
        self.customerCode = customerCode
    }
}

/// `RescoreCustomer` response.
public struct RescoreCustomerResponse: Codable, Sendable, Hashable {
    public var scoreCard: ScoreCard
    /// The tier changed as a result.
    public var tierChanged: Bool

    public init(scoreCard: ScoreCard = .init(), tierChanged: Bool = false) {
        self.scoreCard = scoreCard
        self.tierChanged = tierChanged
    }
}

/// `ListCustomers` request: scored customers filtered by tier, layer, risk grade, potential, VIP; paged.
///
/// Each filter, empty or nil, means any.
public struct ListCustomersRequest: Codable, Sendable, Hashable {
    public var page: PageRequest
    public var tiers: [CustomerTier]
    public var layers: [PyramidLayer]
    public var riskGrades: [RiskGrade]
    /// Only customers with (true) or without (false) the potential flag.
    public var potential: Bool?
    /// Only customers on (true) or off (false) the VIP list.
    public var vip: Bool?
    /// Holds an in-force policy of one of these lines.
    public var productLines: [ProductLine]
    public var minValueScore: Double?
    /// UNSPECIFIED: highest value score first.
    public var order: CustomerOrder

    public init(page: PageRequest = .init(), tiers: [CustomerTier] = [], layers: [PyramidLayer] = [],
                riskGrades: [RiskGrade] = [], potential: Bool? = nil, vip: Bool? = nil,
                productLines: [ProductLine] = [], minValueScore: Double? = nil, order: CustomerOrder = .unspecified) {
        self.page = page
        self.tiers = tiers
        self.layers = layers
        self.riskGrades = riskGrades
        self.potential = potential
        self.vip = vip
        self.productLines = productLines
        self.minValueScore = minValueScore
        self.order = order
    }
}

/// `ListCustomers` response.
public struct ListCustomersResponse: Codable, Sendable, Hashable {
    public var customers: [CustomerValue]
    public var page: PageResponse

    public init(customers: [CustomerValue] = [], page: PageResponse = .init()) {
        self.customers = customers
        self.page = page
    }
}

/// `ListVipCustomers` request: the VIP customers (continuous tenure of five years or more).
public struct ListVipCustomersRequest: Codable, Sendable, Hashable {
    public var page: PageRequest
    /// Only customers who entered the list on or after this day; nil for all.
    public var enteredSince: CalendarDate?

    public init(page: PageRequest = .init(), enteredSince: CalendarDate? = nil) {
        self.page = page
        self.enteredSince = enteredSince
    }
}

/// One customer on the VIP list.
public struct VipEntry: Codable, Sendable, Hashable {
    public var customerCode: String
    public var vipSince: CalendarDate?
    public var continuousTenureMonths: Int32
    public var tier: CustomerTier
    public var annualisedPremium: Money

    public init(customerCode: String = "", vipSince: CalendarDate? = nil, continuousTenureMonths: Int32 = 0,
                tier: CustomerTier = .unspecified, annualisedPremium: Money = Money(minorUnits: 0, currency: "")) {
        self.customerCode = customerCode
        self.vipSince = vipSince
        self.continuousTenureMonths = continuousTenureMonths
        self.tier = tier
        self.annualisedPremium = annualisedPremium
    }
}

/// `ListVipCustomers` response.
public struct ListVipCustomersResponse: Codable, Sendable, Hashable {
    /// Longest continuous tenure first.
    public var customers: [VipEntry]
    public var page: PageResponse

    public init(customers: [VipEntry] = [], page: PageResponse = .init()) {
        self.customers = customers
        self.page = page
    }
}
