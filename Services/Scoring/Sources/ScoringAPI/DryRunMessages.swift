public import Models

/// `DryRunRuleSet` request: scores the whole book with a candidate rule set, without keeping anything, and
/// answers the tier migration matrix.
///
/// The candidate is a stored version or a rule set not saved yet: set one of the two (the proto's
/// `oneof candidate`).
public struct DryRunRuleSetRequest: Codable, Sendable, Hashable {
    public var stored: RuleSetRef?
    public var ruleSet: RuleSet?
    /// At most this many example customers per migration cell; 0 means none, the maximum is 100.
    public var examplesPerCell: Int32

    public init(stored: RuleSetRef? = nil, ruleSet: RuleSet? = nil, examplesPerCell: Int32 = 0) {
        self.stored = stored
        self.ruleSet = ruleSet
        self.examplesPerCell = examplesPerCell
    }
}

/// Customers moving from one tier to another (or staying) under the candidate.
public struct MigrationCell: Codable, Sendable, Hashable {
    /// Tier now, under the active rule set; UNSPECIFIED: not scored now.
    public var fromTier: CustomerTier
    /// Tier under the candidate.
    public var toTier: CustomerTier
    public var customers: Int64
    public var annualisedPremium: Money
    public var exampleCustomerCodes: [String]

    public init(fromTier: CustomerTier = .unspecified, toTier: CustomerTier = .unspecified, customers: Int64 = 0,
                annualisedPremium: Money = Money(minorUnits: 0, currency: ""), exampleCustomerCodes: [String] = []) {
        self.fromTier = fromTier
        self.toTier = toTier
        self.customers = customers
        self.annualisedPremium = annualisedPremium
        self.exampleCustomerCodes = exampleCustomerCodes
    }
}

/// `DryRunRuleSet` response.
public struct DryRunRuleSetResponse: Codable, Sendable, Hashable {
    /// Validation first: with ERROR problems, nothing else is filled.
    public var problems: [RuleProblem]
    /// The rule set compared with.
    public var active: RuleSetRef
    /// Every non-empty from × to pair, diagonal included.
    public var matrix: [MigrationCell]
    public var customersScored: Int64
    public var upgrades: Int64
    public var downgrades: Int64
    public var potentialGained: Int64
    public var potentialLost: Int64
    public var layerChanges: Int64
    public var vipEntering: Int64
    public var vipLeaving: Int64
    /// The distribution the candidate would give.
    public var tiersAfter: [TierCount]

    public init(problems: [RuleProblem] = [], active: RuleSetRef = .init(), matrix: [MigrationCell] = [],
                customersScored: Int64 = 0, upgrades: Int64 = 0, downgrades: Int64 = 0, potentialGained: Int64 = 0,
                potentialLost: Int64 = 0, layerChanges: Int64 = 0, vipEntering: Int64 = 0, vipLeaving: Int64 = 0,
                tiersAfter: [TierCount] = []) {
        self.problems = problems
        self.active = active
        self.matrix = matrix
        self.customersScored = customersScored
        self.upgrades = upgrades
        self.downgrades = downgrades
        self.potentialGained = potentialGained
        self.potentialLost = potentialLost
        self.layerChanges = layerChanges
        self.vipEntering = vipEntering
        self.vipLeaving = vipLeaving
        self.tiersAfter = tiersAfter
    }
}
