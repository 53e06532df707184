import IdentityAPI
import Models

// Fully populated values: every field set to a value other than its default, every optional present.

extension GetCustomerRequest {
    static let sample = GetCustomerRequest(customerCode: "customer_code#0 张三 Zoë 🙂")
}

extension GetCustomerResponse {
    static let sample = GetCustomerResponse(customer: Customer.sample, resolvedFromAlias: true,
        personalDataMasked: true)
}

extension GetCustomer360Request {
    static let sample = GetCustomer360Request(customerCode: "customer_code#0 张三 Zoë 🙂", maxItemsPerKind: -21000063)
}

extension GetCustomer360Response {
    static let sample = GetCustomer360Response(customer: Customer.sample,
        sourceRecords: [SourceRecordView.sample, SourceRecordView.sample],
        policies: [PolicyView.sample, PolicyView.sample], payments: [PaymentRecord.sample, PaymentRecord.sample],
        claims: [ClaimRecord.sample, ClaimRecord.sample], servicing: [ServicingRecord.sample, ServicingRecord.sample],
        servicesUsed: [ServiceUsageRecord.sample, ServiceUsageRecord.sample],
        interactions: [InteractionRecord.sample, InteractionRecord.sample],
        relationships: [Relationship.sample, Relationship.sample], truncated: true, personalDataMasked: true)
}

extension FindCustomerBySourceKeyRequest {
    static let sample = FindCustomerBySourceKeyRequest(ref: SourceRef.sample)
}

extension FindCustomerBySourceKeyResponse {
    static let sample = FindCustomerBySourceKeyResponse(customerCode: "customer_code#0 张三 Zoë 🙂", pending: true)
}

extension ListReviewItemsRequest {
    static let sample = ListReviewItemsRequest(page: CommonSamples.pageRequest, status: .decidedNoLink,
        customerCode: "customer_code#0 张三 Zoë 🙂")
}

extension ListReviewItemsResponse {
    static let sample = ListReviewItemsResponse(items: [ReviewItem.sample, ReviewItem.sample],
        page: CommonSamples.pageResponse, personalDataMasked: true)
}

extension DecideReviewItemRequest {
    static let sample = DecideReviewItemRequest(reviewId: "review_id#0 张三 Zoë 🙂", decision: .link,
        operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂")
}

extension DecideReviewItemResponse {
    static let sample = DecideReviewItemResponse(item: ReviewItem.sample, operationId: "operation_id#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂")
}

extension MergeCustomersRequest {
    static let sample = MergeCustomersRequest(survivorCode: "survivor_code#0 张三 Zoë 🙂",
        mergedCode: "merged_code#0 张三 Zoë 🙂", operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂")
}

extension MergeCustomersResponse {
    static let sample = MergeCustomersResponse(operationId: "operation_id#0 张三 Zoë 🙂", survivor: Customer.sample)
}

extension SplitCustomerRequest {
    static let sample = SplitCustomerRequest(customerCode: "customer_code#0 张三 Zoë 🙂",
        records: [SourceRef.sample, SourceRef.sample], operatorId: "operator_id#0 张三 Zoë 🙂",
        reason: "reason#0 张三 Zoë 🙂")
}

extension SplitCustomerResponse {
    static let sample = SplitCustomerResponse(operationId: "operation_id#0 张三 Zoë 🙂",
        newCustomerCode: "new_customer_code#0 张三 Zoë 🙂")
}

extension UndoOperationRequest {
    static let sample = UndoOperationRequest(operationId: "operation_id#0 张三 Zoë 🙂",
        operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂")
}

extension UndoOperationResponse {
    static let sample = UndoOperationResponse(operationId: "operation_id#0 张三 Zoë 🙂",
        customerCodes: ["customer_codes#0 张三 Zoë 🙂", "customer_codes#1 张三 Zoë 🙂"])
}

extension ListAuditTrailRequest {
    static let sample = ListAuditTrailRequest(customerCode: "customer_code#0 张三 Zoë 🙂", page: CommonSamples.pageRequest,
        occurred: CommonSamples.timeRange)
}

extension ListAuditTrailResponse {
    static let sample = ListAuditTrailResponse(entries: [AuditEntry.sample, AuditEntry.sample],
        page: CommonSamples.pageResponse)
}

extension ListRelationshipsRequest {
    static let sample = ListRelationshipsRequest(customerCode: "customer_code#0 张三 Zoë 🙂",
        types: [.parentOf, .policyholderOfInsured], page: CommonSamples.pageRequest)
}

extension ListRelationshipsResponse {
    static let sample = ListRelationshipsResponse(relationships: [Relationship.sample, Relationship.sample],
        page: CommonSamples.pageResponse)
}

extension ExportCrossReferenceRequest {
    static let sample = ExportCrossReferenceRequest(page: CommonSamples.pageRequest,
        sourceSystem: "source_system#0 张三 Zoë 🙂", changedSince: CommonSamples.timestamp)
}

extension CrossReferenceRow {
    static let sample = CrossReferenceRow(sourceSystem: "source_system#0 张三 Zoë 🙂", sourceKey: "source_key#0 张三 Zoë 🙂",
        customerCode: "customer_code#0 张三 Zoë 🙂", changedAt: CommonSamples.timestamp)
}

extension ExportCrossReferenceResponse {
    static let sample = ExportCrossReferenceResponse(rows: [CrossReferenceRow.sample, CrossReferenceRow.sample],
        page: CommonSamples.pageResponse)
}

extension GetStatisticsRequest {
    static let sample = GetStatisticsRequest()
}

extension SourceSystemCount {
    static let sample = SourceSystemCount(sourceSystem: "source_system#0 张三 Zoë 🙂", partyRecords: -84000000147,
        policies: -124000000217, payments: -164000000287, claims: -204000000357, servicing: -244000000427,
        serviceUsage: -284000000497, interactions: -324000000567)
}

extension GetStatisticsResponse {
    static let sample = GetStatisticsResponse(partyRecords: -44000000077, customers: -84000000147,
        individualCustomers: -124000000217, organisationCustomers: -164000000287, links: -204000000357,
        aliases: -244000000427, reviewBacklog: -284000000497, oldestPendingReview: CommonSamples.timestamp,
        unresolvedRecords: -364000000637, recordsPendingParties: -404000000707,
        bySourceSystem: [SourceSystemCount.sample, SourceSystemCount.sample], erasedCustomers: -484000000847)
}

extension EraseCustomerRequest {
    static let sample = EraseCustomerRequest(customerCode: "customer_code#0 张三 Zoë 🙂",
        operatorId: "operator_id#0 张三 Zoë 🙂", reason: "reason#0 张三 Zoë 🙂",
        requestReference: "request_reference#0 张三 Zoë 🙂")
}

extension EraseCustomerResponse {
    static let sample = EraseCustomerResponse(operationId: "operation_id#0 张三 Zoë 🙂")
}
