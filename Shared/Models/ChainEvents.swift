/// Something that happened to a customer's business, condensed from identity's business-record events.
public struct CustomerActivity: Codable, Sendable, Hashable {
    public var customerCode: String
    public var kind: ActivityKind
    /// Stable key of this activity, built by scoring from identity's record keys.
    public var activityKey: String
    /// The day it happened (for PREMIUM_DUE: the due date).
    public var occurredOn: CalendarDate?
    /// Empty when the activity concerns no policy.
    public var policyKey: String
    public var productLine: ProductLine
    /// Premium, claim amount, surrender value, ... as the kind implies; absent when none.
    public var amount: Money?
    /// Channel of an interaction, complaint or campaign response; UNSPECIFIED otherwise.
    public var channel: ContactChannel
    /// Code of the agent or account manager serving the policy (服务人员); empty if unknown.
    public var agentCode: String
    /// A claim the source system flags as suspected fraud.
    public var fraudFlag: Bool
    /// Short non-personal detail from the source, e.g. a complaint category or service name.
    public var detail: String

    public init(customerCode: String = "", kind: ActivityKind = .unspecified, activityKey: String = "",
                occurredOn: CalendarDate? = nil, policyKey: String = "", productLine: ProductLine = .unspecified,
                amount: Money? = nil, channel: ContactChannel = .unspecified, agentCode: String = "",
                fraudFlag: Bool = false, detail: String = "") {
        self.customerCode = customerCode
        self.kind = kind
        self.activityKey = activityKey
        self.occurredOn = occurredOn
        self.policyKey = policyKey
        self.productLine = productLine
        self.amount = amount
        self.channel = channel
        self.agentCode = agentCode
        self.fraudFlag = fraudFlag
        self.detail = detail
    }
}

/// Customer codes changed in identity (merge, split, undo, erasure); relayed down the chain.
public struct CustomerCodesChanged: Codable, Sendable, Hashable {
    public var kind: CodeChangeKind
    /// The customer that stays: merge survivor, split origin, erased customer.
    public var customerCode: String
    /// The other code involved; see CodeChangeKind.
    public var otherCustomerCode: String
    /// Identity's operation id (audit trail), for tracing.
    public var operationId: String
    public var occurredAt: Timestamp

    public init(kind: CodeChangeKind = .unspecified, customerCode: String = "", otherCustomerCode: String = "",
                operationId: String = "", occurredAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.kind = kind
        self.customerCode = customerCode
        self.otherCustomerCode = otherCustomerCode
        self.operationId = operationId
        self.occurredAt = occurredAt
    }
}

/// Scoring's verdict on one customer, as the services downstream need it.
public struct CustomerValue: Codable, Sendable, Hashable {
    public var customerCode: String
    /// Weighted value score, 0–100.
    public var valueScore: Double
    public var tier: CustomerTier
    /// Potential flag (潜力客户): low today, signs of much more value.
    public var potential: Bool
    public var layer: PyramidLayer
    public var riskGrade: RiskGrade
    /// Loyalty score, 0–100.
    public var loyaltyScore: Double
    /// On the VIP list (continuous tenure of five years or more).
    public var vip: Bool
    /// Sum of the customer's in-force policies' premiums, each converted to a year.
    public var annualisedPremium: Money
    /// Customer lifetime value: discounted expected margin.
    public var clv: Money
    /// Rule set that produced the verdict, e.g. "book-default" version 3.
    public var ruleSetId: String
    public var ruleSetVersion: Int32
    public var scoredAt: Timestamp

    public init(customerCode: String = "", valueScore: Double = 0, tier: CustomerTier = .unspecified,
                potential: Bool = false, layer: PyramidLayer = .unspecified, riskGrade: RiskGrade = .unspecified,
                loyaltyScore: Double = 0, vip: Bool = false,
                annualisedPremium: Money = Money(minorUnits: 0, currency: ""),
                clv: Money = Money(minorUnits: 0, currency: ""), ruleSetId: String = "", ruleSetVersion: Int32 = 0,
                scoredAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.customerCode = customerCode
        self.valueScore = valueScore
        self.tier = tier
        self.potential = potential
        self.layer = layer
        self.riskGrade = riskGrade
        self.loyaltyScore = loyaltyScore
        self.vip = vip
        self.annualisedPremium = annualisedPremium
        self.clv = clv
        self.ruleSetId = ruleSetId
        self.ruleSetVersion = ruleSetVersion
        self.scoredAt = scoredAt
    }
}

/// Relayed by lifecycle from scoring's ScoreChanged, so that retention knows tiers and values.
public struct CustomerValueChanged: Codable, Sendable, Hashable {
    public var value: CustomerValue

    public init(value: CustomerValue = .init()) {
        self.value = value
    }
}
