import IdentityAPI

/// The golden-record attributes (PartyDetails field names) that differ between two versions, for CustomerUpdated.
enum GoldenDiff {
    static func changed(_ old: PartyDetails?, _ new: PartyDetails) -> [String] {
        guard let old else { return ["created"] }
        var changed: [String] = []
        func check<V: Equatable>(_ name: String, _ keyPath: KeyPath<PartyDetails, V>) {
            if old[keyPath: keyPath] != new[keyPath: keyPath] { changed.append(name) }
        }
        check("kind", \.kind)
        check("full_name", \.fullName)
        check("given_name", \.givenName)
        check("family_name", \.familyName)
        check("document_number", \.documentNumber)
        check("national_id", \.nationalId)
        check("birth_date", \.birthDate)
        check("sex", \.sex)
        check("phones", \.phones)
        check("email", \.email)
        check("address_lines", \.addressLines)
        check("city", \.city)
        check("province", \.province)
        check("postcode", \.postcode)
        check("occupation", \.occupation)
        check("occupation_class", \.occupationClass)
        check("declared_habits", \.declaredHabits)
        check("unified_social_credit_code", \.unifiedSocialCreditCode)
        check("employer_name", \.employerName)
        check("employer", \.employer)
        return changed
    }
}
