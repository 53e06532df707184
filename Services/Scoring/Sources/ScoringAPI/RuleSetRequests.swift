public import Models

/// `GetRuleSetTemplate` request: the template rule set for a product line.
public struct GetRuleSetTemplateRequest: Codable, Sendable, Hashable {
    /// LIFE, HEALTH, AUTO or PROPERTY; other lines answer NOT_FOUND.
    public var productLine: ProductLine

    public init(productLine: ProductLine = .unspecified) {
        self.productLine = productLine
    }
}

/// `GetRuleSetTemplate` response.
public struct GetRuleSetTemplateResponse: Codable, Sendable, Hashable {
    /// A complete, valid starting point (`ruleSetId` and `version` empty).
    public var ruleSet: RuleSet

    public init(ruleSet: RuleSet = .init()) {
        self.ruleSet = ruleSet
    }
}

/// `SaveRuleSet` request: saves a rule set as a new draft version.
public struct SaveRuleSetRequest: Codable, Sendable, Hashable {
    /// Saved as a new DRAFT version of its `ruleSetId` (`version` and `status` are ignored).
    public var ruleSet: RuleSet
    public var operatorId: String
    public var comment: String

    public init(ruleSet: RuleSet = .init(), operatorId: String = "", comment: String = "") {
        self.ruleSet = ruleSet
        self.operatorId = operatorId
        self.comment = comment
    }
}

/// `SaveRuleSet` response.
public struct SaveRuleSetResponse: Codable, Sendable, Hashable {
    public var ruleSet: RuleSet
    /// The validation result, for information: a draft may be saved with problems.
    public var problems: [RuleProblem]

    public init(ruleSet: RuleSet = .init(), problems: [RuleProblem] = []) {
        self.ruleSet = ruleSet
        self.problems = problems
    }
}

/// `GetRuleSet` request: one rule set version, or the active one.
public struct GetRuleSetRequest: Codable, Sendable, Hashable {
    /// Empty `ruleSetId`: the active rule set.
    public var ref: RuleSetRef

    public init(ref: RuleSetRef = .init()) {
        self.ref = ref
    }
}

/// `GetRuleSet` response.
public struct GetRuleSetResponse: Codable, Sendable, Hashable {
    public var ruleSet: RuleSet

    public init(ruleSet: RuleSet = .init()) {
        self.ruleSet = ruleSet
    }
}

/// `ListRuleSets` request: rule set versions.
public struct ListRuleSetsRequest: Codable, Sendable, Hashable {
    public var page: PageRequest
    /// Versions of one rule set only; empty for all.
    public var ruleSetId: String
    /// UNSPECIFIED: any status.
    public var status: RuleSetStatus

    public init(page: PageRequest = .init(), ruleSetId: String = "", status: RuleSetStatus = .unspecified) {
        self.page = page
        self.ruleSetId = ruleSetId
        self.status = status
    }
}

/// `ListRuleSets` response.
public struct ListRuleSetsResponse: Codable, Sendable, Hashable {
    /// Newest first. Summaries: ids, versions, status, description, who and when; the rules themselves are left
    /// out (`GetRuleSet` has them).
    public var ruleSets: [RuleSet]
    public var page: PageResponse

    public init(ruleSets: [RuleSet] = [], page: PageResponse = .init()) {
        self.ruleSets = ruleSets
        self.page = page
    }
}

/// `ValidateRuleSet` request: checks a rule set for overlaps, contradictions, gaps, unreachable tiers, weights.
///
/// The candidate is a stored version or a rule set not saved yet: set one of the two (the proto's
/// `oneof candidate`).
public struct ValidateRuleSetRequest: Codable, Sendable, Hashable {
    public var stored: RuleSetRef?
    public var ruleSet: RuleSet?

    public init(stored: RuleSetRef? = nil, ruleSet: RuleSet? = nil) {
        self.stored = stored
        self.ruleSet = ruleSet
    }
}

/// `ValidateRuleSet` response.
public struct ValidateRuleSetResponse: Codable, Sendable, Hashable {
    /// No ERROR problems: the rule set may be activated.
    public var valid: Bool
    public var problems: [RuleProblem]

    public init(valid: Bool = false, problems: [RuleProblem] = []) {
        self.valid = valid
        self.problems = problems
    }
}

/// `ActivateRuleSet` request: makes a valid rule set version the active one and starts a full rescore.
public struct ActivateRuleSetRequest: Codable, Sendable, Hashable {
    public var ref: RuleSetRef
    public var operatorId: String
    public var reason: String
    /// False: start a full rescore at once. True: leave it to the next scheduled rescore.
    public var deferRescore: Bool

    public init(ref: RuleSetRef = .init(), operatorId: String = "", reason: String = "", deferRescore: Bool = false) {
        self.ref = ref
        self.operatorId = operatorId
        self.reason = reason
        self.deferRescore = deferRescore
    }
}

/// `ActivateRuleSet` response.
public struct ActivateRuleSetResponse: Codable, Sendable, Hashable {
    public var ruleSet: RuleSet
    /// The rescore started; nil when deferred.
    public var rescore: Job?

    public init(ruleSet: RuleSet = .init(), rescore: Job? = nil) {
        self.ruleSet = ruleSet
        self.rescore = rescore
    }
}
