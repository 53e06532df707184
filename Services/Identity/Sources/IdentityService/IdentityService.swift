import Models
public import ServiceRuntime

/// The identity service: the unified customer view (统一客户视图): ingest, matching, customers, golden records, 360 view.
public enum IdentityService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .identity, migrations: IdentityMigrations.all, notYetBuilt: IdentityMethods.notYetBuilt,
        roles: IdentityMethods.roles)
}
