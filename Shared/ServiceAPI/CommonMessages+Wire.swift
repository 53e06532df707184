public import Models
public import WireCodec

// The Swift side of the shared protos (rpc.proto, common.proto): which proto message each Models type is.

extension HealthCheckRequest: WireMessage { public static let protoName = "clm.rpc.v1.HealthCheckRequest" }
extension HealthCheckResponse: WireMessage { public static let protoName = "clm.rpc.v1.HealthCheckResponse" }
extension ListMethodsRequest: WireMessage { public static let protoName = "clm.rpc.v1.ListMethodsRequest" }
extension ListMethodsResponse: WireMessage { public static let protoName = "clm.rpc.v1.ListMethodsResponse" }
extension MethodInfo: WireMessage { public static let protoName = "clm.rpc.v1.MethodInfo" }
extension ListEventsRequest: WireMessage { public static let protoName = "clm.common.v1.ListEventsRequest" }
extension ListEventsResponse: WireMessage { public static let protoName = "clm.common.v1.ListEventsResponse" }
extension FeedEvent: WireMessage { public static let protoName = "clm.common.v1.Event" }
extension Money: WireMessage { public static let protoName = "clm.common.v1.Money" }
extension CalendarDate: WireMessage { public static let protoName = "clm.common.v1.Date" }
extension Timestamp: WireMessage { public static let protoName = "clm.common.v1.Timestamp" }
extension PageRequest: WireMessage { public static let protoName = "clm.common.v1.PageRequest" }
extension PageResponse: WireMessage { public static let protoName = "clm.common.v1.PageResponse" }
extension KeyValue: WireMessage { public static let protoName = "clm.common.v1.KeyValue" }
extension DateRange: WireMessage { public static let protoName = "clm.common.v1.DateRange" }
extension TimeRange: WireMessage { public static let protoName = "clm.common.v1.TimeRange" }
extension Job: WireMessage { public static let protoName = "clm.common.v1.Job" }
extension CustomerActivity: WireMessage { public static let protoName = "clm.common.v1.CustomerActivity" }
extension CustomerCodesChanged: WireMessage { public static let protoName = "clm.common.v1.CustomerCodesChanged" }
extension CustomerValue: WireMessage { public static let protoName = "clm.common.v1.CustomerValue" }
extension CustomerValueChanged: WireMessage { public static let protoName = "clm.common.v1.CustomerValueChanged" }
