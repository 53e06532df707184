public import Models

/// One policy as scoring keeps it for one customer: the current state identity's `PolicyLinked` carries, with
/// this customer's roles on it. A newer event for the same `policyKey` replaces the whole fact.
public struct PolicyFact: Sendable, Hashable, Codable {
    /// A party's role on a policy (identity's `PartyRole`).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// 投保人: holds and pays for the policy. Only held policies count toward premium, tenure and CLV.
        case policyholder
        /// 被保险人.
        case insured
        /// 受益人.
        case beneficiary
    }

    /// How often premium is paid (identity's `PaymentMode`).
    public enum PaymentMode: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        /// 趸交: one premium for the whole term.
        case single
        case annual
        case semiAnnual
        case quarterly
        case monthly
    }

    /// Where the policy stands now (identity's `PolicyStatus`). The feed carries no status history.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case unspecified
        /// Applied for, not yet issued: no cover.
        case pending
        /// 有效.
        case inForce
        /// 效力中止: lapsed for non-payment; cover stopped on `statusDate`.
        case lapsed
        /// 退保.
        case surrendered
        /// 满期.
        case matured
        /// Reached its end date and was not renewed.
        case expired
        /// Cancelled, e.g. in the cooling-off period.
        case cancelled
        /// 终止 for another reason.
        case terminated
        /// 拒保: never had cover.
        case declined
    }

    /// "<source system>/<policy number>".
    public var policyKey: String
    public var productLine: ProductLine
    /// This customer's roles on the policy (a person may be policyholder and insured at once).
    public var roles: Roles
    /// Premium per instalment of `paymentMode` (for a single premium, the one premium).
    public var premium: Money
    public var paymentMode: PaymentMode
    /// Premium converted to a year, as identity computes it (instalment × instalments a year; a single
    /// premium as paid).
    public var annualisedPremium: Money
    /// Years over which premium is paid; 0 when unknown.
    public var premiumTermYears: Int32
    public var issueDate: CalendarDate?
    /// Cover starts (生效日).
    public var effectiveDate: CalendarDate?
    /// Cover ends; absent for whole-life cover.
    public var endDate: CalendarDate?
    public var status: Status
    /// The day the current status began.
    public var statusDate: CalendarDate?
    /// Key of the policy this one renews; empty for new business.
    public var renewalOf: String
    /// Group (团体) business.
    public var groupPolicy: Bool
    /// Identity's record version: of two facts for one key, the higher wins.
    public var sourceVersion: Int64

    public init(policyKey: String, productLine: ProductLine = .unspecified, roles: Roles = [.policyholder],
                premium: Money, paymentMode: PaymentMode = .annual, annualisedPremium: Money,
                premiumTermYears: Int32 = 0, issueDate: CalendarDate? = nil, effectiveDate: CalendarDate?,
                endDate: CalendarDate? = nil, status: Status = .inForce, statusDate: CalendarDate? = nil,
                renewalOf: String = "", groupPolicy: Bool = false, sourceVersion: Int64 = 1) {
        self.policyKey = policyKey
        self.productLine = productLine
        self.roles = roles
        self.premium = premium
        self.paymentMode = paymentMode
        self.annualisedPremium = annualisedPremium
        self.premiumTermYears = premiumTermYears
        self.issueDate = issueDate
        self.effectiveDate = effectiveDate
        self.endDate = endDate
        self.status = status
        self.statusDate = statusDate
        self.renewalOf = renewalOf
        self.groupPolicy = groupPolicy
        self.sourceVersion = sourceVersion
    }

    /// The customer is the policyholder: the policy is theirs for premium, holding, tenure and CLV.
    public var isHeld: Bool { roles.contains(.policyholder) }

    /// The customer is policyholder or insured: the policy's cover is exposure for their claims.
    public var coversCustomer: Bool { isHeld || roles.contains(.insured) }
}

extension PolicyFact {
    /// A set of `Role`s in a few bits: every metric filters a customer's policies by role, and a `Set` would be
    /// hashed for each test and copied by reference count with each policy.
    public struct Roles: OptionSet, Sendable, Hashable, Codable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        public init(_ role: Role) {
            rawValue = switch role {
            case .policyholder: 1
            case .insured: 2
            case .beneficiary: 4
            }
        }

        public init(_ roles: some Sequence<Role>) {
            self = roles.reduce(into: []) { $0.insert($1) }
        }

        public static let policyholder = Roles(.policyholder)
        public static let insured = Roles(.insured)
        public static let beneficiary = Roles(.beneficiary)

        public func contains(_ role: Role) -> Bool { contains(Roles(role)) }

        public mutating func insert(_ role: Role) { formUnion(Roles(role)) }
    }
}
