public import Models

/// `ListReviewItems` request: lists the clerical review queue.
public struct ListReviewItemsRequest: Codable, Sendable, Hashable {
    public var page: PageRequest
    /// UNSPECIFIED: pending items only.
    public var status: ReviewStatus
    /// Items of one customer (as candidate); empty for all.
    public var customerCode: String

    public init(page: PageRequest = .init(), status: ReviewStatus = .unspecified, customerCode: String = "") {
        self.page = page
        self.status = status
        self.customerCode = customerCode
    }
}

/// `ListReviewItems` response.
public struct ListReviewItemsResponse: Codable, Sendable, Hashable {
    /// Oldest first.
    public var items: [ReviewItem]
    public var page: PageResponse
    public var personalDataMasked: Bool

    public init(items: [ReviewItem] = [], page: PageResponse = .init(), personalDataMasked: Bool = false) {
        self.items = items
        self.page = page
        self.personalDataMasked = personalDataMasked
    }
}

/// `DecideReviewItem` request: decides a review item (link or no link), audited.
public struct DecideReviewItemRequest: Codable, Sendable, Hashable {
    public var reviewId: String
    public var decision: ReviewDecision
    /// The person deciding, and why; both required.
    public var operatorId: String
    public var reason: String

    public init(reviewId: String = "", decision: ReviewDecision = .unspecified, operatorId: String = "",
                reason: String = "") {
        self.reviewId = reviewId
        self.decision = decision
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// `DecideReviewItem` response.
public struct DecideReviewItemResponse: Codable, Sendable, Hashable {
    public var item: ReviewItem
    /// The audit operation recorded; LINK can be undone with it.
    public var operationId: String
    /// The customer the record belongs to after the decision.
    public var customerCode: String

    public init(item: ReviewItem = .init(), operationId: String = "", customerCode: String = "") {
        self.item = item
        self.operationId = operationId
        self.customerCode = customerCode
    }
}

/// `MergeCustomers` request: merges two customers; the survivor keeps its code, the other becomes its alias.
public struct MergeCustomersRequest: Codable, Sendable, Hashable {
    /// Keeps its code.
    public var survivorCode: String
    /// Becomes an alias of `survivorCode`.
    public var mergedCode: String
    public var operatorId: String
    public var reason: String

    public init(survivorCode: String = "", mergedCode: String = "", operatorId: String = "", reason: String = "") {
        self.survivorCode = survivorCode
        self.mergedCode = mergedCode
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// `MergeCustomers` response.
public struct MergeCustomersResponse: Codable, Sendable, Hashable {
    public var operationId: String
    public var survivor: Customer

    public init(operationId: String = "", survivor: Customer = .init()) {
        self.operationId = operationId
        self.survivor = survivor
    }
}

/// `SplitCustomer` request: moves some of a customer's records to a new customer code; audited.
public struct SplitCustomerRequest: Codable, Sendable, Hashable {
    /// The customer to split.
    public var customerCode: String
    /// Its party records that move to a new customer; at least one, not all.
    public var records: [SourceRef]
    public var operatorId: String
    public var reason: String

    public init(customerCode: String = "", records: [SourceRef] = [], operatorId: String = "", reason: String = "") {
        self.customerCode = customerCode
        self.records = records
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// `SplitCustomer` response.
public struct SplitCustomerResponse: Codable, Sendable, Hashable {
    public var operationId: String
    /// The new customer's code.
    public var newCustomerCode: String

    public init(operationId: String = "", newCustomerCode: String = "") {
        self.operationId = operationId
        self.newCustomerCode = newCustomerCode
    }
}

/// `UndoOperation` request: undoes a merge, split or review link by its operation id; audited.
public struct UndoOperationRequest: Codable, Sendable, Hashable {
    /// A MERGE, SPLIT or REVIEW_DECIDED (link) operation, the latest change to the customers it touched.
    public var operationId: String
    public var operatorId: String
    public var reason: String

    public init(operationId: String = "", operatorId: String = "", reason: String = "") {
        self.operationId = operationId
        self.operatorId = operatorId
        self.reason = reason
    }
}

/// `UndoOperation` response.
public struct UndoOperationResponse: Codable, Sendable, Hashable {
    /// The undo's own operation id.
    public var operationId: String
    /// Customers as they stand after the undo.
    public var customerCodes: [String]

    public init(operationId: String = "", customerCodes: [String] = []) {
        self.operationId = operationId
        self.customerCodes = customerCodes
    }
}

/// `EraseCustomer` request: erases a customer's personal data on request; irreversible, audited.
public struct EraseCustomerRequest: Codable, Sendable, Hashable {
    public var customerCode: String
    public var operatorId: String
    public var reason: String
    /// The data subject's request this fulfils, e.g. a ticket number.
    public var requestReference: String

    public init(customerCode: String = "", operatorId: String = "", reason: String = "",
                requestReference: String = "") {
        self.customerCode = customerCode
        self.operatorId = operatorId
        self.reason = reason
        self.requestReference = requestReference
    }
}

/// `EraseCustomer` response.
public struct EraseCustomerResponse: Codable, Sendable, Hashable {
    /// Erasure cannot be undone.
    public var operationId: String

    public init(operationId: String = "") {
        self.operationId = operationId
    }
}
