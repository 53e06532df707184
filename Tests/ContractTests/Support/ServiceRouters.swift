import CustomerLifecycleService
import EventFeed
import IdentityService
import Logging
import Models
import RPC
import RetentionService
import ScoringService
// `ServiceDependencies` has no public initialiser yet; the memberwise one is internal (see the contract report).
import ServiceRuntime
import Store
import Testing
import WireCodec

/// The definition each service's library exports, by service name.
func definition(of service: ServiceName) -> ServiceDefinition {
    switch service {
    case .identity: IdentityService.definition
    case .scoring: ScoringService.definition
    case .lifecycle: CustomerLifecycleService.definition
    case .retention: RetentionService.definition
    }
}

/// The proto services a service process serves besides its own, read by name from protoc-c's descriptors.
let sharedProtoServices = ["clm.rpc.v1.Health", "clm.rpc.v1.Reflection", "clm.common.v1.EventFeed"]

/// Runs `body` with the router `service` serves, built by `ServiceHost.makeRouter` exactly as the executable builds
/// it, over a pool that points nowhere and is never used (building a router must not touch the database).
func withServedRouter<T>(_ service: ServiceName, _ body: (RPCRouter, ServiceDefinition) async throws -> T)
    async throws -> T
{
    let definition = definition(of: service)
    let logger = Logger(label: "clm.contract", factory: { _ in SwiftLogNoOpLogHandler() })
    let database = PostgresConfiguration(host: "/nonexistent/clm-contract", port: 1, database: "none",
                                         // Scoring needs two (a full rescore reads on one, writes on another).
                                         user: "none", applicationName: "clm-contract", poolSize: 2)
    var settings = ServiceSettings(service: service, layout: SocketLayout(root: "/nonexistent/clm-contract"),
                                   replica: "contract", policy: AccessPolicy(rolesByUID: [:]), database: database)
    // Identity refuses to start without a personal-data key: 32 zero bytes serve a router that never stores.
    settings.environment = ["CLM_PII_KEY": "1:" + String(repeating: "A", count: 43) + "="]
    let pool = PostgresPool(configuration: database, logger: logger)
    let names = FeedNames(schema: service.schema)
    let signal = FeedSignal()
    let dependencies = ServiceDependencies(
        settings: settings, pool: pool, outbox: Outbox(names: names),
        relay: OutboxRelay(pool: pool, names: names, signal: signal, notifications: nil, logger: logger),
        feedReader: FeedReader(pool: pool, signal: signal), logger: logger)
    let router = try ServiceHost.makeRouter(definition, dependencies: dependencies, schemaVersion: 1).router
    do {
        let result = try await body(router, definition)
        await pool.close()
        return result
    } catch {
        await pool.close()
        throw error
    }
}

/// The methods `service` must serve, straight from protoc-c's service descriptors: its own proto service and the
/// shared ones. Fails the test if one of those services is missing from the descriptors.
func protoMethods(of service: ServiceName) throws -> [MethodSchema] {
    try ([service.protoService] + sharedProtoServices).flatMap { name in
        let schema = WireSchema.services.first { $0.name == name }
        return try #require(schema, "protoc-c generated no service descriptor for \(name)").methods
    }
}
