import Models
public import ServiceRuntime

/// The identity service: the unified customer view (统一客户视图): ingest, matching, customers, golden records, 360 view.
public enum IdentityService {
    /// What the shared runtime needs to run the service; the executable passes it to `ServiceHost.main`.
    public static let definition = ServiceDefinition(
        name: .identity, migrations: IdentityMigrations.all, notYetBuilt: IdentityMethods.notYetBuilt,
        roles: IdentityMethods.roles,
        start: { router, dependencies in
            let context = try IdentityContext(dependencies)
            PartyHandlers(context: context).register(in: &router)
            CustomerQueries(context: context).register(in: &router)
            ReviewHandlers(context: context).register(in: &router)
            CustomerOperations(context: context).register(in: &router)
            AuditTrail(context: context).register(in: &router)
            BusinessIngest(context: context).register(in: &router)
            BulkHandlers(context: context).register(in: &router)
            CustomerView(context: context).register(in: &router)
            Erasure(context: context).register(in: &router)
            return []
        })
}
