/// rpc.proto `HealthCheckRequest`.
public struct HealthCheckRequest: Codable, Sendable, Hashable {
    public init() {}
}

/// How one replica of a service is (rpc.proto `HealthCheckResponse`).
public struct HealthCheckResponse: Codable, Sendable, Hashable {
    public enum ServingStatus: String, Codable, Sendable {
        case unspecified = "SERVING_STATUS_UNSPECIFIED"
        case serving = "SERVING"
        case notServing = "NOT_SERVING"
    }

    public var status: ServingStatus
    public var service: String
    /// The replica that answered.
    public var replica: String
    public var version: String
    public var uptimeSeconds: Int64
    public var schemaVersion: Int32
    /// One line per dependency that is not well.
    public var problems: [String]

    public init(status: ServingStatus, service: String, replica: String, version: String, uptimeSeconds: Int64,
                schemaVersion: Int32, problems: [String]) {
        self.status = status
        self.service = service
        self.replica = replica
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.schemaVersion = schemaVersion
        self.problems = problems
    }
}

/// rpc.proto `ListMethodsRequest`.
public struct ListMethodsRequest: Codable, Sendable, Hashable {
    public init() {}
}

/// One method a service serves (rpc.proto `MethodInfo`).
public struct MethodInfo: Codable, Sendable, Hashable {
    public var name: String
    public var requestType: String
    public var responseType: String
    /// Roles of which the caller needs one; empty means any caller.
    public var roles: [String]
    /// False while the method answers UNIMPLEMENTED.
    public var implemented: Bool
    public var idempotent: Bool

    public init(name: String, requestType: String, responseType: String, roles: [String], implemented: Bool,
                idempotent: Bool) {
        self.name = name
        self.requestType = requestType
        self.responseType = responseType
        self.roles = roles
        self.implemented = implemented
        self.idempotent = idempotent
    }
}

/// rpc.proto `ListMethodsResponse`.
public struct ListMethodsResponse: Codable, Sendable, Hashable {
    public var service: String
    public var methods: [MethodInfo]

    public init(service: String, methods: [MethodInfo]) {
        self.service = service
        self.methods = methods
    }
}
