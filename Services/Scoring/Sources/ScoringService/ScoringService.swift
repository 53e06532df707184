import Models
public import ServiceRuntime

/// The scoring service: customer value, tier, risk, loyalty and CLV (客户价值评估与分层).
public enum ScoringService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .scoring, migrations: ScoringMigrations.all, notYetBuilt: ScoringMethods.notYetBuilt,
        roles: ScoringMethods.roles)
}
