public import Models

/// One use of a value-added service (增值服务), from identity's `ServiceUsageLinked`.
public struct ServiceUsageFact: Sendable, Hashable, Codable {
    public var usageKey: String
    /// Empty when no policy is named.
    public var policyKey: String
    /// The insurer's code for the service; usage depth counts distinct codes.
    public var serviceCode: String
    /// "health check-up", "roadside assistance"...; stands in for the code when the code is empty.
    public var serviceName: String
    public var usedOn: CalendarDate?
    public var sourceVersion: Int64

    public init(usageKey: String, policyKey: String = "", serviceCode: String, serviceName: String = "",
                usedOn: CalendarDate?, sourceVersion: Int64 = 1) {
        self.usageKey = usageKey
        self.policyKey = policyKey
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.usedOn = usedOn
        self.sourceVersion = sourceVersion
    }

    /// What makes two uses the same service: the code, else the name.
    public var serviceIdentity: String { serviceCode.isEmpty ? serviceName : serviceCode }
}
