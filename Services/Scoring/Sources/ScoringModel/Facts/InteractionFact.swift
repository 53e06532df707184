public import Models

/// One contact between the customer and the insurer, from identity's `InteractionLinked`.
public struct InteractionFact: Sendable, Hashable, Codable {
    /// What kind of contact (identity's `InteractionType`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        case appLogin
        case callCentreContact
        /// 投诉.
        case complaint
        /// The customer referred someone (转介绍).
        case referral
        case campaignResponse
        case branchVisit
        case agentVisit
        case webVisit
        case other
    }

    public var interactionKey: String
    public var kind: Kind
    public var channel: ContactChannel
    /// The business day it happened (the feed's instant in the book's time zone; see
    /// `CalendarDate.init(businessDayOf:utcOffsetSeconds:)`).
    public var occurredOn: CalendarDate
    /// Referrals: the referred party's customer code, once known.
    public var referredCustomerCode: String
    /// Complaints: whether resolved.
    public var resolved: Bool
    public var sourceVersion: Int64

    public init(interactionKey: String, kind: Kind, channel: ContactChannel, occurredOn: CalendarDate,
                referredCustomerCode: String = "", resolved: Bool = false, sourceVersion: Int64 = 1) {
        self.interactionKey = interactionKey
        self.kind = kind
        self.channel = channel
        self.occurredOn = occurredOn
        self.referredCustomerCode = referredCustomerCode
        self.resolved = resolved
        self.sourceVersion = sourceVersion
    }
}
