public import Models

/// One policy-servicing action (保全) the customer asked for, from identity's `ServicingLinked`.
public struct ServicingFact: Sendable, Hashable, Codable {
    /// What was asked for (identity's `ServicingType`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        case surrender
        case reinstatement
        case beneficiaryChange
        case addCover
        case reduceCover
        case paymentModeChange
        case contactChange
        case policyLoan
        case partialWithdrawal
        case other
    }

    /// Where the request stands (identity's `ServicingStatus`).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        case requested
        case completed
        case rejected
        case withdrawn
    }

    public var servicingKey: String
    public var policyKey: String
    public var productLine: ProductLine
    public var kind: Kind
    public var status: Status
    public var requestedDate: CalendarDate?
    public var closedDate: CalendarDate?
    /// Money moved, if any: surrender value, extra premium, loan.
    public var amount: Money?
    public var sourceVersion: Int64

    public init(servicingKey: String, policyKey: String, productLine: ProductLine = .unspecified, kind: Kind,
                status: Status, requestedDate: CalendarDate?, closedDate: CalendarDate? = nil, amount: Money? = nil,
                sourceVersion: Int64 = 1) {
        self.servicingKey = servicingKey
        self.policyKey = policyKey
        self.productLine = productLine
        self.kind = kind
        self.status = status
        self.requestedDate = requestedDate
        self.closedDate = closedDate
        self.amount = amount
        self.sourceVersion = sourceVersion
    }
}
