public import Models

/// One premium instalment paid (or due) by the customer, from identity's `PaymentLinked`.
public struct PaymentFact: Sendable, Hashable, Codable {
    /// Where the instalment stands (identity's `PaymentStatus`).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        /// Falls due, still within the grace period: not decided yet.
        case due
        case paid
        /// Unpaid past the grace period.
        case overdue
        /// Waived (豁免) under a premium waiver benefit: counts as kept up.
        case waived
        /// Paid and then refunded.
        case refunded
    }

    /// "<source system>/<source key>".
    public var paymentKey: String
    public var policyKey: String
    public var productLine: ProductLine
    /// Instalment number within the policy, from 1; 0 when unknown.
    public var instalment: Int32
    public var dueDate: CalendarDate?
    public var paidDate: CalendarDate?
    public var amount: Money
    public var status: Status
    public var sourceVersion: Int64

    public init(paymentKey: String, policyKey: String, productLine: ProductLine = .unspecified, instalment: Int32,
                dueDate: CalendarDate?, paidDate: CalendarDate? = nil, amount: Money, status: Status,
                sourceVersion: Int64 = 1) {
        self.paymentKey = paymentKey
        self.policyKey = policyKey
        self.productLine = productLine
        self.instalment = instalment
        self.dueDate = dueDate
        self.paidDate = paidDate
        self.amount = amount
        self.status = status
        self.sourceVersion = sourceVersion
    }
}
