import Models
public import ServiceRuntime

/// The lifecycle service: customer lifecycle stages, transitions, overrides and alerts (客户生命周期管理).
public enum CustomerLifecycleService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .lifecycle, migrations: CustomerLifecycleMigrations.all, notYetBuilt: CustomerLifecycleMethods.notYetBuilt,
        roles: CustomerLifecycleMethods.roles)
}
