import Models
import RPC
import ServiceAPI
import WireCodec

/// The test service `clm.test.v1.Test`, built from messages the protos already have.
///
/// `ListEventsRequest.after` is the value to echo back as `ListEventsResponse.headPosition`, and
/// `ListEventsRequest.waitMillis` how long the handler sleeps first.
enum TestAPI {
    static let service = "clm.test.v1.Test"
    /// Echoes `after` after sleeping `waitMillis`; open to every caller.
    static let echo = RPCMethod<ListEventsRequest, ListEventsResponse>(service: service, name: "Echo", idempotent: true)
    /// Answers with the replica's name; idempotent.
    static let whoami = RPCMethod<HealthCheckRequest, HealthCheckResponse>(
        service: service, name: "Whoami", idempotent: true)
    /// The same answer as `whoami`, but not idempotent: the client must not retry it once sent.
    static let record = RPCMethod<HealthCheckRequest, HealthCheckResponse>(
        service: service, name: "Record", idempotent: false)
    /// Echo for callers holding `operator`.
    static let guarded = RPCMethod<ListEventsRequest, ListEventsResponse>(
        service: service, name: "Guarded", idempotent: true)
}

/// What the handlers of one test server saw.
struct Observed: Sendable {
    /// Calls that reached a handler, by method name (`Echo`, `Whoami`, ...).
    var calls: [String: Int] = [:]
    /// Echo calls running now.
    var running = 0
    /// Echo calls whose sleep was cut short by cancellation.
    var cancelled = 0
    /// The context of the last call to reach a handler.
    var lastContext: ServerContext?

    func count(_ name: String) -> Int { calls[name, default: 0] }
}

/// A router serving `TestAPI` as replica `replica`, recording into `observed`.
func testRouter(replica: String = "r1", observed: Shared<Observed> = Shared(Observed())) -> RPCRouter {
    var router = RPCRouter()
    let seen = { @Sendable (name: String, context: ServerContext) in
        observed.update {
            $0.calls[name, default: 0] += 1
            $0.lastContext = context
        }
    }
    router.register(TestAPI.echo, roles: []) { request, context in
        seen("Echo", context)
        observed.update { $0.running += 1 }
        defer { observed.update { $0.running -= 1 } }
        if request.waitMillis > 0 {
            do {
                try await Task.sleep(for: .milliseconds(Int(request.waitMillis)))
            } catch {
                observed.update { $0.cancelled += 1 }
                throw error
            }
        }
        return ListEventsResponse(events: [], headPosition: request.after)
    }
    let whoami = { @Sendable (name: String, context: ServerContext) -> HealthCheckResponse in
        seen(name, context)
        return HealthCheckResponse(status: .serving, service: "test", replica: replica, version: "1",
                                   uptimeSeconds: 0, schemaVersion: 0, problems: [])
    }
    router.register(TestAPI.whoami, roles: []) { _, context in whoami("Whoami", context) }
    router.register(TestAPI.record, roles: []) { _, context in whoami("Record", context) }
    router.register(TestAPI.guarded, roles: [.operator_]) { request, context in
        seen("Guarded", context)
        return ListEventsResponse(events: [], headPosition: request.after)
    }
    return router
}
