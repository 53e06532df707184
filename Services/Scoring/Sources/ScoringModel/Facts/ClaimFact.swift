public import Models

/// One claim, from identity's `ClaimLinked`: kept for its claimant and for the policy's policyholder.
public struct ClaimFact: Sendable, Hashable, Codable {
    /// Where the claim stands (identity's `ClaimStatus`).
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        /// 报案.
        case reported
        case underReview
        case approved
        /// Settled and paid (结案赔付).
        case paid
        /// 拒赔.
        case declined
        /// Taken back by the claimant: not counted anywhere.
        case withdrawn
    }

    public var claimKey: String
    public var policyKey: String
    public var productLine: ProductLine
    public var incidentDate: CalendarDate?
    public var reportedDate: CalendarDate?
    /// Settled, declined or withdrawn on; for a paid claim, the day scoring takes it as paid.
    public var closedDate: CalendarDate?
    public var claimedAmount: Money
    /// Absent until paid.
    public var paidAmount: Money?
    public var status: Status
    /// Suspected fraud, as the claims system flags it.
    public var fraudFlag: Bool
    public var sourceVersion: Int64

    public init(claimKey: String, policyKey: String, productLine: ProductLine = .unspecified,
                incidentDate: CalendarDate? = nil, reportedDate: CalendarDate?, closedDate: CalendarDate? = nil,
                claimedAmount: Money, paidAmount: Money? = nil, status: Status, fraudFlag: Bool = false,
                sourceVersion: Int64 = 1) {
        self.claimKey = claimKey
        self.policyKey = policyKey
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

    /// The day the claim counts as made: reported, else the incident.
    public var madeOn: CalendarDate? { reportedDate ?? incidentDate }

    /// The day the claim counts as paid: closed, else reported, else the incident (the feed has no payment date).
    public var paidOn: CalendarDate? { closedDate ?? reportedDate ?? incidentDate }

    /// The amount paid when the claim was paid (declined and withdrawn claims pay nothing).
    public var settledAmount: Money? {
        switch status {
        case .declined, .withdrawn: nil
        default: paidAmount
        }
    }
}
