import Models

/// The methods of `clm.identity.v1` as this release serves them.
enum IdentityMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods identity` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [
        "IngestParties": identityReason,
        "IngestPolicies": identityReason,
        "IngestPayments": identityReason,
        "IngestClaims": identityReason,
        "IngestServicing": identityReason,
        "IngestServiceUsage": identityReason,
        "IngestInteractions": identityReason,
        "StartBulkResolution": identityReason,
        "GetBulkResolution": identityReason,
        "ResolveParty": identityReason,
        "ResolveAndStoreParty": identityReason,
        "GetCustomer": identityReason,
        "GetCustomer360": identityReason,
        "FindCustomerBySourceKey": identityReason,
        "ListReviewItems": identityReason,
        "DecideReviewItem": identityReason,
        "MergeCustomers": identityReason,
        "SplitCustomer": identityReason,
        "UndoOperation": identityReason,
        "ListAuditTrail": identityReason,
        "ListRelationships": identityReason,
        "ExportCrossReference": identityReason,
        "GetStatistics": identityReason,
        "EraseCustomer": identityReason,
    ]

    /// Roles for the methods whose roles differ from the default for their verb (readers may look, operators change).
    static let roles: [String: Set<Role>] = [
        "IngestParties": [.operator_, .service],
        "IngestPolicies": [.operator_, .service],
        "IngestPayments": [.operator_, .service],
        "IngestClaims": [.operator_, .service],
        "IngestServicing": [.operator_, .service],
        "IngestServiceUsage": [.operator_, .service],
        "IngestInteractions": [.operator_, .service],
        "EraseCustomer": [.admin],
    ]

    private static let identityReason = "the unified customer view (统一客户视图): ingest, matching, customers, golden records, 360 view is built by the identity-resolution issue"
}
