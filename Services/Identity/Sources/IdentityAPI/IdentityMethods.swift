public import RPC
import WireCodec

/// The methods of `clm.identity.v1.Identity`, and the event types of identity's feed.
///
/// Ingest methods and `resolveAndStoreParty` are idempotent by source version (the same version sent again changes
/// nothing), so the client may retry them; the audited operations (merge, split, undo, review decisions, erasure)
/// and `startBulkResolution` are not.
public enum IdentityAPI {
    /// Full proto name of the service.
    public static let service = "clm.identity.v1.Identity"

    /// Stores party records (idempotent by source version) and resolves them, unless deferred.
    public static let ingestParties = RPCMethod<IngestPartiesRequest, IngestPartiesResponse>(
        service: service, name: "IngestParties", idempotent: true)
    /// Stores policy records and links them to the customers of their parties.
    public static let ingestPolicies = RPCMethod<IngestPoliciesRequest, IngestPoliciesResponse>(
        service: service, name: "IngestPolicies", idempotent: true)
    /// Stores premium payment records.
    public static let ingestPayments = RPCMethod<IngestPaymentsRequest, IngestPaymentsResponse>(
        service: service, name: "IngestPayments", idempotent: true)
    /// Stores claim records.
    public static let ingestClaims = RPCMethod<IngestClaimsRequest, IngestClaimsResponse>(
        service: service, name: "IngestClaims", idempotent: true)
    /// Stores policy-servicing (保全) records.
    public static let ingestServicing = RPCMethod<IngestServicingRequest, IngestServicingResponse>(
        service: service, name: "IngestServicing", idempotent: true)
    /// Stores value-added service usage records.
    public static let ingestServiceUsage = RPCMethod<IngestServiceUsageRequest, IngestServiceUsageResponse>(
        service: service, name: "IngestServiceUsage", idempotent: true)
    /// Stores interaction records (logins, contacts, complaints, referrals, responses).
    public static let ingestInteractions = RPCMethod<IngestInteractionsRequest, IngestInteractionsResponse>(
        service: service, name: "IngestInteractions", idempotent: true)
    /// Starts resolving every deferred party record as one bulk job.
    public static let startBulkResolution = RPCMethod<StartBulkResolutionRequest, StartBulkResolutionResponse>(
        service: service, name: "StartBulkResolution", idempotent: false)
    /// Reports a bulk resolution job's progress.
    public static let getBulkResolution = RPCMethod<GetBulkResolutionRequest, GetBulkResolutionResponse>(
        service: service, name: "GetBulkResolution", idempotent: true)
    /// Resolves a party record against the customers without storing it, with the explanation.
    public static let resolveParty = RPCMethod<ResolvePartyRequest, ResolvePartyResponse>(
        service: service, name: "ResolveParty", idempotent: true)
    /// Resolves one party record and stores it (the incremental path).
    public static let resolveAndStoreParty = RPCMethod<ResolveAndStorePartyRequest, ResolveAndStorePartyResponse>(
        service: service, name: "ResolveAndStoreParty", idempotent: true)
    /// Returns a customer's golden record with lineage and aliases.
    public static let getCustomer = RPCMethod<GetCustomerRequest, GetCustomerResponse>(
        service: service, name: "GetCustomer", idempotent: true)
    /// Returns the 360 view: golden record, source records, business records, relationships.
    public static let getCustomer360 = RPCMethod<GetCustomer360Request, GetCustomer360Response>(
        service: service, name: "GetCustomer360", idempotent: true)
    /// Finds the customer a source record belongs to.
    public static let findCustomerBySourceKey =
        RPCMethod<FindCustomerBySourceKeyRequest, FindCustomerBySourceKeyResponse>(
            service: service, name: "FindCustomerBySourceKey", idempotent: true)
    /// Lists the clerical review queue.
    public static let listReviewItems = RPCMethod<ListReviewItemsRequest, ListReviewItemsResponse>(
        service: service, name: "ListReviewItems", idempotent: true)
    /// Decides a review item (link or no link), audited.
    public static let decideReviewItem = RPCMethod<DecideReviewItemRequest, DecideReviewItemResponse>(
        service: service, name: "DecideReviewItem", idempotent: false)
    /// Merges two customers: the survivor keeps its code, the other becomes its alias; audited.
    public static let mergeCustomers = RPCMethod<MergeCustomersRequest, MergeCustomersResponse>(
        service: service, name: "MergeCustomers", idempotent: false)
    /// Moves some of a customer's records to a new customer code; audited.
    public static let splitCustomer = RPCMethod<SplitCustomerRequest, SplitCustomerResponse>(
        service: service, name: "SplitCustomer", idempotent: false)
    /// Undoes a merge, split or review link by its operation id; audited.
    public static let undoOperation = RPCMethod<UndoOperationRequest, UndoOperationResponse>(
        service: service, name: "UndoOperation", idempotent: false)
    /// Lists a customer's audit trail.
    public static let listAuditTrail = RPCMethod<ListAuditTrailRequest, ListAuditTrailResponse>(
        service: service, name: "ListAuditTrail", idempotent: true)
    /// Lists a customer's relationships: household, policy roles, employer.
    public static let listRelationships = RPCMethod<ListRelationshipsRequest, ListRelationshipsResponse>(
        service: service, name: "ListRelationships", idempotent: true)
    /// Exports the cross-reference (source system, source key → customer code), paged.
    public static let exportCrossReference = RPCMethod<ExportCrossReferenceRequest, ExportCrossReferenceResponse>(
        service: service, name: "ExportCrossReference", idempotent: true)
    /// Returns counts: records, customers, links, review backlog.
    public static let getStatistics = RPCMethod<GetStatisticsRequest, GetStatisticsResponse>(
        service: service, name: "GetStatistics", idempotent: true)
    /// Erases a customer's personal data on request; irreversible, audited.
    public static let eraseCustomer = RPCMethod<EraseCustomerRequest, EraseCustomerResponse>(
        service: service, name: "EraseCustomer", idempotent: false)

    /// Every method above, in the proto's order.
    public static let methods: [MethodSignature] = [
        .init(ingestParties), .init(ingestPolicies), .init(ingestPayments), .init(ingestClaims),
        .init(ingestServicing), .init(ingestServiceUsage), .init(ingestInteractions), .init(startBulkResolution),
        .init(getBulkResolution), .init(resolveParty), .init(resolveAndStoreParty), .init(getCustomer),
        .init(getCustomer360), .init(findCustomerBySourceKey), .init(listReviewItems), .init(decideReviewItem),
        .init(mergeCustomers), .init(splitCustomer), .init(undoOperation), .init(listAuditTrail),
        .init(listRelationships), .init(exportCrossReference), .init(getStatistics), .init(eraseCustomer),
    ]

    /// Full proto names of the payloads identity's feed carries (`FeedEvent.type`), in the proto's order.
    public static let feedEventTypes: [String] = [
        CustomerCreated.protoName, CustomerUpdated.protoName, CustomersMerged.protoName, CustomerSplit.protoName,
        OperationUndone.protoName, CustomerErased.protoName, PolicyLinked.protoName, PaymentLinked.protoName,
        ClaimLinked.protoName, ServicingLinked.protoName, ServiceUsageLinked.protoName, InteractionLinked.protoName,
    ]
}

extension IdentityAPI {
    // A type named like its module hides the module's name: `IdentityAPI.Sex` looks in this enum, not the module.
    // These let code that also imports IdentityMatching or IdentityNormalization, which have types of the same
    // names, write `IdentityAPI.Sex`; `IdentityAPI::Sex` works for every type of the module.

    /// The proto's `DocumentType` (IdentityNormalization has its own).
    public typealias DocumentType = IdentityAPI::DocumentType
    /// The proto's `Sex` (IdentityNormalization has its own).
    public typealias Sex = IdentityAPI::Sex
    /// The proto's `FieldComparison` (IdentityMatching has its own).
    public typealias FieldComparison = IdentityAPI::FieldComparison
    /// The proto's `MatchThresholds` (IdentityMatching has its own).
    public typealias MatchThresholds = IdentityAPI::MatchThresholds
    /// The proto's `MatchOutcome` (IdentityMatching has its own).
    public typealias MatchOutcome = IdentityAPI::MatchOutcome
    /// The proto's `ReviewItem` (IdentityMatching has its own).
    public typealias ReviewItem = IdentityAPI::ReviewItem
}
