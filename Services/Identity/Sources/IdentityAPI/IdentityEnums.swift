/// Whether a party is a person or an organisation.
public enum PartyKind: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PARTY_KIND_UNSPECIFIED"
    case individual = "PARTY_KIND_INDIVIDUAL"
    /// A company, public body or other organisation.
    case organisation = "PARTY_KIND_ORGANISATION"
}

/// The kind of identity document a number belongs to.
public enum DocumentType: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "DOCUMENT_TYPE_UNSPECIFIED"
    /// 居民身份证: 18 digits (ISO 7064 MOD 11-2 check character); 15-digit legacy numbers are upgraded.
    case residentId = "DOCUMENT_TYPE_RESIDENT_ID"
    case passport = "DOCUMENT_TYPE_PASSPORT"
    /// 港澳居民来往内地通行证.
    case hkMacaoPermit = "DOCUMENT_TYPE_HK_MACAO_PERMIT"
    /// 台湾居民来往大陆通行证.
    case taiwanPermit = "DOCUMENT_TYPE_TAIWAN_PERMIT"
    /// 外国人永久居留身份证.
    case foreignPermanentResidentId = "DOCUMENT_TYPE_FOREIGN_PERMANENT_RESIDENT_ID"
    /// 军官证 / 士兵证.
    case militaryId = "DOCUMENT_TYPE_MILITARY_ID"
    /// 户口簿.
    case householdRegister = "DOCUMENT_TYPE_HOUSEHOLD_REGISTER"
    /// 出生医学证明, for children without a resident ID.
    case birthCertificate = "DOCUMENT_TYPE_BIRTH_CERTIFICATE"
    /// 统一社会信用代码 (18 characters, GB 32100 check character), for organisations.
    case unifiedSocialCreditCode = "DOCUMENT_TYPE_UNIFIED_SOCIAL_CREDIT_CODE"
    /// 营业执照注册号 or 组织机构代码 from before the unified code.
    case businessRegistration = "DOCUMENT_TYPE_BUSINESS_REGISTRATION"
    case other = "DOCUMENT_TYPE_OTHER"
}

/// A person's sex as a source records it.
public enum Sex: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "SEX_UNSPECIFIED"
    case male = "SEX_MALE"
    case female = "SEX_FEMALE"
}

/// Lifestyle facts declared at underwriting (健康告知), used by scoring's risk grade.
public enum DeclaredHabit: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "DECLARED_HABIT_UNSPECIFIED"
    case smoking = "DECLARED_HABIT_SMOKING"
    case heavyDrinking = "DECLARED_HABIT_HEAVY_DRINKING"
    /// Diving, climbing, motor racing, parachuting...
    case hazardousSports = "DECLARED_HABIT_HAZARDOUS_SPORTS"
    /// Regular travel to high-risk regions.
    case hazardousTravel = "DECLARED_HABIT_HAZARDOUS_TRAVEL"
    case other = "DECLARED_HABIT_OTHER"
}

/// What a normalised value is worth.
public enum FieldValidity: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "FIELD_VALIDITY_UNSPECIFIED"
    /// Passed every check (check digit, format, plausible date...).
    case valid = "FIELD_VALIDITY_VALID"
    /// Failed a check: kept exactly as given, flagged, and never used to link.
    case invalid = "FIELD_VALIDITY_INVALID"
    /// Not given.
    case empty = "FIELD_VALIDITY_EMPTY"
    /// Valid after a repair: a 15-digit resident ID upgraded to 18, "+86" stripped...
    case repaired = "FIELD_VALIDITY_REPAIRED"
}

/// A party's role on a policy.
public enum PartyRole: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PARTY_ROLE_UNSPECIFIED"
    /// 投保人: holds and pays for the policy.
    case policyholder = "PARTY_ROLE_POLICYHOLDER"
    /// 被保险人.
    case insured = "PARTY_ROLE_INSURED"
    /// 受益人.
    case beneficiary = "PARTY_ROLE_BENEFICIARY"
}

/// How an insured or beneficiary stands to the policyholder (与投保人关系), as the source says.
public enum PolicyholderRelation: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "POLICYHOLDER_RELATION_UNSPECIFIED"
    /// 本人: the same person. Write `.self` or `` .`self` ``: both name this case.
    case `self` = "POLICYHOLDER_RELATION_SELF"
    case spouse = "POLICYHOLDER_RELATION_SPOUSE"
    /// The party is the policyholder's child.
    case child = "POLICYHOLDER_RELATION_CHILD"
    /// The party is the policyholder's parent.
    case parent = "POLICYHOLDER_RELATION_PARENT"
    case otherFamily = "POLICYHOLDER_RELATION_OTHER_FAMILY"
    /// The policyholder is the party's employer (group business).
    case employee = "POLICYHOLDER_RELATION_EMPLOYEE"
    case other = "POLICYHOLDER_RELATION_OTHER"
}

/// How often premium is paid.
public enum PaymentMode: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PAYMENT_MODE_UNSPECIFIED"
    /// 趸交: one premium for the whole term.
    case single = "PAYMENT_MODE_SINGLE"
    case annual = "PAYMENT_MODE_ANNUAL"
    case semiAnnual = "PAYMENT_MODE_SEMI_ANNUAL"
    case quarterly = "PAYMENT_MODE_QUARTERLY"
    case monthly = "PAYMENT_MODE_MONTHLY"
}

/// Where a policy stands, as its source system says.
public enum PolicyStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "POLICY_STATUS_UNSPECIFIED"
    /// Applied for, in underwriting, not yet issued.
    case pending = "POLICY_STATUS_PENDING"
    /// 有效.
    case inForce = "POLICY_STATUS_IN_FORCE"
    /// 效力中止: lapsed for non-payment, may still be reinstated.
    case lapsed = "POLICY_STATUS_LAPSED"
    /// 退保.
    case surrendered = "POLICY_STATUS_SURRENDERED"
    /// 满期: reached its end with benefits paid.
    case matured = "POLICY_STATUS_MATURED"
    /// Reached its end date and was not renewed.
    case expired = "POLICY_STATUS_EXPIRED"
    /// Cancelled, e.g. in the cooling-off period (犹豫期撤单).
    case cancelled = "POLICY_STATUS_CANCELLED"
    /// 终止 for another reason, e.g. after a claim that ends cover, or permanent lapse.
    case terminated = "POLICY_STATUS_TERMINATED"
    /// Declined at underwriting (拒保).
    case declined = "POLICY_STATUS_DECLINED"
}

/// Where a premium instalment stands.
public enum PaymentStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "PAYMENT_STATUS_UNSPECIFIED"
    /// Falls due, not yet paid, still within the grace period.
    case due = "PAYMENT_STATUS_DUE"
    case paid = "PAYMENT_STATUS_PAID"
    /// Unpaid past the grace period.
    case overdue = "PAYMENT_STATUS_OVERDUE"
    /// Waived (豁免), e.g. under a premium waiver benefit.
    case waived = "PAYMENT_STATUS_WAIVED"
    /// Paid and then refunded.
    case refunded = "PAYMENT_STATUS_REFUNDED"
}

/// Where a claim stands.
public enum ClaimStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CLAIM_STATUS_UNSPECIFIED"
    /// 报案.
    case reported = "CLAIM_STATUS_REPORTED"
    case underReview = "CLAIM_STATUS_UNDER_REVIEW"
    case approved = "CLAIM_STATUS_APPROVED"
    /// Settled and paid (结案赔付).
    case paid = "CLAIM_STATUS_PAID"
    /// 拒赔.
    case declined = "CLAIM_STATUS_DECLINED"
    case withdrawn = "CLAIM_STATUS_WITHDRAWN"
}

/// A policy-servicing action (保全项目).
public enum ServicingType: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "SERVICING_TYPE_UNSPECIFIED"
    /// 退保.
    case surrender = "SERVICING_TYPE_SURRENDER"
    /// 复效.
    case reinstatement = "SERVICING_TYPE_REINSTATEMENT"
    /// 受益人变更.
    case beneficiaryChange = "SERVICING_TYPE_BENEFICIARY_CHANGE"
    /// 加保: a rider added, sum insured raised.
    case addCover = "SERVICING_TYPE_ADD_COVER"
    /// 减保.
    case reduceCover = "SERVICING_TYPE_REDUCE_COVER"
    case paymentModeChange = "SERVICING_TYPE_PAYMENT_MODE_CHANGE"
    /// Address, phone or bank account change.
    case contactChange = "SERVICING_TYPE_CONTACT_CHANGE"
    /// 保单贷款.
    case policyLoan = "SERVICING_TYPE_POLICY_LOAN"
    /// 部分领取.
    case partialWithdrawal = "SERVICING_TYPE_PARTIAL_WITHDRAWAL"
    case other = "SERVICING_TYPE_OTHER"
}

/// Where a policy-servicing request stands.
public enum ServicingStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "SERVICING_STATUS_UNSPECIFIED"
    /// Asked for, not yet done.
    case requested = "SERVICING_STATUS_REQUESTED"
    case completed = "SERVICING_STATUS_COMPLETED"
    case rejected = "SERVICING_STATUS_REJECTED"
    /// The customer took the request back.
    case withdrawn = "SERVICING_STATUS_WITHDRAWN"
}

/// What kind of contact an interaction record is.
public enum InteractionType: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "INTERACTION_TYPE_UNSPECIFIED"
    case appLogin = "INTERACTION_TYPE_APP_LOGIN"
    /// Inbound or outbound call-centre contact.
    case callCentreContact = "INTERACTION_TYPE_CALL_CENTRE_CONTACT"
    /// 投诉.
    case complaint = "INTERACTION_TYPE_COMPLAINT"
    /// The party referred someone to the insurer (转介绍).
    case referral = "INTERACTION_TYPE_REFERRAL"
    /// The party answered a marketing or retention campaign.
    case campaignResponse = "INTERACTION_TYPE_CAMPAIGN_RESPONSE"
    case branchVisit = "INTERACTION_TYPE_BRANCH_VISIT"
    case agentVisit = "INTERACTION_TYPE_AGENT_VISIT"
    case webVisit = "INTERACTION_TYPE_WEB_VISIT"
    case other = "INTERACTION_TYPE_OTHER"
}

/// The matcher's verdict on a pair or a query record.
public enum MatchOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "MATCH_OUTCOME_UNSPECIFIED"
    /// Total weight at or above the link threshold, no guard rail in the way: same customer.
    case link = "MATCH_OUTCOME_LINK"
    /// Between the thresholds, or a guard rail stopped an automatic link: a person decides.
    case clericalReview = "MATCH_OUTCOME_CLERICAL_REVIEW"
    /// Below the review threshold: a different customer.
    case noLink = "MATCH_OUTCOME_NO_LINK"
}

/// What happened to one record of a batch.
public enum RecordOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "RECORD_OUTCOME_UNSPECIFIED"
    /// First version of a record not seen before: stored.
    case created = "RECORD_OUTCOME_CREATED"
    /// A higher version of a known record: replaced the stored one.
    case updated = "RECORD_OUTCOME_UPDATED"
    /// The same version was already stored: nothing changed (idempotent re-send).
    case unchanged = "RECORD_OUTCOME_UNCHANGED"
    /// A lower version than the stored one: ignored.
    case stale = "RECORD_OUTCOME_STALE"
    /// Not stored: `RecordResult.reason` says why; nothing else in the batch is affected.
    case rejected = "RECORD_OUTCOME_REJECTED"
}

/// Where a clerical review item stands.
public enum ReviewStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "REVIEW_STATUS_UNSPECIFIED"
    /// Waiting for a person.
    case pending = "REVIEW_STATUS_PENDING"
    case decidedLink = "REVIEW_STATUS_DECIDED_LINK"
    case decidedNoLink = "REVIEW_STATUS_DECIDED_NO_LINK"
    /// Overtaken by events (a newer record version, a merge) before anyone decided.
    case superseded = "REVIEW_STATUS_SUPERSEDED"
}

/// A person's decision on a clerical review item.
public enum ReviewDecision: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "REVIEW_DECISION_UNSPECIFIED"
    /// The record and the candidate are the same customer.
    case link = "REVIEW_DECISION_LINK"
    /// They are different customers.
    case noLink = "REVIEW_DECISION_NO_LINK"
}

/// Whether a customer code is a customer, an alias after a merge, or erased.
public enum CustomerStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "CUSTOMER_STATUS_UNSPECIFIED"
    case active = "CUSTOMER_STATUS_ACTIVE"
    /// The code is an alias of another customer after a merge; `survivorCode` names it.
    case merged = "CUSTOMER_STATUS_MERGED"
    /// Personal data erased on request; business records kept without it.
    case erased = "CUSTOMER_STATUS_ERASED"
}

/// A change recorded in the audit trail.
public enum OperationType: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "OPERATION_TYPE_UNSPECIFIED"
    /// A new customer was created for a record that matched no one.
    case customerCreated = "OPERATION_TYPE_CUSTOMER_CREATED"
    /// A record was linked to an existing customer by the matcher.
    case recordLinked = "OPERATION_TYPE_RECORD_LINKED"
    /// A clerical review was decided.
    case reviewDecided = "OPERATION_TYPE_REVIEW_DECIDED"
    case merge = "OPERATION_TYPE_MERGE"
    case split = "OPERATION_TYPE_SPLIT"
    case undo = "OPERATION_TYPE_UNDO"
    case erasure = "OPERATION_TYPE_ERASURE"
    /// The golden record changed (a new record version, a survivorship rule).
    case goldenRecordChanged = "OPERATION_TYPE_GOLDEN_RECORD_CHANGED"
}

/// How two customers are related; read "from <type> to" (see `Relationship`).
public enum RelationshipType: String, Codable, Sendable, Hashable, CaseIterable {
    case unspecified = "RELATIONSHIP_TYPE_UNSPECIFIED"
    /// Same household (家庭): symmetric.
    case household = "RELATIONSHIP_TYPE_HOUSEHOLD"
    /// Spouses: symmetric.
    case spouse = "RELATIONSHIP_TYPE_SPOUSE"
    /// `fromCode` is the parent of `toCode`.
    case parentOf = "RELATIONSHIP_TYPE_PARENT_OF"
    /// `fromCode` holds a policy on which `toCode` is insured.
    case policyholderOfInsured = "RELATIONSHIP_TYPE_POLICYHOLDER_OF_INSURED"
    /// `fromCode` holds a policy of which `toCode` is a beneficiary.
    case policyholderOfBeneficiary = "RELATIONSHIP_TYPE_POLICYHOLDER_OF_BENEFICIARY"
    /// `fromCode` (an organisation) employs `toCode` (group business, 团体).
    case employerOf = "RELATIONSHIP_TYPE_EMPLOYER_OF"
}
