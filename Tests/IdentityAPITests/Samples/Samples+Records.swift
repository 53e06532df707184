import IdentityAPI
import Models

// Fully populated values: every field set to a value other than its default, every optional present.

extension SourceRef {
    static let sample = SourceRef(sourceSystem: "source_system#0 张三 Zoë 🙂", sourceKey: "source_key#0 张三 Zoë 🙂")
}

extension PartyDetails {
    static let sample = PartyDetails(kind: .organisation, fullName: "full_name#0 张三 Zoë 🙂",
        givenName: "given_name#0 张三 Zoë 🙂", familyName: "family_name#0 张三 Zoë 🙂", documentType: .militaryId,
        documentNumber: "document_number#0 张三 Zoë 🙂", nationalId: "national_id#0 张三 Zoë 🙂",
        birthDate: CommonSamples.date, sex: .female, phones: ["phones#0 张三 Zoë 🙂", "phones#1 张三 Zoë 🙂"],
        email: "email#0 张三 Zoë 🙂", addressLines: ["address_lines#0 张三 Zoë 🙂", "address_lines#1 张三 Zoë 🙂"],
        streetNumber: "street_number#0 张三 Zoë 🙂", city: "city#0 张三 Zoë 🙂", province: "province#0 张三 Zoë 🙂",
        postcode: "postcode#0 张三 Zoë 🙂", country: "country#0 张三 Zoë 🙂", occupation: "occupation#0 张三 Zoë 🙂",
        occupationClass: -191000573, declaredHabits: [.smoking, .heavyDrinking],
        unifiedSocialCreditCode: "unified_social_credit_code#0 张三 Zoë 🙂", employerName: "employer_name#0 张三 Zoë 🙂",
        employer: SourceRef.sample, otherAttributes: [CommonSamples.keyValue, CommonSamples.keyValue])
}

extension PartyRecord {
    static let sample = PartyRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, details: PartyDetails.sample)
}

extension PolicyParty {
    static let sample = PolicyParty(party: SourceRef.sample, role: .beneficiary, relationToPolicyholder: .parent,
        benefitShare: -41.375)
}

extension PolicyRecord {
    static let sample = PolicyRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, productLine: .auto, productCode: "product_code#0 张三 Zoë 🙂",
        productName: "product_name#0 张三 Zoë 🙂", parties: [PolicyParty.sample, PolicyParty.sample],
        premium: CommonSamples.money, paymentMode: .monthly, premiumTermYears: -101000303,
        sumInsured: CommonSamples.money, applicationDate: CommonSamples.date, issueDate: CommonSamples.date,
        effectiveDate: CommonSamples.date, endDate: CommonSamples.date, status: .terminated,
        statusDate: CommonSamples.date, renewalOf: "renewal_of#0 张三 Zoë 🙂", groupPolicy: true,
        agentCode: "agent_code#0 张三 Zoë 🙂", branchCode: "branch_code#0 张三 Zoë 🙂",
        salesChannel: "sales_channel#0 张三 Zoë 🙂")
}

extension PaymentRecord {
    static let sample = PaymentRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, policyNumber: "policy_number#0 张三 Zoë 🙂", payer: SourceRef.sample,
        instalment: -61000183, dueDate: CommonSamples.date, paidDate: CommonSamples.date, amount: CommonSamples.money,
        status: .due)
}

extension ClaimRecord {
    static let sample = ClaimRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, policyNumber: "policy_number#0 张三 Zoë 🙂", claimant: SourceRef.sample,
        incidentDate: CommonSamples.date, reportedDate: CommonSamples.date, closedDate: CommonSamples.date,
        claimedAmount: CommonSamples.money, paidAmount: CommonSamples.money, status: .withdrawn, fraudFlag: true,
        cause: "cause#0 张三 Zoë 🙂")
}

extension ServicingRecord {
    static let sample = ServicingRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, policyNumber: "policy_number#0 张三 Zoë 🙂",
        requestedBy: SourceRef.sample, type: .contactChange, status: .withdrawn, requestedDate: CommonSamples.date,
        closedDate: CommonSamples.date, amount: CommonSamples.money, description: "description#0 张三 Zoë 🙂")
}

extension ServiceUsageRecord {
    static let sample = ServiceUsageRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, party: SourceRef.sample, policyNumber: "policy_number#0 张三 Zoë 🙂",
        serviceCode: "service_code#0 张三 Zoë 🙂", serviceName: "service_name#0 张三 Zoë 🙂", usedOn: CommonSamples.date)
}

extension InteractionRecord {
    static let sample = InteractionRecord(ref: SourceRef.sample, sourceVersion: -84000000147,
        sourceUpdatedAt: CommonSamples.timestamp, party: SourceRef.sample, type: .branchVisit, channel: .branch,
        occurredAt: CommonSamples.timestamp, topic: "topic#0 张三 Zoë 🙂", campaignCode: "campaign_code#0 张三 Zoë 🙂",
        referredParty: SourceRef.sample, resolved: true)
}

extension RecordResult {
    static let sample = RecordResult(index: -11000033, ref: SourceRef.sample, outcome: .stale,
        reason: "reason#0 张三 Zoë 🙂", checks: [FieldCheck.sample, FieldCheck.sample],
        customerCode: "customer_code#0 张三 Zoë 🙂", pendingParties: [SourceRef.sample, SourceRef.sample],
        sentToReview: true)
}

extension BatchSummary {
    static let sample = BatchSummary(created: -11000033, updated: -21000063, unchanged: -31000093, stale: -41000123,
        rejected: -51000153)
}

extension IngestPartiesRequest {
    static let sample = IngestPartiesRequest(records: [PartyRecord.sample, PartyRecord.sample], deferResolution: true)
}

extension IngestPartiesResponse {
    static let sample = IngestPartiesResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestPoliciesRequest {
    static let sample = IngestPoliciesRequest(records: [PolicyRecord.sample, PolicyRecord.sample])
}

extension IngestPoliciesResponse {
    static let sample = IngestPoliciesResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestPaymentsRequest {
    static let sample = IngestPaymentsRequest(records: [PaymentRecord.sample, PaymentRecord.sample])
}

extension IngestPaymentsResponse {
    static let sample = IngestPaymentsResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestClaimsRequest {
    static let sample = IngestClaimsRequest(records: [ClaimRecord.sample, ClaimRecord.sample])
}

extension IngestClaimsResponse {
    static let sample = IngestClaimsResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestServicingRequest {
    static let sample = IngestServicingRequest(records: [ServicingRecord.sample, ServicingRecord.sample])
}

extension IngestServicingResponse {
    static let sample = IngestServicingResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestServiceUsageRequest {
    static let sample = IngestServiceUsageRequest(records: [ServiceUsageRecord.sample, ServiceUsageRecord.sample])
}

extension IngestServiceUsageResponse {
    static let sample = IngestServiceUsageResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension IngestInteractionsRequest {
    static let sample = IngestInteractionsRequest(records: [InteractionRecord.sample, InteractionRecord.sample])
}

extension IngestInteractionsResponse {
    static let sample = IngestInteractionsResponse(results: [RecordResult.sample, RecordResult.sample],
        summary: BatchSummary.sample)
}

extension FieldCheck {
    static let sample = FieldCheck(field: "field#0 张三 Zoë 🙂", validity: .empty, note: "note#0 张三 Zoë 🙂")
}

extension FieldComparison {
    static let sample = FieldComparison(field: "field#0 张三 Zoë 🙂", level: "level#0 张三 Zoë 🙂", weight: -31.375,
        mProbability: -41.375, uProbability: -51.375, termFrequencyAdjusted: true, queryValue: "query_value#0 张三 Zoë 🙂",
        candidateValue: "candidate_value#0 张三 Zoë 🙂")
}

extension MatchCandidate {
    static let sample = MatchCandidate(customerCode: "customer_code#0 张三 Zoë 🙂", bestRecord: SourceRef.sample,
        totalWeight: -31.375, matchProbability: -41.375, outcome: .noLink,
        comparisons: [FieldComparison.sample, FieldComparison.sample],
        guardRails: ["guard_rails#0 张三 Zoë 🙂", "guard_rails#1 张三 Zoë 🙂"])
}

extension MatchThresholds {
    static let sample = MatchThresholds(linkWeight: -11.375, reviewWeight: -21.375,
        parametersVersion: "parameters_version#0 张三 Zoë 🙂")
}
