public import Models

/// `GetCustomer` request: returns a customer's golden record with lineage and aliases.
public struct GetCustomerRequest: Codable, Sendable, Hashable {
    /// A customer code or an alias; an alias answers with the survivor.
    public var customerCode: String

    public init(customerCode: String = "") {
        self.customerCode = customerCode
    }
}

/// `GetCustomer` response.
public struct GetCustomerResponse: Codable, Sendable, Hashable {
    public var customer: Customer
    /// The code asked for was an alias of `customer.customerCode`.
    public var resolvedFromAlias: Bool
    public var personalDataMasked: Bool

    public init(customer: Customer = .init(), resolvedFromAlias: Bool = false, personalDataMasked: Bool = false) {
        self.customer = customer
        self.resolvedFromAlias = resolvedFromAlias
        self.personalDataMasked = personalDataMasked
    }
}

/// `GetCustomer360` request: the 360 view (golden record, source and business records, relationships).
public struct GetCustomer360Request: Codable, Sendable, Hashable {
    /// A customer code or an alias.
    public var customerCode: String
    /// At most this many items of each kind (policies, payments, ...), newest first.
    public var maxItemsPerKind: Int32

    public init(customerCode: String = "", maxItemsPerKind: Int32 = 0) {
        self.customerCode = customerCode
        self.maxItemsPerKind = maxItemsPerKind
    }
}

/// `GetCustomer360` response.
public struct GetCustomer360Response: Codable, Sendable, Hashable {
    public var customer: Customer
    public var sourceRecords: [SourceRecordView]
    public var policies: [PolicyView]
    public var payments: [PaymentRecord]
    public var claims: [ClaimRecord]
    public var servicing: [ServicingRecord]
    public var servicesUsed: [ServiceUsageRecord]
    public var interactions: [InteractionRecord]
    public var relationships: [Relationship]
    /// Some kind had more than `maxItemsPerKind` items; the oldest were left out.
    public var truncated: Bool
    public var personalDataMasked: Bool

    public init(customer: Customer = .init(), sourceRecords: [SourceRecordView] = [], policies: [PolicyView] = [],
                payments: [PaymentRecord] = [], claims: [ClaimRecord] = [], servicing: [ServicingRecord] = [],
                servicesUsed: [ServiceUsageRecord] = [], interactions: [InteractionRecord] = [],
                relationships: [Relationship] = [], truncated: Bool = false, personalDataMasked: Bool = false) {
        self.customer = customer
        self.sourceRecords = sourceRecords
        self.policies = policies
        self.payments = payments
        self.claims = claims
        self.servicing = servicing
        self.servicesUsed = servicesUsed
        self.interactions = interactions
        self.relationships = relationships
        self.truncated = truncated
        self.personalDataMasked = personalDataMasked
    }
}

/// `FindCustomerBySourceKey` request: finds the customer a source record belongs to.
public struct FindCustomerBySourceKeyRequest: Codable, Sendable, Hashable {
    /// A party record's ref.
    public var ref: SourceRef

    public init(ref: SourceRef = .init()) {
        self.ref = ref
    }
}

/// `FindCustomerBySourceKey` response.
public struct FindCustomerBySourceKeyResponse: Codable, Sendable, Hashable {
    /// Empty while resolution is deferred.
    public var customerCode: String
    /// The record is stored but not yet resolved to a customer (deferred resolution).
    public var pending: Bool

    public init(customerCode: String = "", pending: Bool = false) {
        self.customerCode = customerCode
        self.pending = pending
    }
}

/// `ListAuditTrail` request: lists a customer's audit trail.
public struct ListAuditTrailRequest: Codable, Sendable, Hashable {
    public var customerCode: String
    public var page: PageRequest
    /// Only entries in this span; absent for all.
    public var occurred: TimeRange?

    public init(customerCode: String = "", page: PageRequest = .init(), occurred: TimeRange? = nil) {
        self.customerCode = customerCode
        self.page = page
        self.occurred = occurred
    }
}

/// `ListAuditTrail` response.
public struct ListAuditTrailResponse: Codable, Sendable, Hashable {
    /// Newest first.
    public var entries: [AuditEntry]
    public var page: PageResponse

    public init(entries: [AuditEntry] = [], page: PageResponse = .init()) {
        self.entries = entries
        self.page = page
    }
}

/// `ListRelationships` request: lists a customer's relationships (household, policy roles, employer).
public struct ListRelationshipsRequest: Codable, Sendable, Hashable {
    public var customerCode: String
    /// Only these types; empty for all.
    public var types: [RelationshipType]
    public var page: PageRequest

    public init(customerCode: String = "", types: [RelationshipType] = [], page: PageRequest = .init()) {
        self.customerCode = customerCode
        self.types = types
        self.page = page
    }
}

/// `ListRelationships` response.
public struct ListRelationshipsResponse: Codable, Sendable, Hashable {
    /// Relationships in which the customer is `fromCode` or `toCode`.
    public var relationships: [Relationship]
    public var page: PageResponse

    public init(relationships: [Relationship] = [], page: PageResponse = .init()) {
        self.relationships = relationships
        self.page = page
    }
}

/// `ExportCrossReference` request: the cross-reference (source system, source key → customer code), paged.
public struct ExportCrossReferenceRequest: Codable, Sendable, Hashable {
    public var page: PageRequest
    /// One source system only; empty for all.
    public var sourceSystem: String
    /// Only rows whose link changed at or after this instant; absent for all.
    public var changedSince: Timestamp?

    public init(page: PageRequest = .init(), sourceSystem: String = "", changedSince: Timestamp? = nil) {
        self.page = page
        self.sourceSystem = sourceSystem
        self.changedSince = changedSince
    }
}

/// One row of the cross-reference.
public struct CrossReferenceRow: Codable, Sendable, Hashable {
    public var sourceSystem: String
    public var sourceKey: String
    /// Empty while resolution is deferred.
    public var customerCode: String
    public var changedAt: Timestamp

    public init(sourceSystem: String = "", sourceKey: String = "", customerCode: String = "",
                changedAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.sourceSystem = sourceSystem
        self.sourceKey = sourceKey
        self.customerCode = customerCode
        self.changedAt = changedAt
    }
}

/// `ExportCrossReference` response.
public struct ExportCrossReferenceResponse: Codable, Sendable, Hashable {
    /// Ordered by `sourceSystem`, `sourceKey`.
    public var rows: [CrossReferenceRow]
    public var page: PageResponse

    public init(rows: [CrossReferenceRow] = [], page: PageResponse = .init()) {
        self.rows = rows
        self.page = page
    }
}

/// `GetStatistics` request: counts of records, customers, links and the review backlog.
public struct GetStatisticsRequest: Codable, Sendable, Hashable {
    public init() {}
}

/// Records held from one source system.
public struct SourceSystemCount: Codable, Sendable, Hashable {
    public var sourceSystem: String
    public var partyRecords: Int64
    public var policies: Int64
    public var payments: Int64
    public var claims: Int64
    public var servicing: Int64
    public var serviceUsage: Int64
    public var interactions: Int64

    public init(sourceSystem: String = "", partyRecords: Int64 = 0, policies: Int64 = 0, payments: Int64 = 0,
                claims: Int64 = 0, servicing: Int64 = 0, serviceUsage: Int64 = 0, interactions: Int64 = 0) {
        self.sourceSystem = sourceSystem
        self.partyRecords = partyRecords
        self.policies = policies
        self.payments = payments
        self.claims = claims
        self.servicing = servicing
        self.serviceUsage = serviceUsage
        self.interactions = interactions
    }
}

/// `GetStatistics` response.
public struct GetStatisticsResponse: Codable, Sendable, Hashable {
    public var partyRecords: Int64
    /// Active customers (aliases and erased excluded).
    public var customers: Int64
    public var individualCustomers: Int64
    public var organisationCustomers: Int64
    /// Party records linked to a customer that already had another record.
    public var links: Int64
    /// Aliases left by merges.
    public var aliases: Int64
    /// Pending clerical review items; `oldestPendingReview` is when the oldest was queued.
    public var reviewBacklog: Int64
    public var oldestPendingReview: Timestamp?
    /// Records stored with `deferResolution` and not resolved yet.
    public var unresolvedRecords: Int64
    /// Business records waiting for a party that has not arrived.
    public var recordsPendingParties: Int64
    public var bySourceSystem: [SourceSystemCount]
    public var erasedCustomers: Int64

    public init(partyRecords: Int64 = 0, customers: Int64 = 0, individualCustomers: Int64 = 0,
                organisationCustomers: Int64 = 0, links: Int64 = 0, aliases: Int64 = 0, reviewBacklog: Int64 = 0,
                oldestPendingReview: Timestamp? = nil, unresolvedRecords: Int64 = 0, recordsPendingParties: Int64 = 0,
                bySourceSystem: [SourceSystemCount] = [], erasedCustomers: Int64 = 0) {
        self.partyRecords = partyRecords
        self.customers = customers
        self.individualCustomers = individualCustomers
        self.organisationCustomers = organisationCustomers
        self.links = links
        self.aliases = aliases
        self.reviewBacklog = reviewBacklog
        self.oldestPendingReview = oldestPendingReview
        self.unresolvedRecords = unresolvedRecords
        self.recordsPendingParties = recordsPendingParties
        self.bySourceSystem = bySourceSystem
        self.erasedCustomers = erasedCustomers
    }
}
