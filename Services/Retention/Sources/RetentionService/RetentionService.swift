import Models
public import ServiceRuntime

/// The retention service: churn warning, retention campaigns, contact tasks and ROI (流失预警与挽回).
public enum RetentionService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .retention, migrations: RetentionMigrations.all, notYetBuilt: RetentionMethods.notYetBuilt,
        roles: RetentionMethods.roles)
}
