/// A per-customer quantity rules can weigh or test.
///
/// Money metrics (`annualisedPremium`, `clv`, `claimSeverity`) take `Threshold.amount`; the others take
/// `Threshold.number`.
public enum Metric: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "METRIC_UNSPECIFIED"
    /// Money: in-force premiums converted to a year.
    case annualisedPremium = "METRIC_ANNUALISED_PREMIUM"
    /// Annualised premium over the average of the customer's segment; ≥ 0, 1 = average.
    case premiumContribution = "METRIC_PREMIUM_CONTRIBUTION"
    /// Renewals taken over renewals due in the look-back, 0–1.
    case renewalRate = "METRIC_RENEWAL_RATE"
    /// Claims paid over premium earned in the look-back, ≥ 0 (may exceed 1).
    case claimsRatio = "METRIC_CLAIMS_RATIO"
    /// Months since the first policy took effect.
    case tenureMonths = "METRIC_TENURE_MONTHS"
    /// Months of cover without a gap, up to today.
    case continuousTenureMonths = "METRIC_CONTINUOUS_TENURE_MONTHS"
    /// Policies in force (cross-holding, 交叉持有).
    case policyCount = "METRIC_POLICY_COUNT"
    /// Distinct product lines among policies in force.
    case productLineCount = "METRIC_PRODUCT_LINE_COUNT"
    /// Distinct value-added services used in the look-back.
    case serviceUsageDepth = "METRIC_SERVICE_USAGE_DEPTH"
    /// Referrals made in the look-back.
    case referralCount = "METRIC_REFERRAL_COUNT"
    /// Distinct channels the customer used in the look-back.
    case engagementChannels = "METRIC_ENGAGEMENT_CHANNELS"
    /// RFM band of the renewal interval, 1–5 (5 best).
    case rfmRenewalBand = "METRIC_RFM_RENEWAL_BAND"
    /// RFM band of the policies held, 1–5 (5 best).
    case rfmPoliciesBand = "METRIC_RFM_POLICIES_BAND"
    /// RFM band of the service usage depth, 1–5 (5 best).
    case rfmServiceBand = "METRIC_RFM_SERVICE_BAND"
    /// Money: customer lifetime value.
    case clv = "METRIC_CLV"
    /// Risk score, 0–100, higher is riskier.
    case riskScore = "METRIC_RISK_SCORE"
    /// Loyalty score, 0–100.
    case loyaltyScore = "METRIC_LOYALTY_SCORE"
    /// Value score, 0–100: for tier, layer and potential conditions, never a value component.
    case valueScore = "METRIC_VALUE_SCORE"
    /// Claims per policy-year in the look-back, ≥ 0.
    case claimFrequency = "METRIC_CLAIM_FREQUENCY"
    /// Money: average paid amount per claim in the look-back.
    case claimSeverity = "METRIC_CLAIM_SEVERITY"
    /// Claims flagged as suspected fraud, ever.
    case fraudFlags = "METRIC_FRAUD_FLAGS"
    /// Occupation class 1–6 (0 unknown).
    case occupationClass = "METRIC_OCCUPATION_CLASS"
    /// Number of declared hazardous habits.
    case declaredHabits = "METRIC_DECLARED_HABITS"
    /// The tier, as its `CustomerTier` number (for layer conditions).
    case tier = "METRIC_TIER"
    /// Months since the customer's last interaction of any kind.
    case monthsSinceInteraction = "METRIC_MONTHS_SINCE_INTERACTION"
}

/// How a condition compares a metric with its threshold: "metric comparison threshold".
public enum Comparison: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "COMPARISON_UNSPECIFIED"
    case lessThan = "COMPARISON_LESS_THAN"
    case atMost = "COMPARISON_AT_MOST"
    case equal = "COMPARISON_EQUAL"
    case atLeast = "COMPARISON_AT_LEAST"
    case greaterThan = "COMPARISON_GREATER_THAN"
    case notEqual = "COMPARISON_NOT_EQUAL"

    /// The comparison as people write it: `<`, `≤`, `=`, `≥`, `>`, `≠` (`?` when unspecified).
    public var symbol: String {
        switch self {
        case .lessThan: "<"
        case .atMost: "≤"
        case .equal: "="
        case .atLeast: "≥"
        case .greaterThan: ">"
        case .notEqual: "≠"
        case .unspecified: "?"
        }
    }
}

/// How a metric's raw value becomes 0–1 before it is weighted.
public enum NormalisationMethod: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "NORMALISATION_METHOD_UNSPECIFIED"
    /// Linear between floor (→ 0) and cap (→ 1), clipped.
    case linear = "NORMALISATION_METHOD_LINEAR"
    /// Percentile rank of the value in the whole book, 0–1.
    case percentile = "NORMALISATION_METHOD_PERCENTILE"
    /// Position among the band edges: below the first → 0, at or above the last → 1, evenly between.
    case bands = "NORMALISATION_METHOD_BANDS"
    /// Logarithmic between floor and cap, for long-tailed amounts such as premium.
    case log = "NORMALISATION_METHOD_LOG"
}

/// Where a rule set version stands. Exactly one version is active for the whole book at a time.
public enum RuleSetStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "RULE_SET_STATUS_UNSPECIFIED"
    /// Saved, never active: can be validated, dry-run and activated.
    case draft = "RULE_SET_STATUS_DRAFT"
    /// The one rule set scoring uses now.
    case active = "RULE_SET_STATUS_ACTIVE"
    /// Was active once; replaced by another.
    case retired = "RULE_SET_STATUS_RETIRED"
}

/// A dimension the book is cut by to compare a customer's premium with their peers'.
public enum SegmentDimension: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "SEGMENT_DIMENSION_UNSPECIFIED"
    case productLine = "SEGMENT_DIMENSION_PRODUCT_LINE"
    case province = "SEGMENT_DIMENSION_PROVINCE"
    /// Ten-year age bands.
    case ageBand = "SEGMENT_DIMENSION_AGE_BAND"
    /// Individual or organisation.
    case partyKind = "SEGMENT_DIMENSION_PARTY_KIND"
}

/// What is wrong with a rule set.
public enum RuleProblemKind: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "RULE_PROBLEM_KIND_UNSPECIFIED"
    /// Two tiers' conditions both hold for some customers.
    case overlap = "RULE_PROBLEM_KIND_OVERLAP"
    /// One rule's conditions can never hold together (e.g. score ≥ 80 and score < 60).
    case contradiction = "RULE_PROBLEM_KIND_CONTRADICTION"
    /// Some customers would satisfy no tier's conditions.
    case gap = "RULE_PROBLEM_KIND_GAP"
    /// A tier no customer can reach.
    case unreachableTier = "RULE_PROBLEM_KIND_UNREACHABLE_TIER"
    /// A scorecard's component weights do not add up to 1.
    case weightsNotOne = "RULE_PROBLEM_KIND_WEIGHTS_NOT_ONE"
    /// A threshold of the wrong kind (money for a ratio...), out of the metric's range, or floor not below cap.
    case invalidThreshold = "RULE_PROBLEM_KIND_INVALID_THRESHOLD"
    /// An assumption out of range (negative discount rate, lapse rate above 1...).
    case invalidAssumption = "RULE_PROBLEM_KIND_INVALID_ASSUMPTION"
    /// Anything else, described in the problem's message.
    case other = "RULE_PROBLEM_KIND_OTHER"
}

/// Whether a rule problem stops the rule set from going live.
public enum ProblemSeverity: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PROBLEM_SEVERITY_UNSPECIFIED"
    /// Blocks activation.
    case error = "PROBLEM_SEVERITY_ERROR"
    /// Reported, does not block.
    case warning = "PROBLEM_SEVERITY_WARNING"
}

/// What made scoring re-score a customer.
public enum ScoreTrigger: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "SCORE_TRIGGER_UNSPECIFIED"
    /// New facts from identity's feed.
    case event = "SCORE_TRIGGER_EVENT"
    /// A full rescore asked for with `StartRescoreAll`.
    case rescoreAll = "SCORE_TRIGGER_RESCORE_ALL"
    /// The scheduled full rescore (time passes: tenure grows, policies expire).
    case schedule = "SCORE_TRIGGER_SCHEDULE"
    /// The rescore that follows activating a rule set.
    case ruleSetActivated = "SCORE_TRIGGER_RULE_SET_ACTIVATED"
    /// `RescoreCustomer`.
    case single = "SCORE_TRIGGER_SINGLE"
    /// A merge, split or undo in identity.
    case codeChange = "SCORE_TRIGGER_CODE_CHANGE"
}

/// The order `ListCustomers` answers in.
public enum CustomerOrder: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CUSTOMER_ORDER_UNSPECIFIED"
    /// Highest value score first (the default).
    case valueScoreDesc = "CUSTOMER_ORDER_VALUE_SCORE_DESC"
    case clvDesc = "CUSTOMER_ORDER_CLV_DESC"
    case annualisedPremiumDesc = "CUSTOMER_ORDER_ANNUALISED_PREMIUM_DESC"
    case riskScoreDesc = "CUSTOMER_ORDER_RISK_SCORE_DESC"
    case customerCode = "CUSTOMER_ORDER_CUSTOMER_CODE"
}
