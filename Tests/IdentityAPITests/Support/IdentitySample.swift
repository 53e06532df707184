import IdentityAPI
import Models
import NIOCore
import Testing
import WireCodec

/// One identity type with a fully populated value and its default, type-erased so that a table of them can drive
/// a test.
struct IdentitySample: Sendable, CustomTestStringConvertible {
    let protoName: String
    /// Encodes the populated value, decodes it, and compares; likewise through `record(of:)` and `pack`.
    let checkRoundTrip: @Sendable () throws -> Void
    /// Decodes no bytes at all and compares with the default value.
    let checkEmptyDecodesToDefault: @Sendable () throws -> Void
    /// `WireCodec.record(of:)` of the populated value.
    let record: @Sendable () throws -> WireRecord

    var testDescription: String { protoName }

    /// `value` sets every field; `empty` is what `init()` gives.
    static func of<M: WireMessage & Equatable>(_ value: M, empty: M) -> IdentitySample {
        IdentitySample(
            protoName: M.protoName,
            checkRoundTrip: {
                let encoded = try WireCodec.encode(value)
                #expect(try WireCodec.decode(M.self, from: encoded) == value)
                // The Swift-type path and the record path are two codecs over one schema: the same bytes.
                var packed = ByteBuffer()
                try WireCodec.pack(try WireCodec.record(of: value), into: &packed)
                #expect(packed == encoded)
            },
            checkEmptyDecodesToDefault: {
                let decoded = try WireCodec.decode(M.self, from: ByteBuffer())
                #expect(decoded == empty)
            },
            record: { try WireCodec.record(of: value) })
    }

    /// What an absent page decodes to: `PageResponse()` says -1 ("cannot tell"), which the wire carries only when set.
    static let zeroPage = PageResponse(nextPageToken: "", totalCount: 0)

    static let all: [IdentitySample] = [
        .of(SourceRef.sample, empty: .init()),
        .of(PartyDetails.sample, empty: .init()),
        .of(PartyRecord.sample, empty: .init()),
        .of(PolicyParty.sample, empty: .init()),
        .of(PolicyRecord.sample, empty: .init()),
        .of(PaymentRecord.sample, empty: .init()),
        .of(ClaimRecord.sample, empty: .init()),
        .of(ServicingRecord.sample, empty: .init()),
        .of(ServiceUsageRecord.sample, empty: .init()),
        .of(InteractionRecord.sample, empty: .init()),
        .of(RecordResult.sample, empty: .init()),
        .of(BatchSummary.sample, empty: .init()),
        .of(FieldCheck.sample, empty: .init()),
        .of(FieldComparison.sample, empty: .init()),
        .of(MatchCandidate.sample, empty: .init()),
        .of(MatchThresholds.sample, empty: .init()),
        .of(AttributeLineage.sample, empty: .init()),
        .of(GoldenRecord.sample, empty: .init()),
        .of(Customer.sample, empty: .init()),
        .of(CustomerProfile.sample, empty: .init()),
        .of(SourceRecordView.sample, empty: .init()),
        .of(PolicyView.sample, empty: .init()),
        .of(PolicyPartyCustomer.sample, empty: .init()),
        .of(Relationship.sample, empty: .init()),
        .of(AuditEntry.sample, empty: .init()),
        .of(ReviewItem.sample, empty: .init()),
        .of(IngestPartiesRequest.sample, empty: .init()),
        .of(IngestPartiesResponse.sample, empty: .init()),
        .of(IngestPoliciesRequest.sample, empty: .init()),
        .of(IngestPoliciesResponse.sample, empty: .init()),
        .of(IngestPaymentsRequest.sample, empty: .init()),
        .of(IngestPaymentsResponse.sample, empty: .init()),
        .of(IngestClaimsRequest.sample, empty: .init()),
        .of(IngestClaimsResponse.sample, empty: .init()),
        .of(IngestServicingRequest.sample, empty: .init()),
        .of(IngestServicingResponse.sample, empty: .init()),
        .of(IngestServiceUsageRequest.sample, empty: .init()),
        .of(IngestServiceUsageResponse.sample, empty: .init()),
        .of(IngestInteractionsRequest.sample, empty: .init()),
        .of(IngestInteractionsResponse.sample, empty: .init()),
        .of(StartBulkResolutionRequest.sample, empty: .init()),
        .of(StartBulkResolutionResponse.sample, empty: .init()),
        .of(GetBulkResolutionRequest.sample, empty: .init()),
        .of(GetBulkResolutionResponse.sample, empty: .init()),
        .of(ResolvePartyRequest.sample, empty: .init()),
        .of(ResolvePartyResponse.sample, empty: .init()),
        .of(ResolveAndStorePartyRequest.sample, empty: .init()),
        .of(ResolveAndStorePartyResponse.sample, empty: .init()),
        .of(GetCustomerRequest.sample, empty: .init()),
        .of(GetCustomerResponse.sample, empty: .init()),
        .of(GetCustomer360Request.sample, empty: .init()),
        .of(GetCustomer360Response.sample, empty: .init()),
        .of(FindCustomerBySourceKeyRequest.sample, empty: .init()),
        .of(FindCustomerBySourceKeyResponse.sample, empty: .init()),
        .of(ListReviewItemsRequest.sample, empty: .init()),
        .of(ListReviewItemsResponse.sample, empty: .init(page: zeroPage)),
        .of(DecideReviewItemRequest.sample, empty: .init()),
        .of(DecideReviewItemResponse.sample, empty: .init()),
        .of(MergeCustomersRequest.sample, empty: .init()),
        .of(MergeCustomersResponse.sample, empty: .init()),
        .of(SplitCustomerRequest.sample, empty: .init()),
        .of(SplitCustomerResponse.sample, empty: .init()),
        .of(UndoOperationRequest.sample, empty: .init()),
        .of(UndoOperationResponse.sample, empty: .init()),
        .of(ListAuditTrailRequest.sample, empty: .init()),
        .of(ListAuditTrailResponse.sample, empty: .init(page: zeroPage)),
        .of(ListRelationshipsRequest.sample, empty: .init()),
        .of(ListRelationshipsResponse.sample, empty: .init(page: zeroPage)),
        .of(ExportCrossReferenceRequest.sample, empty: .init()),
        .of(CrossReferenceRow.sample, empty: .init()),
        .of(ExportCrossReferenceResponse.sample, empty: .init(page: zeroPage)),
        .of(GetStatisticsRequest.sample, empty: .init()),
        .of(SourceSystemCount.sample, empty: .init()),
        .of(GetStatisticsResponse.sample, empty: .init()),
        .of(EraseCustomerRequest.sample, empty: .init()),
        .of(EraseCustomerResponse.sample, empty: .init()),
        .of(CustomerCreated.sample, empty: .init()),
        .of(CustomerUpdated.sample, empty: .init()),
        .of(CustomersMerged.sample, empty: .init()),
        .of(CustomerSplit.sample, empty: .init()),
        .of(OperationUndone.sample, empty: .init()),
        .of(CustomerErased.sample, empty: .init()),
        .of(PolicyRole.sample, empty: .init()),
        .of(PolicyLinked.sample, empty: .init()),
        .of(PaymentLinked.sample, empty: .init()),
        .of(ClaimLinked.sample, empty: .init()),
        .of(ServicingLinked.sample, empty: .init()),
        .of(ServiceUsageLinked.sample, empty: .init()),
        .of(InteractionLinked.sample, empty: .init()),
    ]
}

/// One Swift enum of a proto enum, type-erased: the proto enum's full name and the Swift cases in order.
struct IdentityEnumSample: Sendable, CustomTestStringConvertible {
    let protoName: String
    /// Each case's Swift name and raw value.
    let cases: [(name: String, rawValue: String)]

    var testDescription: String { protoName }

    static func of<E: CaseIterable & RawRepresentable>(_ type: E.Type, _ protoName: String) -> IdentityEnumSample
    where E.RawValue == String {
        IdentityEnumSample(protoName: protoName, cases: E.allCases.map { ("\($0)", $0.rawValue) })
    }

    static let all: [IdentityEnumSample] = [
        .of(PartyKind.self, "clm.identity.v1.PartyKind"),
        .of(DocumentType.self, "clm.identity.v1.DocumentType"),
        .of(Sex.self, "clm.identity.v1.Sex"),
        .of(DeclaredHabit.self, "clm.identity.v1.DeclaredHabit"),
        .of(FieldValidity.self, "clm.identity.v1.FieldValidity"),
        .of(PartyRole.self, "clm.identity.v1.PartyRole"),
        .of(PolicyholderRelation.self, "clm.identity.v1.PolicyholderRelation"),
        .of(PaymentMode.self, "clm.identity.v1.PaymentMode"),
        .of(PolicyStatus.self, "clm.identity.v1.PolicyStatus"),
        .of(PaymentStatus.self, "clm.identity.v1.PaymentStatus"),
        .of(ClaimStatus.self, "clm.identity.v1.ClaimStatus"),
        .of(ServicingType.self, "clm.identity.v1.ServicingType"),
        .of(ServicingStatus.self, "clm.identity.v1.ServicingStatus"),
        .of(InteractionType.self, "clm.identity.v1.InteractionType"),
        .of(MatchOutcome.self, "clm.identity.v1.MatchOutcome"),
        .of(RecordOutcome.self, "clm.identity.v1.RecordOutcome"),
        .of(ReviewStatus.self, "clm.identity.v1.ReviewStatus"),
        .of(ReviewDecision.self, "clm.identity.v1.ReviewDecision"),
        .of(CustomerStatus.self, "clm.identity.v1.CustomerStatus"),
        .of(OperationType.self, "clm.identity.v1.OperationType"),
        .of(RelationshipType.self, "clm.identity.v1.RelationshipType"),
    ]
}
