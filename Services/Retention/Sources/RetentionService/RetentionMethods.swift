import Models

/// The methods of `clm.retention.v1` as this release serves them.
enum RetentionMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods retention` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [
        "TrainChurnModel": retentionReason,
        "GetChurnModel": retentionReason,
        "GetChurnRisk": retentionReason,
        "SetContactPreferences": retentionReason,
        "GetContactPreferences": retentionReason,
        "CreateCampaign": retentionReason,
        "UpdateCampaign": retentionReason,
        "GetCampaign": retentionReason,
        "ListCampaigns": retentionReason,
        "PreviewAudience": retentionReason,
        "LaunchCampaign": retentionReason,
        "CancelCampaign": retentionReason,
        "ListTasks": retentionReason,
        "AssignTasks": retentionReason,
        "CompleteTask": retentionReason,
        "GetCampaignReport": retentionReason,
        "ListAtRiskEntrants": retentionReason,
        "ListDormantCustomers": retentionReason,
        "ListPremiumDue": retentionReason,
    ]

    /// Roles for the methods whose roles differ from the default for their verb (readers may look, operators change).
    static let roles: [String: Set<Role>] = [
        "CreateCampaign": [.operator_, .business],
        "UpdateCampaign": [.operator_, .business],
        "LaunchCampaign": [.operator_, .business],
        "CancelCampaign": [.operator_, .business],
    ]

    private static let retentionReason = "churn warning, retention campaigns, contact tasks and ROI (流失预警与挽回) is built by the retention issue"
}
