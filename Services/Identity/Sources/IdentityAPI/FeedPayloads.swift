public import Models

/// A new customer exists.
public struct CustomerCreated: Codable, Sendable, Hashable {
    public var customerCode: String
    public var profile: CustomerProfile
    /// The record that created it.
    public var record: SourceRef
    public var operationId: String

    public init(customerCode: String = "", profile: CustomerProfile = .init(), record: SourceRef = .init(),
                operationId: String = "") {
        self.customerCode = customerCode
        self.profile = profile
        self.record = record
        self.operationId = operationId
    }
}

/// A customer's golden record or linked records changed.
public struct CustomerUpdated: Codable, Sendable, Hashable {
    public var customerCode: String
    public var profile: CustomerProfile
    /// Golden-record attributes that changed (PartyDetails field names), e.g. "occupation_class".
    public var changedAttributes: [String]
    public var operationId: String

    public init(customerCode: String = "", profile: CustomerProfile = .init(), changedAttributes: [String] = [],
                operationId: String = "") {
        self.customerCode = customerCode
        self.profile = profile
        self.changedAttributes = changedAttributes
        self.operationId = operationId
    }
}

/// Two customers were merged: `mergedCode` is now an alias of `survivorCode`.
public struct CustomersMerged: Codable, Sendable, Hashable {
    public var survivorCode: String
    /// Now an alias of `survivorCode`.
    public var mergedCode: String
    public var operationId: String
    /// "matcher" when the matcher or a review decision merged them.
    public var operatorId: String
    public var reason: String
    /// The survivor's profile after the merge.
    public var profile: CustomerProfile

    public init(survivorCode: String = "", mergedCode: String = "", operationId: String = "", operatorId: String = "",
                reason: String = "", profile: CustomerProfile = .init()) {
        self.survivorCode = survivorCode
        self.mergedCode = mergedCode
        self.operationId = operationId
        self.operatorId = operatorId
        self.reason = reason
        self.profile = profile
    }
}

/// Some of a customer's party records moved to a new customer.
public struct CustomerSplit: Codable, Sendable, Hashable {
    /// The customer split from (keeps its code).
    public var customerCode: String
    public var newCustomerCode: String
    /// Party records moved to `newCustomerCode`.
    public var movedRecords: [SourceRef]
    public var operationId: String
    public var operatorId: String
    public var reason: String
    public var profile: CustomerProfile
    public var newProfile: CustomerProfile

    public init(customerCode: String = "", newCustomerCode: String = "", movedRecords: [SourceRef] = [],
                operationId: String = "", operatorId: String = "", reason: String = "",
                profile: CustomerProfile = .init(), newProfile: CustomerProfile = .init()) {
        self.customerCode = customerCode
        self.newCustomerCode = newCustomerCode
        self.movedRecords = movedRecords
        self.operationId = operationId
        self.operatorId = operatorId
        self.reason = reason
        self.profile = profile
        self.newProfile = newProfile
    }
}

/// A merge, split or review link was undone.
public struct OperationUndone: Codable, Sendable, Hashable {
    /// The operation undone, and its type (MERGE, SPLIT, REVIEW_DECIDED).
    public var undoneOperationId: String
    public var undoneType: OperationType
    /// The undo itself.
    public var operationId: String
    /// Customers as they stand after the undo.
    public var customerCodes: [String]
    public var operatorId: String
    public var reason: String

    public init(undoneOperationId: String = "", undoneType: OperationType = .unspecified, operationId: String = "",
                customerCodes: [String] = [], operatorId: String = "", reason: String = "") {
        self.undoneOperationId = undoneOperationId
        self.undoneType = undoneType
        self.operationId = operationId
        self.customerCodes = customerCodes
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// A customer's personal data was erased; services downstream erase what they hold of it.
public struct CustomerErased: Codable, Sendable, Hashable {
    public var customerCode: String
    public var operationId: String

    public init(customerCode: String = "", operationId: String = "") {
        self.customerCode = customerCode
        self.operationId = operationId
    }
}

/// A customer's place on a policy, as events carry it.
public struct PolicyRole: Codable, Sendable, Hashable {
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

/// A policy was stored or changed, or its parties' customers changed; carries the policy's whole current state.
public struct PolicyLinked: Codable, Sendable, Hashable {
    /// "<source system>/<policy number>".
    public var policyKey: String
    public var productLine: ProductLine
    public var productCode: String
    /// Every customer on the policy with their role (parties not yet received are left out).
    public var parties: [PolicyRole]
    public var premium: Money
    public var paymentMode: PaymentMode
    public var annualisedPremium: Money
    public var premiumTermYears: Int32
    public var sumInsured: Money?
    public var issueDate: CalendarDate?
    public var effectiveDate: CalendarDate?
    public var endDate: CalendarDate?
    public var status: PolicyStatus
    public var statusDate: CalendarDate?
    /// Policy key of the policy this one renews; empty for new business.
    public var renewalOf: String
    public var groupPolicy: Bool
    public var agentCode: String
    public var sourceVersion: Int64

    public init(policyKey: String = "", productLine: ProductLine = .unspecified, productCode: String = "",
                parties: [PolicyRole] = [], premium: Money = Money(minorUnits: 0, currency: ""),
                paymentMode: PaymentMode = .unspecified, annualisedPremium: Money = Money(minorUnits: 0, currency: ""),
                premiumTermYears: Int32 = 0, sumInsured: Money? = nil, issueDate: CalendarDate? = nil,
                effectiveDate: CalendarDate? = nil, endDate: CalendarDate? = nil, status: PolicyStatus = .unspecified,
                statusDate: CalendarDate? = nil, renewalOf: String = "", groupPolicy: Bool = false,
                agentCode: String = "", sourceVersion: Int64 = 0) {
        self.policyKey = policyKey
        self.productLine = productLine
        self.productCode = productCode
        self.parties = parties
        self.premium = premium
        self.paymentMode = paymentMode
        self.annualisedPremium = annualisedPremium
        self.premiumTermYears = premiumTermYears
        self.sumInsured = sumInsured
        self.issueDate = issueDate
        self.effectiveDate = effectiveDate
        self.endDate = endDate
        self.status = status
        self.statusDate = statusDate
        self.renewalOf = renewalOf
        self.groupPolicy = groupPolicy
        self.agentCode = agentCode
        self.sourceVersion = sourceVersion
    }
}

/// A premium payment record was stored or changed.
public struct PaymentLinked: Codable, Sendable, Hashable {
    /// "<source system>/<source key>".
    public var paymentKey: String
    public var policyKey: String
    /// The payer (the policyholder unless the record says otherwise).
    public var customerCode: String
    public var productLine: ProductLine
    public var instalment: Int32
    public var dueDate: CalendarDate?
    public var paidDate: CalendarDate?
    public var amount: Money
    public var status: PaymentStatus
    public var sourceVersion: Int64

    public init(paymentKey: String = "", policyKey: String = "", customerCode: String = "",
                productLine: ProductLine = .unspecified, instalment: Int32 = 0, dueDate: CalendarDate? = nil,
                paidDate: CalendarDate? = nil, amount: Money = Money(minorUnits: 0, currency: ""),
                status: PaymentStatus = .unspecified, sourceVersion: Int64 = 0) {
        self.paymentKey = paymentKey
        self.policyKey = policyKey
        self.customerCode = customerCode
        self.productLine = productLine
        self.instalment = instalment
        self.dueDate = dueDate
        self.paidDate = paidDate
        self.amount = amount
        self.status = status
        self.sourceVersion = sourceVersion
    }
}

/// A claim record was stored or changed.
public struct ClaimLinked: Codable, Sendable, Hashable {
    public var claimKey: String
    public var policyKey: String
    /// The claimant (usually the insured).
    public var customerCode: String
    /// The policy's policyholder, when another customer.
    public var policyholderCode: String
    public var productLine: ProductLine
    public var incidentDate: CalendarDate?
    public var reportedDate: CalendarDate?
    public var closedDate: CalendarDate?
    public var claimedAmount: Money
    public var paidAmount: Money?
    public var status: ClaimStatus
    public var fraudFlag: Bool
    public var sourceVersion: Int64

    public init(claimKey: String = "", policyKey: String = "", customerCode: String = "", policyholderCode: String = "",
                productLine: ProductLine = .unspecified, incidentDate: CalendarDate? = nil,
                reportedDate: CalendarDate? = nil, closedDate: CalendarDate? = nil,
                claimedAmount: Money = Money(minorUnits: 0, currency: ""), paidAmount: Money? = nil,
                status: ClaimStatus = .unspecified, fraudFlag: Bool = false, sourceVersion: Int64 = 0) {
        self.claimKey = claimKey
        self.policyKey = policyKey
        self.customerCode = customerCode
        self.policyholderCode = policyholderCode
        self.productLine = productLine
        self.incidentDate = incidentDate
        self.reportedDate = reportedDate
        self.closedDate = closedDate
        self.claimedAmount = claimedAmount
        self.paidAmount = paidAmount
        self.status = status
        self.fraudFlag = fraudFlag
        self.sourceVersion = sourceVersion
    }
}

/// A policy-servicing record was stored or changed.
public struct ServicingLinked: Codable, Sendable, Hashable {
    public var servicingKey: String
    public var policyKey: String
    public var customerCode: String
    public var productLine: ProductLine
    public var type: ServicingType
    public var status: ServicingStatus
    public var requestedDate: CalendarDate?
    public var closedDate: CalendarDate?
    public var amount: Money?
    public var sourceVersion: Int64

    public init(servicingKey: String = "", policyKey: String = "", customerCode: String = "",
                productLine: ProductLine = .unspecified, type: ServicingType = .unspecified,
                status: ServicingStatus = .unspecified, requestedDate: CalendarDate? = nil,
                closedDate: CalendarDate? = nil, amount: Money? = nil, sourceVersion: Int64 = 0) {
        self.servicingKey = servicingKey
        self.policyKey = policyKey
        self.customerCode = customerCode
        self.productLine = productLine
        self.type = type
        self.status = status
        self.requestedDate = requestedDate
        self.closedDate = closedDate
        self.amount = amount
        self.sourceVersion = sourceVersion
    }
}

/// A value-added service usage record was stored or changed.
public struct ServiceUsageLinked: Codable, Sendable, Hashable {
    public var usageKey: String
    public var customerCode: String
    /// Empty when no policy is named.
    public var policyKey: String
    public var serviceCode: String
    public var serviceName: String
    public var usedOn: CalendarDate?
    public var sourceVersion: Int64

    public init(usageKey: String = "", customerCode: String = "", policyKey: String = "", serviceCode: String = "",
                serviceName: String = "", usedOn: CalendarDate? = nil, sourceVersion: Int64 = 0) {
        self.usageKey = usageKey
        self.customerCode = customerCode
        self.policyKey = policyKey
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.usedOn = usedOn
        self.sourceVersion = sourceVersion
    }
}

/// An interaction record was stored or changed.
public struct InteractionLinked: Codable, Sendable, Hashable {
    public var interactionKey: String
    public var customerCode: String
    public var type: InteractionType
    public var channel: ContactChannel
    public var occurredAt: Timestamp
    public var topic: String
    public var campaignCode: String
    /// Referrals: the referred party's customer code, once known.
    public var referredCustomerCode: String
    public var resolved: Bool
    public var sourceVersion: Int64

    public init(interactionKey: String = "", customerCode: String = "", type: InteractionType = .unspecified,
                channel: ContactChannel = .unspecified, occurredAt: Timestamp = Timestamp(unixMicros: 0),
                topic: String = "", campaignCode: String = "", referredCustomerCode: String = "",
                resolved: Bool = false, sourceVersion: Int64 = 0) {
        self.interactionKey = interactionKey
        self.customerCode = customerCode
        self.type = type
        self.channel = channel
        self.occurredAt = occurredAt
        self.topic = topic
        self.campaignCode = campaignCode
        self.referredCustomerCode = referredCustomerCode
        self.resolved = resolved
        self.sourceVersion = sourceVersion
    }
}
