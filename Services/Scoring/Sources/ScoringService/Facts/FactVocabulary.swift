import IdentityAPI
import Models
import ScoringModel
import Store

/// Identity's enumerations, as stored (their proto names), in ScoringModel's words: each a vocabulary that matches a
/// stored name on its bytes (`PostgresRow.decode(_:_:)`). A name the stored text does not match reads as unspecified.
enum FactVocabulary {
    static let partyKinds = vocabulary(partyKind)
    static let sexes = vocabulary(sex)
    /// Nil for an unspecified habit or role, which says nothing.
    static let habits = vocabulary(habit)
    static let roles = vocabulary(role)
    static let paymentModes = vocabulary(paymentMode)
    static let policyStatuses = vocabulary(policyStatus)
    static let paymentStatuses = vocabulary(paymentStatus)
    static let claimStatuses = vocabulary(claimStatus)
    static let servicingKinds = vocabulary(servicingKind)
    static let servicingStatuses = vocabulary(servicingStatus)
    static let interactionKinds = vocabulary(interactionKind)
    static let productLines = PostgresVocabulary(ProductLine.allCases.map { ($0.rawValue, $0) }, otherwise: .unspecified)
    static let channels = PostgresVocabulary(ContactChannel.allCases.map { ($0.rawValue, $0) }, otherwise: .unspecified)

    /// Every name of `Name` with what `map` makes of it; any other name maps as `.unspecified` does.
    private static func vocabulary<Name: RawRepresentable & CaseIterable & UnspecifiedCase, Value>(
        _ map: (Name) -> Value
    ) -> PostgresVocabulary<Value> where Name.RawValue == String {
        PostgresVocabulary(Name.allCases.map { ($0.rawValue, map($0)) }, otherwise: map(.unspecified))
    }

    private static func partyKind(_ value: PartyKind) -> DeclaredProfile.PartyKind {
        switch value {
        case .unspecified: .unspecified
        case .individual: .individual
        case .organisation: .organisation
        }
    }

    private static func sex(_ value: Sex) -> DeclaredProfile.Sex {
        switch value {
        case .unspecified: .unspecified
        case .male: .male
        case .female: .female
        }
    }

    /// Nil for an unspecified habit, which says nothing.
    private static func habit(_ value: DeclaredHabit) -> DeclaredProfile.Habit? {
        switch value {
        case .unspecified: nil
        case .smoking: .smoking
        case .heavyDrinking: .heavyDrinking
        case .hazardousSports: .hazardousSports
        case .hazardousTravel: .hazardousTravel
        case .other: .other
        }
    }

    /// Nil for an unspecified role, which gives the customer no place on the policy.
    private static func role(_ value: PartyRole) -> PolicyFact.Role? {
        switch value {
        case .unspecified: nil
        case .policyholder: .policyholder
        case .insured: .insured
        case .beneficiary: .beneficiary
        }
    }

    private static func paymentMode(_ value: PaymentMode) -> PolicyFact.PaymentMode {
        switch value {
        case .unspecified: .unspecified
        case .single: .single
        case .annual: .annual
        case .semiAnnual: .semiAnnual
        case .quarterly: .quarterly
        case .monthly: .monthly
        }
    }

    private static func policyStatus(_ value: PolicyStatus) -> PolicyFact.Status {
        switch value {
        case .unspecified: .unspecified
        case .pending: .pending
        case .inForce: .inForce
        case .lapsed: .lapsed
        case .surrendered: .surrendered
        case .matured: .matured
        case .expired: .expired
        case .cancelled: .cancelled
        case .terminated: .terminated
        case .declined: .declined
        }
    }

    private static func paymentStatus(_ value: PaymentStatus) -> PaymentFact.Status {
        switch value {
        case .unspecified: .unspecified
        case .due: .due
        case .paid: .paid
        case .overdue: .overdue
        case .waived: .waived
        case .refunded: .refunded
        }
    }

    private static func claimStatus(_ value: ClaimStatus) -> ClaimFact.Status {
        switch value {
        case .unspecified: .unspecified
        case .reported: .reported
        case .underReview: .underReview
        case .approved: .approved
        case .paid: .paid
        case .declined: .declined
        case .withdrawn: .withdrawn
        }
    }

    private static func servicingKind(_ value: ServicingType) -> ServicingFact.Kind {
        switch value {
        case .unspecified: .unspecified
        case .surrender: .surrender
        case .reinstatement: .reinstatement
        case .beneficiaryChange: .beneficiaryChange
        case .addCover: .addCover
        case .reduceCover: .reduceCover
        case .paymentModeChange: .paymentModeChange
        case .contactChange: .contactChange
        case .policyLoan: .policyLoan
        case .partialWithdrawal: .partialWithdrawal
        case .other: .other
        }
    }

    private static func servicingStatus(_ value: ServicingStatus) -> ServicingFact.Status {
        switch value {
        case .unspecified: .unspecified
        case .requested: .requested
        case .completed: .completed
        case .rejected: .rejected
        case .withdrawn: .withdrawn
        }
    }

    private static func interactionKind(_ value: InteractionType) -> InteractionFact.Kind {
        switch value {
        case .unspecified: .unspecified
        case .appLogin: .appLogin
        case .callCentreContact: .callCentreContact
        case .complaint: .complaint
        case .referral: .referral
        case .campaignResponse: .campaignResponse
        case .branchVisit: .branchVisit
        case .agentVisit: .agentVisit
        case .webVisit: .webVisit
        case .other: .other
        }
    }
}

/// An enumeration with a case for "not given", which a name it does not know reads as.
protocol UnspecifiedCase {
    static var unspecified: Self { get }
}

extension PartyKind: UnspecifiedCase {}
extension Sex: UnspecifiedCase {}
extension DeclaredHabit: UnspecifiedCase {}
extension PartyRole: UnspecifiedCase {}
extension PaymentMode: UnspecifiedCase {}
extension PolicyStatus: UnspecifiedCase {}
extension PaymentStatus: UnspecifiedCase {}
extension ClaimStatus: UnspecifiedCase {}
extension ServicingType: UnspecifiedCase {}
extension ServicingStatus: UnspecifiedCase {}
extension InteractionType: UnspecifiedCase {}
