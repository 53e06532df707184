public import Models

/// A record's identity in its source system.
public struct SourceRef: Codable, Sendable, Hashable {
    /// The system the record came from, e.g. "SALES", "UW", "POS" (保全), "CLAIMS".
    public var sourceSystem: String
    /// The record's key in that system; unique per `sourceSystem`.
    public var sourceKey: String

    public init(sourceSystem: String = "", sourceKey: String = "") {
        self.sourceSystem = sourceSystem
        self.sourceKey = sourceKey
    }
}

/// The personal attributes of a party: as a source gives them, normalised, or chosen for a golden record.
public struct PartyDetails: Codable, Sendable, Hashable {
    public var kind: PartyKind
    /// Full name as written; for an organisation, its registered name.
    public var fullName: String
    /// Given and family name where the source splits them (both may come with `fullName`).
    public var givenName: String
    public var familyName: String
    public var documentType: DocumentType
    public var documentNumber: String
    /// Chinese resident ID number (居民身份证号) when the source has a field of its own for it.
    public var nationalId: String
    public var birthDate: CalendarDate?
    public var sex: Sex
    /// Phone numbers, mobile first where known; normalised, mainland mobiles are 11 digits.
    public var phones: [String]
    public var email: String
    /// Address lines as given (street, building, unit...), without the parts below.
    public var addressLines: [String]
    /// House or street number (门牌号).
    public var streetNumber: String
    /// City, district or suburb.
    public var city: String
    /// Province or state.
    public var province: String
    public var postcode: String
    /// ISO 3166-1 alpha-2; empty means "CN".
    public var country: String
    /// Occupation as the source names or codes it.
    public var occupation: String
    /// Occupation class (职业类别) 1–6, 1 the least hazardous; 0 when unknown.
    public var occupationClass: Int32
    public var declaredHabits: [DeclaredHabit]
    /// Organisations: 统一社会信用代码 (18 characters).
    public var unifiedSocialCreditCode: String
    /// Group business: the employing organisation's name as given...
    public var employerName: String
    /// ...and its party record, when the source links it.
    public var employer: SourceRef?
    /// Attributes the source sends that have no field here: kept and shown, never matched.
    public var otherAttributes: [KeyValue]

    public init(kind: PartyKind = .unspecified, fullName: String = "", givenName: String = "", familyName: String = "",
                documentType: DocumentType = .unspecified, documentNumber: String = "", nationalId: String = "",
                birthDate: CalendarDate? = nil, sex: Sex = .unspecified, phones: [String] = [], email: String = "",
                addressLines: [String] = [], streetNumber: String = "", city: String = "", province: String = "",
                postcode: String = "", country: String = "", occupation: String = "", occupationClass: Int32 = 0,
                declaredHabits: [DeclaredHabit] = [], unifiedSocialCreditCode: String = "", employerName: String = "",
                employer: SourceRef? = nil, otherAttributes: [KeyValue] = []) {
        self.kind = kind
        self.fullName = fullName
        self.givenName = givenName
        self.familyName = familyName
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.nationalId = nationalId
        self.birthDate = birthDate
        self.sex = sex
        self.phones = phones
        self.email = email
        self.addressLines = addressLines
        self.streetNumber = streetNumber
        self.city = city
        self.province = province
        self.postcode = postcode
        self.country = country
        self.occupation = occupation
        self.occupationClass = occupationClass
        self.declaredHabits = declaredHabits
        self.unifiedSocialCreditCode = unifiedSocialCreditCode
        self.employerName = employerName
        self.employer = employer
        self.otherAttributes = otherAttributes
    }
}

/// A party record (a person or an organisation) as a source system sends it.
public struct PartyRecord: Codable, Sendable, Hashable {
    public var ref: SourceRef
    /// Higher replaces lower for the same ref; must be > 0.
    public var sourceVersion: Int64
    /// When the source last changed the record; used by recency survivorship rules.
    public var sourceUpdatedAt: Timestamp?
    public var details: PartyDetails

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                details: PartyDetails = .init()) {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.details = details
    }
}

/// A party's role on a policy.
public struct PolicyParty: Codable, Sendable, Hashable {
    /// The party's record; `sourceSystem` may be empty to mean the policy's own source system.
    public var party: SourceRef
    public var role: PartyRole
    public var relationToPolicyholder: PolicyholderRelation
    /// Beneficiaries: share of the benefit, 0–1; 0 when not given.
    public var benefitShare: Double

    public init(party: SourceRef = .init(), role: PartyRole = .unspecified,
                relationToPolicyholder: PolicyholderRelation = .unspecified, benefitShare: Double = 0) {
        self.party = party
        self.role = role
        self.relationToPolicyholder = relationToPolicyholder
        self.benefitShare = benefitShare
    }
}

/// A policy record as a source system sends it.
public struct PolicyRecord: Codable, Sendable, Hashable {
    /// `sourceKey` is the policy number (保单号).
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    public var productLine: ProductLine
    public var productCode: String
    public var productName: String
    /// Every party on the policy with its role; a party may appear once per role.
    public var parties: [PolicyParty]
    /// Premium per instalment of `paymentMode` (for SINGLE, the one premium).
    public var premium: Money
    public var paymentMode: PaymentMode
    /// Years over which premium is paid (缴费期); 0 when unknown.
    public var premiumTermYears: Int32
    /// 保额; absent when not applicable.
    public var sumInsured: Money?
    public var applicationDate: CalendarDate?
    public var issueDate: CalendarDate?
    /// Cover starts (生效日).
    public var effectiveDate: CalendarDate?
    /// Cover ends (满期日 / 终止日); absent for whole-life cover.
    public var endDate: CalendarDate?
    public var status: PolicyStatus
    /// The day the current status began.
    public var statusDate: CalendarDate?
    /// Policy number of the policy this one renews, in the same source system; empty for new business.
    public var renewalOf: String
    /// Group (团体) policy: the policyholder is an organisation, the insured its members.
    public var groupPolicy: Bool
    /// Agent or account manager serving the policy (服务人员); empty if unknown.
    public var agentCode: String
    public var branchCode: String
    /// Distribution channel as the source names it: "agency", "bancassurance", "broker", "online"...
    public var salesChannel: String

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                productLine: ProductLine = .unspecified, productCode: String = "", productName: String = "",
                parties: [PolicyParty] = [], premium: Money = Money(minorUnits: 0, currency: ""),
                paymentMode: PaymentMode = .unspecified, premiumTermYears: Int32 = 0, sumInsured: Money? = nil,
                applicationDate: CalendarDate? = nil, issueDate: CalendarDate? = nil,
                effectiveDate: CalendarDate? = nil, endDate: CalendarDate? = nil, status: PolicyStatus = .unspecified,
                statusDate: CalendarDate? = nil, renewalOf: String = "", groupPolicy: Bool = false,
                agentCode: String = "", branchCode: String = "", salesChannel: String = "") {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.productLine = productLine
        self.productCode = productCode
        self.productName = productName
        self.parties = parties
        self.premium = premium
        self.paymentMode = paymentMode
        self.premiumTermYears = premiumTermYears
        self.sumInsured = sumInsured
        self.applicationDate = applicationDate
        self.issueDate = issueDate
        self.effectiveDate = effectiveDate
        self.endDate = endDate
        self.status = status
        self.statusDate = statusDate
        self.renewalOf = renewalOf
        self.groupPolicy = groupPolicy
        self.agentCode = agentCode
        self.branchCode = branchCode
        self.salesChannel = salesChannel
    }
}

/// A premium payment record as a source system sends it.
public struct PaymentRecord: Codable, Sendable, Hashable {
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    /// The policy the premium is for: policy number in `ref.sourceSystem`.
    public var policyNumber: String
    /// Who paid; nil means the policyholder.
    public var payer: SourceRef?
    /// Instalment number within the policy, from 1; 0 when unknown.
    public var instalment: Int32
    public var dueDate: CalendarDate?
    /// Absent while unpaid.
    public var paidDate: CalendarDate?
    public var amount: Money
    public var status: PaymentStatus

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                policyNumber: String = "", payer: SourceRef? = nil, instalment: Int32 = 0, dueDate: CalendarDate? = nil,
                paidDate: CalendarDate? = nil, amount: Money = Money(minorUnits: 0, currency: ""),
                status: PaymentStatus = .unspecified) {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.policyNumber = policyNumber
        self.payer = payer
        self.instalment = instalment
        self.dueDate = dueDate
        self.paidDate = paidDate
        self.amount = amount
        self.status = status
    }
}

/// A claim record as a source system sends it.
public struct ClaimRecord: Codable, Sendable, Hashable {
    /// `sourceKey` is the claim number (赔案号).
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    /// The policy claimed on: policy number in `ref.sourceSystem`.
    public var policyNumber: String
    /// The party the claim is about, usually the insured.
    public var claimant: SourceRef
    public var incidentDate: CalendarDate?
    public var reportedDate: CalendarDate?
    /// Absent until settled, declined or withdrawn.
    public var closedDate: CalendarDate?
    public var claimedAmount: Money
    /// Absent until paid.
    public var paidAmount: Money?
    public var status: ClaimStatus
    /// Suspected fraud, as the claims system flags it.
    public var fraudFlag: Bool
    /// Cause as the source names it: "accident", "illness", "collision"...
    public var cause: String

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                policyNumber: String = "", claimant: SourceRef = .init(), incidentDate: CalendarDate? = nil,
                reportedDate: CalendarDate? = nil, closedDate: CalendarDate? = nil,
                claimedAmount: Money = Money(minorUnits: 0, currency: ""), paidAmount: Money? = nil,
                status: ClaimStatus = .unspecified, fraudFlag: Bool = false, cause: String = "") {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.policyNumber = policyNumber
        self.claimant = claimant
        self.incidentDate = incidentDate
        self.reportedDate = reportedDate
        self.closedDate = closedDate
        self.claimedAmount = claimedAmount
        self.paidAmount = paidAmount
        self.status = status
        self.fraudFlag = fraudFlag
        self.cause = cause
    }
}

/// A policy-servicing (保全) record as a source system sends it.
public struct ServicingRecord: Codable, Sendable, Hashable {
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    /// The policy serviced: policy number in `ref.sourceSystem`.
    public var policyNumber: String
    /// Who asked for it; nil means the policyholder.
    public var requestedBy: SourceRef?
    public var type: ServicingType
    public var status: ServicingStatus
    public var requestedDate: CalendarDate?
    /// Absent until completed, rejected or withdrawn.
    public var closedDate: CalendarDate?
    /// Money moved, if any: surrender value paid, extra premium, loan amount.
    public var amount: Money?
    /// Free text from the source, e.g. what "other" was.
    public var description: String

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                policyNumber: String = "", requestedBy: SourceRef? = nil, type: ServicingType = .unspecified,
                status: ServicingStatus = .unspecified, requestedDate: CalendarDate? = nil,
                closedDate: CalendarDate? = nil, amount: Money? = nil, description: String = "") {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.policyNumber = policyNumber
        self.requestedBy = requestedBy
        self.type = type
        self.status = status
        self.requestedDate = requestedDate
        self.closedDate = closedDate
        self.amount = amount
        self.description = description
    }
}

/// A value-added service usage record as a source system sends it.
public struct ServiceUsageRecord: Codable, Sendable, Hashable {
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    /// The party who used the service.
    public var party: SourceRef
    /// The policy that entitles them, if any: policy number in `ref.sourceSystem`.
    public var policyNumber: String
    /// The insurer's code for the value-added service (增值服务)...
    public var serviceCode: String
    /// ...and its name: "health check-up", "green channel hospital booking", "roadside assistance".
    public var serviceName: String
    public var usedOn: CalendarDate?

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                party: SourceRef = .init(), policyNumber: String = "", serviceCode: String = "",
                serviceName: String = "", usedOn: CalendarDate? = nil) {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.party = party
        self.policyNumber = policyNumber
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.usedOn = usedOn
    }
}

/// An interaction (login, contact, complaint, referral, campaign response) as a source sends it.
public struct InteractionRecord: Codable, Sendable, Hashable {
    public var ref: SourceRef
    public var sourceVersion: Int64
    public var sourceUpdatedAt: Timestamp?
    /// The party who interacted.
    public var party: SourceRef
    public var type: InteractionType
    public var channel: ContactChannel
    public var occurredAt: Timestamp
    /// Complaints and contacts: topic or category as the source names it.
    public var topic: String
    /// Campaign responses: the campaign's code (e.g. a retention campaign id).
    public var campaignCode: String
    /// Referrals: the party referred, when known.
    public var referredParty: SourceRef?
    /// Complaints: whether it is resolved.
    public var resolved: Bool

    public init(ref: SourceRef = .init(), sourceVersion: Int64 = 0, sourceUpdatedAt: Timestamp? = nil,
                party: SourceRef = .init(), type: InteractionType = .unspecified,
                channel: ContactChannel = .unspecified, occurredAt: Timestamp = Timestamp(unixMicros: 0),
                topic: String = "", campaignCode: String = "", referredParty: SourceRef? = nil,
                resolved: Bool = false) {
        self.ref = ref
        self.sourceVersion = sourceVersion
        self.sourceUpdatedAt = sourceUpdatedAt
        self.party = party
        self.type = type
        self.channel = channel
        self.occurredAt = occurredAt
        self.topic = topic
        self.campaignCode = campaignCode
        self.referredParty = referredParty
        self.resolved = resolved
    }
}
