public import Models

/// Where the value of one golden-record attribute came from.
public struct AttributeLineage: Codable, Sendable, Hashable {
    /// PartyDetails field name, e.g. "national_id", "phones".
    public var attribute: String
    /// The record the value was taken from.
    public var source: SourceRef
    /// The survivorship rule that picked it: "trusted_source:UW", "most_recent", "most_frequent", "only_value".
    public var rule: String
    /// The source record's time (`sourceUpdatedAt`).
    public var sourceUpdatedAt: Timestamp?

    public init(attribute: String = "", source: SourceRef = .init(), rule: String = "",
                sourceUpdatedAt: Timestamp? = nil) {
        self.attribute = attribute
        self.source = source
        self.rule = rule
        self.sourceUpdatedAt = sourceUpdatedAt
    }
}

/// A customer's golden record: the values survivorship chose, with their checks and lineage.
public struct GoldenRecord: Codable, Sendable, Hashable {
    /// Normalised values chosen by survivorship, masked unless the caller may see personal data.
    public var details: PartyDetails
    public var checks: [FieldCheck]
    public var lineage: [AttributeLineage]

    public init(details: PartyDetails = .init(), checks: [FieldCheck] = [], lineage: [AttributeLineage] = []) {
        self.details = details
        self.checks = checks
        self.lineage = lineage
    }
}

/// A customer: its code, status and golden record.
public struct Customer: Codable, Sendable, Hashable {
    /// Stable, opaque, carries no personal data.
    public var customerCode: String
    public var status: CustomerStatus
    /// MERGED: the customer this code is now an alias of.
    public var survivorCode: String
    public var golden: GoldenRecord
    /// Codes merged into this customer; each still finds it.
    public var aliases: [String]
    /// How many source party records are linked to it.
    public var sourceRecordCount: Int32
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(customerCode: String = "", status: CustomerStatus = .unspecified, survivorCode: String = "",
                golden: GoldenRecord = .init(), aliases: [String] = [], sourceRecordCount: Int32 = 0,
                createdAt: Timestamp = Timestamp(unixMicros: 0), updatedAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.customerCode = customerCode
        self.status = status
        self.survivorCode = survivorCode
        self.golden = golden
        self.aliases = aliases
        self.sourceRecordCount = sourceRecordCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The non-personal attributes of a customer that the services downstream need; carried by feed events.
public struct CustomerProfile: Codable, Sendable, Hashable {
    public var kind: PartyKind
    /// 0 when unknown.
    public var birthYear: Int32
    public var sex: Sex
    /// 1–6; 0 when unknown.
    public var occupationClass: Int32
    public var declaredHabits: [DeclaredHabit]
    public var province: String
    public var city: String
    /// Group business: the employing organisation's customer code; empty if none.
    public var employerCustomerCode: String

    public init(kind: PartyKind = .unspecified, birthYear: Int32 = 0, sex: Sex = .unspecified,
                occupationClass: Int32 = 0, declaredHabits: [DeclaredHabit] = [], province: String = "",
                city: String = "", employerCustomerCode: String = "") {
        self.kind = kind
        self.birthYear = birthYear
        self.sex = sex
        self.occupationClass = occupationClass
        self.declaredHabits = declaredHabits
        self.province = province
        self.city = city
        self.employerCustomerCode = employerCustomerCode
    }
}

/// A party record as stored, for the 360 view.
public struct SourceRecordView: Codable, Sendable, Hashable {
    /// As the source sent it, masked unless the caller may see personal data.
    public var record: PartyRecord
    /// After normalisation, masked likewise.
    public var normalised: PartyDetails
    public var checks: [FieldCheck]
    /// How the record came to this customer: "matcher", "review", "merge", "split", "new".
    public var linkedBy: String
    /// The weight it linked with, when the matcher linked it.
    public var linkWeight: Double
    public var linkedAt: Timestamp

    public init(record: PartyRecord = .init(), normalised: PartyDetails = .init(), checks: [FieldCheck] = [],
                linkedBy: String = "", linkWeight: Double = 0, linkedAt: Timestamp = Timestamp(unixMicros: 0)) {
        self.record = record
        self.normalised = normalised
        self.checks = checks
        self.linkedBy = linkedBy
        self.linkWeight = linkWeight
        self.linkedAt = linkedAt
    }
}

/// A policy as the 360 view shows it: the record and this customer's roles on it.
public struct PolicyView: Codable, Sendable, Hashable {
    public var policy: PolicyRecord
    public var customerRoles: [PartyRole]
    /// Annualised premium: premium × instalments per year (single premium: as paid).
    public var annualisedPremium: Money
    /// The other customers on the policy, with their roles.
    public var otherParties: [PolicyPartyCustomer]

    public init(policy: PolicyRecord = .init(), customerRoles: [PartyRole] = [],
                annualisedPremium: Money = Money(minorUnits: 0, currency: ""),
                otherParties: [PolicyPartyCustomer] = []) {
        self.policy = policy
        self.customerRoles = customerRoles
        self.annualisedPremium = annualisedPremium
        self.otherParties = otherParties
    }
}

/// A customer on a policy.
public struct PolicyPartyCustomer: Codable, Sendable, Hashable {
    public var customerCode: String
    public var role: PartyRole
    public var relationToPolicyholder: PolicyholderRelation

    public init(customerCode: String = "", role: PartyRole = .unspecified,
                relationToPolicyholder: PolicyholderRelation = .unspecified) {
        self.customerCode = customerCode
        self.role = role
        self.relationToPolicyholder = relationToPolicyholder
    }
}

/// A relationship between two customers, read "fromCode <type> toCode".
public struct Relationship: Codable, Sendable, Hashable {
    public var fromCode: String
    public var type: RelationshipType
    public var toCode: String
    /// Why identity believes it: "policy:<policy number>", "address", "employer", "source".
    public var evidence: String
    public var since: Timestamp

    public init(fromCode: String = "", type: RelationshipType = .unspecified, toCode: String = "",
                evidence: String = "", since: Timestamp = Timestamp(unixMicros: 0)) {
        self.fromCode = fromCode
        self.type = type
        self.toCode = toCode
        self.evidence = evidence
        self.since = since
    }
}

/// One entry of a customer's audit trail.
public struct AuditEntry: Codable, Sendable, Hashable {
    public var operationId: String
    public var type: OperationType
    public var occurredAt: Timestamp
    /// Person who did it; "matcher" for automatic changes.
    public var operatorId: String
    /// Unix user of the calling process, from the kernel; empty for automatic changes.
    public var caller: String
    public var reason: String
    /// Every customer the operation touched (survivor, alias, new code...).
    public var customerCodes: [String]
    /// Records the operation moved or linked.
    public var records: [SourceRef]
    /// Details for a person, e.g. the review item decided.
    public var detail: String
    /// Set when a later operation undid this one.
    public var undoneBy: String

    public init(operationId: String = "", type: OperationType = .unspecified,
                occurredAt: Timestamp = Timestamp(unixMicros: 0), operatorId: String = "", caller: String = "",
                reason: String = "", customerCodes: [String] = [], records: [SourceRef] = [], detail: String = "",
                undoneBy: String = "") {
        self.operationId = operationId
        self.type = type
        self.occurredAt = occurredAt
        self.operatorId = operatorId
        self.caller = caller
        self.reason = reason
        self.customerCodes = customerCodes
        self.records = records
        self.detail = detail
        self.undoneBy = undoneBy
    }
}

/// A record in the clerical review queue, with the customer it might belong to.
public struct ReviewItem: Codable, Sendable, Hashable {
    public var reviewId: String
    public var status: ReviewStatus
    /// The record waiting for a decision...
    public var record: SourceRef
    /// ...and the customer it might belong to, with the comparison.
    public var candidate: MatchCandidate
    public var createdAt: Timestamp
    /// Decided items: who, when, why.
    public var decidedBy: String
    public var decidedAt: Timestamp?
    public var reason: String

    public init(reviewId: String = "", status: ReviewStatus = .unspecified, record: SourceRef = .init(),
                candidate: MatchCandidate = .init(), createdAt: Timestamp = Timestamp(unixMicros: 0),
                decidedBy: String = "", decidedAt: Timestamp? = nil, reason: String = "") {
        self.reviewId = reviewId
        self.status = status
        self.record = record
        self.candidate = candidate
        self.createdAt = createdAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }
}
