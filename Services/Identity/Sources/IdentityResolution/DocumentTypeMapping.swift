import IdentityAPI
import IdentityNormalization

// identity.proto's `DocumentType` and IdentityNormalization's are the same list; these map one onto the other.

extension Work {
    /// The normaliser's type for a wire type; nil for `unspecified`.
    static func normalizationType(_ type: IdentityAPI.DocumentType) -> IdentityNormalization.DocumentType? {
        switch type {
        case .unspecified: nil
        case .residentId: .residentID
        case .passport: .passport
        case .hkMacaoPermit: .hkMacaoPermit
        case .taiwanPermit: .taiwanPermit
        case .foreignPermanentResidentId: .foreignPermanentResidentID
        case .militaryId: .militaryID
        case .householdRegister: .householdRegister
        case .birthCertificate: .birthCertificate
        case .unifiedSocialCreditCode: .unifiedSocialCreditCode
        case .businessRegistration: .businessRegistration
        case .other: .other
        }
    }

    /// The wire type for a normaliser's type.
    static func apiType(_ type: IdentityNormalization.DocumentType) -> IdentityAPI.DocumentType {
        switch type {
        case .residentID: .residentId
        case .passport: .passport
        case .hkMacaoPermit: .hkMacaoPermit
        case .taiwanPermit: .taiwanPermit
        case .foreignPermanentResidentID: .foreignPermanentResidentId
        case .militaryID: .militaryId
        case .householdRegister: .householdRegister
        case .birthCertificate: .birthCertificate
        case .unifiedSocialCreditCode: .unifiedSocialCreditCode
        case .businessRegistration: .businessRegistration
        case .other: .other
        }
    }
}
