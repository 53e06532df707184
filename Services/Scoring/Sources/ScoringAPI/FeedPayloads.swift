public import Models

// The payloads of scoring's own feed events. `FeedEvent.subject` is the customer code, or the rule set id for
// `RuleSetActivated`.

/// A customer's score, tier, layer, risk grade, loyalty, VIP flag, premium or CLV changed.
public struct ScoreChanged: Codable, Sendable, Hashable {
    /// nil on the first score.
    public var previous: CustomerValue?
    public var current: CustomerValue
    public var trigger: ScoreTrigger

    public init(previous: CustomerValue? = nil, current: CustomerValue = .init(),
                trigger: ScoreTrigger = .unspecified) {
        self.previous = previous
        self.current = current
        self.trigger = trigger
    }
}

/// A customer's tier changed (with its layer, potential flag and value score at the time).
public struct TierChanged: Codable, Sendable, Hashable {
    public var customerCode: String
    /// UNSPECIFIED when the customer had no tier before.
    public var fromTier: CustomerTier
    public var toTier: CustomerTier
    public var fromLayer: PyramidLayer
    public var toLayer: PyramidLayer
    public var potential: Bool
    public var previousValueScore: Double
    public var valueScore: Double
    public var trigger: ScoreTrigger
    /// For a person: the rules that fired, e.g. "gold-by-premium no longer holds: annualised premium 8 200 <
    /// 10 000".
    public var reason: String
    public var ruleSet: RuleSetRef

    public init(customerCode: String = "", fromTier: CustomerTier = .unspecified, toTier: CustomerTier = .unspecified,
                fromLayer: PyramidLayer = .unspecified, toLayer: PyramidLayer = .unspecified, potential: Bool = false,
                previousValueScore: Double = 0, valueScore: Double = 0, trigger: ScoreTrigger = .unspecified,
                reason: String = "", ruleSet: RuleSetRef = .init()) {
        self.customerCode = customerCode
        self.fromTier = fromTier
        self.toTier = toTier
        self.fromLayer = fromLayer
        self.toLayer = toLayer
        self.potential = potential
        self.previousValueScore = previousValueScore
        self.valueScore = valueScore
        self.trigger = trigger
        self.reason = reason
        self.ruleSet = ruleSet
    }
}

/// A customer entered the VIP list (continuous tenure reached the rule set's minimum).
public struct VipEntered: Codable, Sendable, Hashable {
    public var customerCode: String
    public var vipSince: CalendarDate?
    public var continuousTenureMonths: Int32

    public init(customerCode: String = "", vipSince: CalendarDate? = nil, continuousTenureMonths: Int32 = 0) {
        self.customerCode = customerCode
        self.vipSince = vipSince
        self.continuousTenureMonths = continuousTenureMonths
    }
}

/// A customer left the VIP list.
public struct VipLeft: Codable, Sendable, Hashable {
    public var customerCode: String
    /// Why: "gap in cover", "all policies ended", "merged".
    public var reason: String
    public var continuousTenureMonths: Int32

    public init(customerCode: String = "", reason: String = "", continuousTenureMonths: Int32 = 0) {
        self.customerCode = customerCode
        self.reason = reason
        self.continuousTenureMonths = continuousTenureMonths
    }
}

/// A rule set version became the active one.
public struct RuleSetActivated: Codable, Sendable, Hashable {
    public var ruleSet: RuleSetRef
    /// The rule set it replaced; an empty `ruleSetId` when none.
    public var previous: RuleSetRef
    public var operatorId: String
    public var reason: String

    public init(ruleSet: RuleSetRef = .init(), previous: RuleSetRef = .init(), operatorId: String = "",
                reason: String = "") {
        self.ruleSet = ruleSet
        self.previous = previous
        self.operatorId = operatorId
        self.reason = reason
    }
}
