import IdentityAPI
import Models

// Fully populated values: every field set to a value other than its default, every optional present.

extension AttributeLineage {
    static let sample = AttributeLineage(attribute: "attribute#0 张三 Zoë 🙂", source: SourceRef.sample,
        rule: "rule#0 张三 Zoë 🙂", sourceUpdatedAt: CommonSamples.timestamp)
}

extension GoldenRecord {
    static let sample = GoldenRecord(details: PartyDetails.sample, checks: [FieldCheck.sample, FieldCheck.sample],
        lineage: [AttributeLineage.sample, AttributeLineage.sample])
}

extension Customer {
    static let sample = Customer(customerCode: "customer_code#0 张三 Zoë 🙂", status: .erased,
        survivorCode: "survivor_code#0 张三 Zoë 🙂", golden: GoldenRecord.sample,
        aliases: ["aliases#0 张三 Zoë 🙂", "aliases#1 张三 Zoë 🙂"], sourceRecordCount: -61000183,
        createdAt: CommonSamples.timestamp, updatedAt: CommonSamples.timestamp)
}

extension CustomerProfile {
    static let sample = CustomerProfile(kind: .organisation, birthYear: -21000063, sex: .female,
        occupationClass: -41000123, declaredHabits: [.smoking, .heavyDrinking], province: "province#0 张三 Zoë 🙂",
        city: "city#0 张三 Zoë 🙂", employerCustomerCode: "employer_customer_code#0 张三 Zoë 🙂")
}

extension SourceRecordView {
    static let sample = SourceRecordView(record: PartyRecord.sample, normalised: PartyDetails.sample,
        checks: [FieldCheck.sample, FieldCheck.sample], linkedBy: "linked_by#0 张三 Zoë 🙂", linkWeight: -51.375,
        linkedAt: CommonSamples.timestamp)
}

extension PolicyView {
    static let sample = PolicyView(policy: PolicyRecord.sample, customerRoles: [.beneficiary, .policyholder],
        annualisedPremium: CommonSamples.money,
        otherParties: [PolicyPartyCustomer.sample, PolicyPartyCustomer.sample])
}

extension PolicyPartyCustomer {
    static let sample = PolicyPartyCustomer(customerCode: "customer_code#0 张三 Zoë 🙂", role: .beneficiary,
        relationToPolicyholder: .parent)
}

extension Relationship {
    static let sample = Relationship(fromCode: "from_code#0 张三 Zoë 🙂", type: .parentOf, toCode: "to_code#0 张三 Zoë 🙂",
        evidence: "evidence#0 张三 Zoë 🙂", since: CommonSamples.timestamp)
}

extension AuditEntry {
    static let sample = AuditEntry(operationId: "operation_id#0 张三 Zoë 🙂", type: .reviewDecided,
        occurredAt: CommonSamples.timestamp, operatorId: "operator_id#0 张三 Zoë 🙂", caller: "caller#0 张三 Zoë 🙂",
        reason: "reason#0 张三 Zoë 🙂", customerCodes: ["customer_codes#0 张三 Zoë 🙂", "customer_codes#1 张三 Zoë 🙂"],
        records: [SourceRef.sample, SourceRef.sample], detail: "detail#0 张三 Zoë 🙂", undoneBy: "undone_by#0 张三 Zoë 🙂")
}

extension ReviewItem {
    static let sample = ReviewItem(reviewId: "review_id#0 张三 Zoë 🙂", status: .decidedNoLink, record: SourceRef.sample,
        candidate: MatchCandidate.sample, createdAt: CommonSamples.timestamp, decidedBy: "decided_by#0 张三 Zoë 🙂",
        decidedAt: CommonSamples.timestamp, reason: "reason#0 张三 Zoë 🙂")
}

extension StartBulkResolutionRequest {
    static let sample = StartBulkResolutionRequest(estimateParameters: true, operatorId: "operator_id#0 张三 Zoë 🙂")
}

extension StartBulkResolutionResponse {
    static let sample = StartBulkResolutionResponse(job: CommonSamples.job)
}

extension GetBulkResolutionRequest {
    static let sample = GetBulkResolutionRequest(jobId: "job_id#0 张三 Zoë 🙂")
}

extension GetBulkResolutionResponse {
    static let sample = GetBulkResolutionResponse(job: CommonSamples.job)
}

extension ResolvePartyRequest {
    static let sample = ResolvePartyRequest(query: PartyRecord.sample, maxCandidates: -21000063)
}

extension ResolvePartyResponse {
    static let sample = ResolvePartyResponse(outcome: .clericalReview, customerCode: "customer_code#0 张三 Zoë 🙂",
        candidates: [MatchCandidate.sample, MatchCandidate.sample], normalisedQuery: PartyDetails.sample,
        checks: [FieldCheck.sample, FieldCheck.sample], thresholds: MatchThresholds.sample, personalDataMasked: true)
}

extension ResolveAndStorePartyRequest {
    static let sample = ResolveAndStorePartyRequest(record: PartyRecord.sample)
}

extension ResolveAndStorePartyResponse {
    static let sample = ResolveAndStorePartyResponse(result: RecordResult.sample, outcome: .noLink,
        candidates: [MatchCandidate.sample, MatchCandidate.sample], thresholds: MatchThresholds.sample,
        personalDataMasked: true)
}
