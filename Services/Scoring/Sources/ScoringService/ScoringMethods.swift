import Models
import ServiceRuntime

/// The methods of `clm.scoring.v1` as this release serves them.
enum ScoringMethods {
    /// Methods of the proto that this release does not build yet; each answers UNIMPLEMENTED with this reason, and
    /// `clm methods scoring` marks it. This is the one list that says what is missing: it can only shrink, and the
    /// contract tests fail if it names a method the proto does not have or leaves one out.
    static let notYetBuilt: [String: String] = [:]

    /// Roles for the methods whose roles differ from the default for their verb (readers may look, operators change).
    static let roles: [String: Set<Role>] = [
        "ActivateRuleSet": [.operator_, .risk],
        // Computes and stores one card from facts already held: services downstream may ask for it too.
        "RescoreCustomer": [.operator_, .service],
    ]

    /// The roles that may call `method`: its override, or the default for its verb.
    static func roles(_ method: String) -> Set<Role> { roles[method] ?? MethodCatalog.defaultRoles(for: method) }
}
