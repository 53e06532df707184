public import Models

/// A customer's score card: the verdict, and the metrics, RFM, CLV, risk and loyalty it was reached from.
public struct ScoreCard: Codable, Sendable, Hashable {
    /// Score, tier, potential, layer, risk grade, loyalty, VIP, premium, CLV, rule set.
    public var value: CustomerValue
    public var metrics: CustomerMetrics
    public var rfm: InsuranceRfm
    public var clv: ClvEstimate
    public var risk: RiskAssessment
    public var loyalty: LoyaltyAssessment
    /// Present when asked for.
    public var explanation: ScoreExplanation?
    /// Position in identity's feed of the latest event the facts include.
    public var factsPosition: Int64
    /// The tier before the last tier change; UNSPECIFIED if it never changed.
    public var previousTier: CustomerTier
    /// Since when the customer has held the current tier.
    public var tierSince: Timestamp

    public init(value: CustomerValue = .init(), metrics: CustomerMetrics = .init(), rfm: InsuranceRfm = .init(),
                clv: ClvEstimate = .init(), risk: RiskAssessment = .init(), loyalty: LoyaltyAssessment = .init(),
                explanation: ScoreExplanation? = nil, factsPosition: Int64 = 0,
                previousTier: CustomerTier = .unspecified, tierSince: Timestamp = Timestamp(unixMicros: 0)) {
        self.value = value
        self.metrics = metrics
        self.rfm = rfm
        self.clv = clv
        self.risk = risk
        self.loyalty = loyalty
        self.explanation = explanation
        self.factsPosition = factsPosition
        self.previousTier = previousTier
        self.tierSince = tierSince
    }
}

/// The per-customer quantities the rules weigh and test.
public struct CustomerMetrics: Codable, Sendable, Hashable {
    public var annualisedPremium: Money
    /// Annualised premium over the segment average; ≥ 0, 1 = average.
    public var premiumContribution: Double
    /// The segment compared with, e.g. "product_line=LIFE,province=广东"; empty for the whole book.
    public var segment: String
    public var segmentAveragePremium: Money
    /// 0–1; nil when no renewal fell due in the look-back (0 means none was taken).
    public var renewalRate: Double?
    /// ≥ 0; nil when no premium was earned in the look-back.
    public var claimsRatio: Double?
    public var tenureMonths: Int32
    public var continuousTenureMonths: Int32
    public var firstPolicyDate: CalendarDate?
    public var policyCount: Int32
    public var productLineCount: Int32
    public var productLines: [ProductLine]
    /// Uses of value-added services in the look-back...
    public var serviceUses: Int32
    /// ...and the distinct services among them.
    public var serviceUsageDepth: Int32
    public var referralCount: Int32
    public var interactionCount: Int32
    public var engagementChannels: Int32
    public var channelsUsed: [ContactChannel]
    public var lastInteractionDate: CalendarDate?

    public init(annualisedPremium: Money = Money(minorUnits: 0, currency: ""), premiumContribution: Double = 0,
                segment: String = "", segmentAveragePremium: Money = Money(minorUnits: 0, currency: ""),
                renewalRate: Double? = nil, claimsRatio: Double? = nil, tenureMonths: Int32 = 0,
                continuousTenureMonths: Int32 = 0, firstPolicyDate: CalendarDate? = nil, policyCount: Int32 = 0,
                productLineCount: Int32 = 0, productLines: [ProductLine] = [], serviceUses: Int32 = 0,
                serviceUsageDepth: Int32 = 0, referralCount: Int32 = 0, interactionCount: Int32 = 0,
                engagementChannels: Int32 = 0, channelsUsed: [ContactChannel] = [],
                lastInteractionDate: CalendarDate? = nil) {
        self.annualisedPremium = annualisedPremium
        self.premiumContribution = premiumContribution
        self.segment = segment
        self.segmentAveragePremium = segmentAveragePremium
        self.renewalRate = renewalRate
        self.claimsRatio = claimsRatio
        self.tenureMonths = tenureMonths
        self.continuousTenureMonths = continuousTenureMonths
        self.firstPolicyDate = firstPolicyDate
        self.policyCount = policyCount
        self.productLineCount = productLineCount
        self.productLines = productLines
        self.serviceUses = serviceUses
        self.serviceUsageDepth = serviceUsageDepth
        self.referralCount = referralCount
        self.interactionCount = interactionCount
        self.engagementChannels = engagementChannels
        self.channelsUsed = channelsUsed
        self.lastInteractionDate = lastInteractionDate
    }
}

/// Insurance RFM: R = renewal interval, F = policies held, M = service usage depth; bands 1–5, 5 best.
public struct InsuranceRfm: Codable, Sendable, Hashable {
    /// Days since the last renewal or purchase.
    public var renewalIntervalDays: Int32
    public var renewalBand: Int32
    public var policiesHeld: Int32
    public var policiesBand: Int32
    public var serviceUsageDepth: Int32
    public var serviceBand: Int32
    /// The three bands as digits, e.g. "545".
    public var code: String

    public init(renewalIntervalDays: Int32 = 0, renewalBand: Int32 = 0, policiesHeld: Int32 = 0,
                policiesBand: Int32 = 0, serviceUsageDepth: Int32 = 0, serviceBand: Int32 = 0, code: String = "") {
        self.renewalIntervalDays = renewalIntervalDays
        self.renewalBand = renewalBand
        self.policiesHeld = policiesHeld
        self.policiesBand = policiesBand
        self.serviceUsageDepth = serviceUsageDepth
        self.serviceBand = serviceBand
        self.code = code
    }
}

/// A customer lifetime value and what it was computed from.
public struct ClvEstimate: Codable, Sendable, Hashable {
    public var clv: Money
    /// Undiscounted premium expected over the horizon.
    public var expectedPremium: Money
    /// Probability the customer still holds cover at the horizon, 0–1.
    public var survivalToHorizon: Double
    /// The assumptions used (from the rule set).
    public var assumptions: ClvAssumptions

    public init(clv: Money = Money(minorUnits: 0, currency: ""),
                expectedPremium: Money = Money(minorUnits: 0, currency: ""), survivalToHorizon: Double = 0,
                assumptions: ClvAssumptions = .init()) {
        self.clv = clv
        self.expectedPremium = expectedPremium
        self.survivalToHorizon = survivalToHorizon
        self.assumptions = assumptions
    }
}

/// A customer's risk grade and the facts behind it.
public struct RiskAssessment: Codable, Sendable, Hashable {
    public var grade: RiskGrade
    /// 0–100, higher is riskier.
    public var riskScore: Double
    public var claimCount: Int32
    /// Claims per policy-year in the look-back.
    public var claimFrequency: Double
    /// Average paid per claim in the look-back; nil without claims.
    public var claimSeverity: Money?
    public var claimsPaid: Money
    public var fraudFlags: Int32
    /// 1–6; 0 when unknown.
    public var occupationClass: Int32
    /// Declared habits, by name: "smoking", "hazardous_sports".
    public var declaredHabits: [String]

    public init(grade: RiskGrade = .unspecified, riskScore: Double = 0, claimCount: Int32 = 0,
                claimFrequency: Double = 0, claimSeverity: Money? = nil,
                claimsPaid: Money = Money(minorUnits: 0, currency: ""), fraudFlags: Int32 = 0,
                occupationClass: Int32 = 0, declaredHabits: [String] = []) {
        self.grade = grade
        self.riskScore = riskScore
        self.claimCount = claimCount
        self.claimFrequency = claimFrequency
        self.claimSeverity = claimSeverity
        self.claimsPaid = claimsPaid
        self.fraudFlags = fraudFlags
        self.occupationClass = occupationClass
        self.declaredHabits = declaredHabits
    }
}

/// A customer's loyalty score, VIP standing and the facts behind them.
public struct LoyaltyAssessment: Codable, Sendable, Hashable {
    /// 0–100.
    public var loyaltyScore: Double
    public var continuousTenureMonths: Int32
    public var vip: Bool
    /// The day the customer entered the VIP list; nil when not VIP.
    public var vipSince: CalendarDate?
    public var serviceUsageDepth: Int32
    public var referralCount: Int32
    public var engagementChannels: Int32

    public init(loyaltyScore: Double = 0, continuousTenureMonths: Int32 = 0, vip: Bool = false,
                vipSince: CalendarDate? = nil, serviceUsageDepth: Int32 = 0, referralCount: Int32 = 0,
                engagementChannels: Int32 = 0) {
        self.loyaltyScore = loyaltyScore
        self.continuousTenureMonths = continuousTenureMonths
        self.vip = vip
        self.vipSince = vipSince
        self.serviceUsageDepth = serviceUsageDepth
        self.referralCount = referralCount
        self.engagementChannels = engagementChannels
    }
}
