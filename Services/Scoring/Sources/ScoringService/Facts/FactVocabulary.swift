import IdentityAPI
import ScoringModel

/// Identity's enumerations, as stored (their proto names), in ScoringModel's words. A name the stored text does not
/// match reads as unspecified.
enum FactVocabulary {
    static func partyKind(_ name: String) -> DeclaredProfile.PartyKind {
        switch PartyKind(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .individual: .individual
        case .organisation: .organisation
        }
    }

    static func sex(_ name: String) -> DeclaredProfile.Sex {
        switch Sex(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .male: .male
        case .female: .female
        }
    }

    /// Nil for an unspecified habit, which says nothing.
    static func habit(_ name: String) -> DeclaredProfile.Habit? {
        switch DeclaredHabit(rawValue: name) ?? .unspecified {
        case .unspecified: nil
        case .smoking: .smoking
        case .heavyDrinking: .heavyDrinking
        case .hazardousSports: .hazardousSports
        case .hazardousTravel: .hazardousTravel
        case .other: .other
        }
    }

    /// Nil for an unspecified role, which gives the customer no place on the policy.
    static func role(_ name: String) -> PolicyFact.Role? {
        switch PartyRole(rawValue: name) ?? .unspecified {
        case .unspecified: nil
        case .policyholder: .policyholder
        case .insured: .insured
        case .beneficiary: .beneficiary
        }
    }

    static func paymentMode(_ name: String) -> PolicyFact.PaymentMode {
        switch PaymentMode(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .single: .single
        case .annual: .annual
        case .semiAnnual: .semiAnnual
        case .quarterly: .quarterly
        case .monthly: .monthly
        }
    }

    static func policyStatus(_ name: String) -> PolicyFact.Status {
        switch PolicyStatus(rawValue: name) ?? .unspecified {
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

    static func paymentStatus(_ name: String) -> PaymentFact.Status {
        switch PaymentStatus(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .due: .due
        case .paid: .paid
        case .overdue: .overdue
        case .waived: .waived
        case .refunded: .refunded
        }
    }

    static func claimStatus(_ name: String) -> ClaimFact.Status {
        switch ClaimStatus(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .reported: .reported
        case .underReview: .underReview
        case .approved: .approved
        case .paid: .paid
        case .declined: .declined
        case .withdrawn: .withdrawn
        }
    }

    static func servicingKind(_ name: String) -> ServicingFact.Kind {
        switch ServicingType(rawValue: name) ?? .unspecified {
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

    static func servicingStatus(_ name: String) -> ServicingFact.Status {
        switch ServicingStatus(rawValue: name) ?? .unspecified {
        case .unspecified: .unspecified
        case .requested: .requested
        case .completed: .completed
        case .rejected: .rejected
        case .withdrawn: .withdrawn
        }
    }

    static func interactionKind(_ name: String) -> InteractionFact.Kind {
        switch InteractionType(rawValue: name) ?? .unspecified {
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
