public import Models

/// Edges that cut each RFM quantity into bands 1–5: four ascending edges each.
public struct RfmBands: Codable, Sendable, Hashable {
    /// R: days since the last renewal or purchase; shorter is better (under the first edge → 5).
    public var renewalIntervalDaysEdges: [Double]
    /// F: policies held; more is better (at or above the last edge → 5).
    public var policiesHeldEdges: [Double]
    /// M: distinct value-added services used; more is better.
    public var serviceDepthEdges: [Double]

    public init(renewalIntervalDaysEdges: [Double] = [], policiesHeldEdges: [Double] = [],
                serviceDepthEdges: [Double] = []) {
        self.renewalIntervalDaysEdges = renewalIntervalDaysEdges
        self.policiesHeldEdges = policiesHeldEdges
        self.serviceDepthEdges = serviceDepthEdges
    }
}

/// How often policies of one product line lapse.
public struct LapseRate: Codable, Sendable, Hashable {
    public var productLine: ProductLine
    /// Annual probability that a policy of the line lapses, 0–1.
    public var annualRate: Double

    public init(productLine: ProductLine = .unspecified, annualRate: Double = 0) {
        self.productLine = productLine
        self.annualRate = annualRate
    }
}

/// The expected margin of one product line, as a share of premium.
public struct MarginRate: Codable, Sendable, Hashable {
    public var productLine: ProductLine
    /// 0–1.
    public var rate: Double

    public init(productLine: ProductLine = .unspecified, rate: Double = 0) {
        self.productLine = productLine
        self.rate = rate
    }
}

/// The assumptions a CLV is computed with.
public struct ClvAssumptions: Codable, Sendable, Hashable {
    /// Mortality table by name, e.g. "CL2013-non-annuity" (中国人身保险业经验生命表 2010-2013).
    public var mortalityTable: String
    /// Annual discount rate, 0–1 (0.03 = 3%).
    public var discountRate: Double
    public var lapseRates: [LapseRate]
    /// Years projected, 1–100.
    public var horizonYears: Int32
    /// Expected margin as a share of premium, per line; lines not listed use `defaultMarginRate`.
    public var marginRates: [MarginRate]
    /// 0–1.
    public var defaultMarginRate: Double

    public init(mortalityTable: String = "", discountRate: Double = 0, lapseRates: [LapseRate] = [],
                horizonYears: Int32 = 0, marginRates: [MarginRate] = [], defaultMarginRate: Double = 0) {
        self.mortalityTable = mortalityTable
        self.discountRate = discountRate
        self.lapseRates = lapseRates
        self.horizonYears = horizonYears
        self.marginRates = marginRates
        self.defaultMarginRate = defaultMarginRate
    }
}

/// Keeps tiers from flapping around a boundary.
public struct Hysteresis: Codable, Sendable, Hashable {
    /// A customer leaves the current tier only when its condition is missed by this many value score points
    /// (0–100); 0 turns the margin off.
    public var scoreMargin: Double
    /// No tier change sooner than this many days after the last one, except on rule-set activation; 0 turns it
    /// off.
    public var minDaysInTier: Int32

    public init(scoreMargin: Double = 0, minDaysInTier: Int32 = 0) {
        self.scoreMargin = scoreMargin
        self.minDaysInTier = minDaysInTier
    }
}

/// Names one version of a rule set.
public struct RuleSetRef: Codable, Sendable, Hashable {
    public var ruleSetId: String
    /// 0 means the latest version.
    public var version: Int32

    public init(ruleSetId: String = "", version: Int32 = 0) {
        self.ruleSetId = ruleSetId
        self.version = version
    }
}

/// One version of the rules scoring computes with: components, tier, flag and layer rules, risk grades, RFM
/// bands, CLV assumptions and hysteresis.
public struct RuleSet: Codable, Sendable, Hashable {
    /// Chosen by whoever creates it, e.g. "book-2025"; versions share it.
    public var ruleSetId: String
    /// Assigned by `SaveRuleSet`, from 1; ignored when saving.
    public var version: Int32
    public var status: RuleSetStatus
    public var description: String
    /// The template it started from; UNSPECIFIED when none.
    public var fromTemplate: ProductLine
    /// Counts and rates (renewal rate, referrals, engagement...) look back this many months; 1–120.
    public var lookbackMonths: Int32
    /// Segment for premium contribution; empty means the whole book.
    public var premiumSegmentBy: [SegmentDimension]
    /// The value score: weighted sum of normalised components × 100.
    public var valueComponents: [WeightedComponent]
    public var tierRules: [TierRule]
    /// Any rule holding sets the potential flag.
    public var potentialRules: [FlagRule]
    public var layerRules: [LayerRule]
    /// The risk score: weighted sum × 100, then graded by `riskGrades`.
    public var riskComponents: [WeightedComponent]
    public var riskGrades: [RiskGradeBand]
    /// The loyalty score: weighted sum × 100.
    public var loyaltyComponents: [WeightedComponent]
    /// Continuous tenure that puts a customer on the VIP list; 60 (five years) by default.
    public var vipMinContinuousTenureMonths: Int32
    public var rfm: RfmBands
    public var clv: ClvAssumptions
    public var hysteresis: Hysteresis
    /// Who saved this version, when, with what comment; `createdAt` is absent until saved (templates, candidates).
    public var createdBy: String
    public var createdAt: Timestamp?
    public var comment: String
    /// Set once activated.
    public var activatedBy: String
    public var activatedAt: Timestamp?
    /// Set once retired.
    public var retiredAt: Timestamp?

    public init(ruleSetId: String = "", version: Int32 = 0, status: RuleSetStatus = .unspecified,
                description: String = "", fromTemplate: ProductLine = .unspecified, lookbackMonths: Int32 = 0,
                premiumSegmentBy: [SegmentDimension] = [], valueComponents: [WeightedComponent] = [],
                tierRules: [TierRule] = [], potentialRules: [FlagRule] = [], layerRules: [LayerRule] = [],
                riskComponents: [WeightedComponent] = [], riskGrades: [RiskGradeBand] = [],
                loyaltyComponents: [WeightedComponent] = [], vipMinContinuousTenureMonths: Int32 = 0,
                rfm: RfmBands = .init(), clv: ClvAssumptions = .init(), hysteresis: Hysteresis = .init(),
                createdBy: String = "", createdAt: Timestamp? = nil, comment: String = "", activatedBy: String = "",
                activatedAt: Timestamp? = nil, retiredAt: Timestamp? = nil) {
        self.ruleSetId = ruleSetId
        self.version = version
        self.status = status
        self.description = description
        self.fromTemplate = fromTemplate
        self.lookbackMonths = lookbackMonths
        self.premiumSegmentBy = premiumSegmentBy
        self.valueComponents = valueComponents
        self.tierRules = tierRules
        self.potentialRules = potentialRules
        self.layerRules = layerRules
        self.riskComponents = riskComponents
        self.riskGrades = riskGrades
        self.loyaltyComponents = loyaltyComponents
        self.vipMinContinuousTenureMonths = vipMinContinuousTenureMonths
        self.rfm = rfm
        self.clv = clv
        self.hysteresis = hysteresis
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.comment = comment
        self.activatedBy = activatedBy
        self.activatedAt = activatedAt
        self.retiredAt = retiredAt
    }
}

/// One conflict or error found in a rule set.
public struct RuleProblem: Codable, Sendable, Hashable {
    public var kind: RuleProblemKind
    public var severity: ProblemSeverity
    /// For a person: what is wrong and where.
    public var message: String
    /// The rules involved: tier, flag or layer rule ids, or "value_components", "risk_components",
    /// "loyalty_components", "clv", "rfm".
    public var ruleIds: [String]
    /// Overlaps and gaps: an example point where it happens, e.g. "value_score=72".
    public var example: String

    public init(kind: RuleProblemKind = .unspecified, severity: ProblemSeverity = .unspecified, message: String = "",
                ruleIds: [String] = [], example: String = "") {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.ruleIds = ruleIds
        self.example = example
    }
}
