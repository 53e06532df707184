public import Models
public import RPC

/// The methods every service serves besides its own: health, method listing, and its event feed.
public enum CommonAPI {
    /// `clm.rpc.v1.Health`: whether this replica can serve. Open to every caller.
    public static let healthService = "clm.rpc.v1.Health"
    /// `clm.rpc.v1.Reflection`: the methods served, with roles and whether each is built. Open to every caller.
    public static let reflectionService = "clm.rpc.v1.Reflection"
    /// `clm.common.v1.EventFeed`: the service's domain events, in commit order.
    public static let feedService = "clm.common.v1.EventFeed"

    public static let check = RPCMethod<HealthCheckRequest, HealthCheckResponse>(
        service: healthService, name: "Check", idempotent: true)
    public static let listMethods = RPCMethod<ListMethodsRequest, ListMethodsResponse>(
        service: reflectionService, name: "ListMethods", idempotent: true)
    public static let listEvents = RPCMethod<ListEventsRequest, ListEventsResponse>(
        service: feedService, name: "ListEvents", idempotent: true)

    /// The proto services every service serves, by full name.
    public static let sharedServices = [healthService, reflectionService, feedService]

    /// Roles that may read a service's feed: the service downstream, and people who audit or replay it.
    public static let feedReaders: Set<Role> = [.service, .analyst]
}
