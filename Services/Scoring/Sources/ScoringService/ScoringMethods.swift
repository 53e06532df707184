import Models

/// The methods of `clm.scoring.v1` as this release serves them.
enum ScoringMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods scoring` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [
        "GetScoreCard": scoringReason,
        "RescoreCustomer": scoringReason,
        "ListCustomers": scoringReason,
        "GetTierDistribution": scoringReason,
        "GetRuleSetTemplate": scoringReason,
        "SaveRuleSet": scoringReason,
        "GetRuleSet": scoringReason,
        "ListRuleSets": scoringReason,
        "ValidateRuleSet": scoringReason,
        "DryRunRuleSet": scoringReason,
        "ActivateRuleSet": scoringReason,
        "ListVipCustomers": scoringReason,
        "StartRescoreAll": scoringReason,
        "GetRescoreStatus": scoringReason,
    ]

    /// Roles for the methods whose roles differ from the default for their verb (readers may look, operators change).
    static let roles: [String: Set<Role>] = [
        "ActivateRuleSet": [.operator_, .risk],
    ]

    private static let scoringReason = "customer value, tier, risk, loyalty and CLV (客户价值评估与分层) is built by the scoring issue"
}
