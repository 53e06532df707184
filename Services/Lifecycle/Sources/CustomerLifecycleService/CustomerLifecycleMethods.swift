import Models

/// The methods of `clm.lifecycle.v1` as this release serves them.
enum CustomerLifecycleMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods lifecycle` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [
        "GetCustomerStage": lifecycleReason,
        "ListStageHistory": lifecycleReason,
        "ListCustomersByStage": lifecycleReason,
        "GetStageSummary": lifecycleReason,
        "RequestStageOverride": lifecycleReason,
        "ApproveStageOverride": lifecycleReason,
        "RejectStageOverride": lifecycleReason,
        "CancelStageOverride": lifecycleReason,
        "ListStageOverrides": lifecycleReason,
        "ListAlerts": lifecycleReason,
        "AcknowledgeAlerts": lifecycleReason,
        "StartBookReview": lifecycleReason,
        "GetBookReviewStatus": lifecycleReason,
        "GetTransitionSettings": lifecycleReason,
    ]

    /// Roles for the methods whose roles differ from the default for their verb (readers may look, operators change).
    static let roles: [String: Set<Role>] = [
        "RequestStageOverride": [.risk, .business],
        "ApproveStageOverride": [.risk, .business],
        "RejectStageOverride": [.risk, .business],
        "CancelStageOverride": [.risk, .business],
    ]

    private static let lifecycleReason = "customer lifecycle stages, transitions, overrides and alerts (客户生命周期管理) is built by the lifecycle issue"
}
