import Models
import ServiceRuntime

/// The methods of `clm.identity.v1` as this release serves them.
enum IdentityMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods identity` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [:]

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
        // "Resolve…" reads by default; this one stores.
        "ResolveAndStoreParty": [.operator_, .service],
        // A lookup, though its verb is not one of the default readers'.
        "FindCustomerBySourceKey": [.analyst, .operator_, .service],
    ]

    /// The roles that may call `method`: its override, or the default for its verb.
    static func roles(_ method: String) -> Set<Role> { roles[method] ?? MethodCatalog.defaultRoles(for: method) }
}
