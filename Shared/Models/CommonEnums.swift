/// A line of insurance business.
public enum ProductLine: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PRODUCT_LINE_UNSPECIFIED"
    /// 寿险: term, whole life, endowment.
    case life = "PRODUCT_LINE_LIFE"
    /// 健康险: medical, critical illness, long-term care.
    case health = "PRODUCT_LINE_HEALTH"
    /// 意外险.
    case accident = "PRODUCT_LINE_ACCIDENT"
    /// 年金险.
    case annuity = "PRODUCT_LINE_ANNUITY"
    /// 车险.
    case auto = "PRODUCT_LINE_AUTO"
    /// 财产险: home, commercial property, engineering.
    case property = "PRODUCT_LINE_PROPERTY"
    /// 责任险.
    case liability = "PRODUCT_LINE_LIABILITY"
    /// 旅行险.
    case travel = "PRODUCT_LINE_TRAVEL"
    case other = "PRODUCT_LINE_OTHER"
}

/// A way the insurer and a customer reach each other (common.proto `Channel`).
// Not `Channel`: that is NIOCore's, and the two would be ambiguous wherever both modules are imported.
public enum ContactChannel: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CHANNEL_UNSPECIFIED"
    /// Telephone: call centre, inbound or outbound call.
    case phone = "CHANNEL_PHONE"
    case sms = "CHANNEL_SMS"
    case email = "CHANNEL_EMAIL"
    /// The insurer's mobile app: logins, in-app messages, push notifications.
    case app = "CHANNEL_APP"
    /// WeChat official account or mini program (微信).
    case wechat = "CHANNEL_WECHAT"
    /// Face to face with the customer's agent or account manager.
    case agent = "CHANNEL_AGENT"
    /// Branch or service counter (柜面).
    case branch = "CHANNEL_BRANCH"
    /// The insurer's website.
    case web = "CHANNEL_WEB"
    /// Letter by post.
    case post = "CHANNEL_POST"
}

/// A customer's value tier (客户分层).
public enum CustomerTier: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CUSTOMER_TIER_UNSPECIFIED"
    case basic = "CUSTOMER_TIER_BASIC"
    case standard = "CUSTOMER_TIER_STANDARD"
    case gold = "CUSTOMER_TIER_GOLD"
    case diamond = "CUSTOMER_TIER_DIAMOND"
}

/// The layer of the customer value pyramid (客户金字塔).
public enum PyramidLayer: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PYRAMID_LAYER_UNSPECIFIED"
    case base = "PYRAMID_LAYER_BASE"
    case middle = "PYRAMID_LAYER_MIDDLE"
    case top = "PYRAMID_LAYER_TOP"
}

/// Underwriting-style risk grade of a customer.
public enum RiskGrade: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "RISK_GRADE_UNSPECIFIED"
    case a = "RISK_GRADE_A"
    case b = "RISK_GRADE_B"
    case c = "RISK_GRADE_C"
    case d = "RISK_GRADE_D"
    case e = "RISK_GRADE_E"
}

/// A customer's stage in the lifecycle.
public enum LifecycleStage: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "LIFECYCLE_STAGE_UNSPECIFIED"
    /// 认知期: known to the insurer, no policy yet.
    case prospect = "LIFECYCLE_STAGE_PROSPECT"
    /// 首次投保决策期: first policy applied for or just issued.
    case firstPurchase = "LIFECYCLE_STAGE_FIRST_PURCHASE"
    /// 保单持有体验期: holding policies, in the first terms.
    case holding = "LIFECYCLE_STAGE_HOLDING"
    /// 续保增额深化期: renewing, adding cover, buying more lines.
    case deepening = "LIFECYCLE_STAGE_DEEPENING"
    /// 流失预警挽回期: signs of leaving; retention work applies.
    case atRisk = "LIFECYCLE_STAGE_AT_RISK"
    /// Lapsed or lost: no policy in force any more.
    case lapsed = "LIFECYCLE_STAGE_LAPSED"
    /// Won back: bought or reinstated after being lapsed or lost.
    case wonBack = "LIFECYCLE_STAGE_WON_BACK"
}

/// Where a job is in its run (see `Job`).
public enum JobState: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "JOB_STATE_UNSPECIFIED"
    case queued = "JOB_STATE_QUEUED"
    case running = "JOB_STATE_RUNNING"
    case succeeded = "JOB_STATE_SUCCEEDED"
    /// Stopped by an error; `Job.message` says which.
    case failed = "JOB_STATE_FAILED"
    case cancelled = "JOB_STATE_CANCELLED"
}

/// What happened to a customer's business, condensed from identity's business-record events.
public enum ActivityKind: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "ACTIVITY_KIND_UNSPECIFIED"
    /// A policy was issued on which the customer is policyholder (new business, not a renewal).
    case policyIssued = "ACTIVITY_KIND_POLICY_ISSUED"
    /// A policy was renewed (续保).
    case policyRenewed = "ACTIVITY_KIND_POLICY_RENEWED"
    /// Cover was added to an existing policy: rider, higher sum insured (加保).
    case coverAdded = "ACTIVITY_KIND_COVER_ADDED"
    /// A premium instalment falls due; `occurredOn` is the due date.
    case premiumDue = "ACTIVITY_KIND_PREMIUM_DUE"
    case premiumPaid = "ACTIVITY_KIND_PREMIUM_PAID"
    /// The source system reports a premium unpaid past its grace period.
    case premiumOverdue = "ACTIVITY_KIND_PREMIUM_OVERDUE"
    /// The customer asked to surrender a policy (退保申请).
    case surrenderRequested = "ACTIVITY_KIND_SURRENDER_REQUESTED"
    case policySurrendered = "ACTIVITY_KIND_POLICY_SURRENDERED"
    /// The policy lapsed for non-payment (效力中止 / 失效).
    case policyLapsed = "ACTIVITY_KIND_POLICY_LAPSED"
    /// A lapsed policy was reinstated (复效).
    case policyReinstated = "ACTIVITY_KIND_POLICY_REINSTATED"
    /// The policy ended otherwise: expired without renewal, matured, cancelled, terminated.
    case policyEnded = "ACTIVITY_KIND_POLICY_ENDED"
    case claimFiled = "ACTIVITY_KIND_CLAIM_FILED"
    case claimSettled = "ACTIVITY_KIND_CLAIM_SETTLED"
    case claimDeclined = "ACTIVITY_KIND_CLAIM_DECLINED"
    case complaint = "ACTIVITY_KIND_COMPLAINT"
    /// Any other contact: app login, call, visit; the raw material of interaction baselines.
    case interaction = "ACTIVITY_KIND_INTERACTION"
    /// The customer referred someone.
    case referral = "ACTIVITY_KIND_REFERRAL"
    case campaignResponse = "ACTIVITY_KIND_CAMPAIGN_RESPONSE"
    /// A value-added service was used (health check-up, roadside assistance...).
    case serviceUsed = "ACTIVITY_KIND_SERVICE_USED"
    /// Other policy servicing (保全): beneficiary change, contact change, loan...
    case policyServiced = "ACTIVITY_KIND_POLICY_SERVICED"
}

/// What happened to customer codes in identity, for every service that keys rows by them.
public enum CodeChangeKind: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CODE_CHANGE_KIND_UNSPECIFIED"
    /// `otherCustomerCode` became an alias of `customerCode`; move its rows onto `customerCode`.
    case merged = "CODE_CHANGE_KIND_MERGED"
    /// Records moved from `customerCode` to the new `otherCustomerCode`.
    case split = "CODE_CHANGE_KIND_SPLIT"
    /// A merge was undone: `otherCustomerCode` is a customer again, apart from `customerCode`.
    case mergeUndone = "CODE_CHANGE_KIND_MERGE_UNDONE"
    /// A split was undone: `otherCustomerCode` is folded back into `customerCode` (and becomes its alias).
    case splitUndone = "CODE_CHANGE_KIND_SPLIT_UNDONE"
    /// `customerCode`'s personal data was erased on request.
    case erased = "CODE_CHANGE_KIND_ERASED"
}
