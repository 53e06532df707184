public import IdentityAPI
import IdentityNormalization
public import Models

/// Normalises a party record's details for storage, display and matching (DESIGN.md §1, issue 3 item 2).
///
/// Every field goes through its normaliser in IdentityNormalization. An invalid value is flagged in `checks`, left
/// out of the normalised details and never matched on; the record itself is always accepted. A resident ID number
/// also supplies the birth date and sex for matching when the record has none, and is cross-checked against them.
public struct PartyNormalizer: Sendable {
    /// The reference day for "a birth date in the future"; nil means today.
    public var today: CalendarDate?

    public init(today: CalendarDate? = nil) { self.today = today }

    /// Normalises one party's details. Today's date is looked up once for all the fields that need it.
    public func normalize(_ given: PartyDetails) -> NormalizedParty {
        var work = Work(given: given, today: today ?? CalendarRules.today())
        work.kind()
        work.birthDateAndSex()
        work.documents()
        work.name()
        work.contacts()
        work.address()
        work.carriedOver()
        return NormalizedParty(details: work.details, checks: work.checks, matchFields: work.fields,
                               identifiers: work.identifiers)
    }
}

/// One normalisation in progress.
struct Work {
    typealias F = PartyMatching.Field
    let given: PartyDetails
    let today: CalendarDate
    var details = PartyDetails()
    var checks: [FieldCheck] = []
    var fields: [String: [String]] = [:]
    var identifiers: [String: String] = [:]
    var declaredBirthDate: CalendarDate?
    var declaredSex: IdentityNormalization.Sex?

    init(given: PartyDetails, today: CalendarDate) {
        self.given = given
        self.today = today
    }

    var isOrganisation: Bool { details.kind == .organisation }

    mutating func kind() {
        // A record with a credit code and no person's attributes is an organisation even when the source left the
        // kind out.
        var kind = given.kind
        if kind == .unspecified {
            let personal = given.birthDate != nil || given.sex != .unspecified || !given.givenName.isEmpty
            kind = !given.unifiedSocialCreditCode.isEmpty && !personal ? .organisation : .individual
        }
        details.kind = kind
        fields[F.kind] = [kind == .organisation ? "organisation" : "individual"]
    }

    mutating func birthDateAndSex() {
        if let date = given.birthDate {
            let parsed = BirthDateParser.parse(date.description, today: today)
            record("birth_date", parsed)
            if let value = parsed.value {
                declaredBirthDate = value
                details.birthDate = value
                fields[F.birthDate] = [value.description]
            }
        } else if let raw = otherAttribute("birth_date") {
            // The importer could not read it as a date and passed it on as given, to be flagged here.
            record("birth_date", BirthDateParser.parse(raw, today: today))
        }
        switch given.sex {
        case .male: declaredSex = .male
        case .female: declaredSex = .female
        case .unspecified: break
        }
        details.sex = given.sex
        if let declaredSex { fields[F.sex] = [declaredSex.rawValue] }
    }

    mutating func documents() {
        var found: [(field: String, raw: String, type: IdentityNormalization.DocumentType)] = []
        if !given.documentNumber.isEmpty {
            found.append(("document_number", given.documentNumber,
                          Self.documentType(given.documentType, number: given.documentNumber)))
        }
        if !given.nationalId.isEmpty { found.append(("national_id", given.nationalId, .residentID)) }
        if !given.unifiedSocialCreditCode.isEmpty {
            found.append(("unified_social_credit_code", given.unifiedSocialCreditCode, .unifiedSocialCreditCode))
        }
        for document in found {
            let normalized = DocumentNormalizer.normalize(document.raw, type: document.type,
                                                          declaredBirthDate: declaredBirthDate,
                                                          declaredSex: declaredSex, today: today)
            record(document.field, normalized)
            guard let number = normalized.value else { continue }
            fields[F.document, default: []].append("\(number.type.code):\(number.number)")
            switch document.field {
            case "national_id": details.nationalId = number.number
            case "unified_social_credit_code": details.unifiedSocialCreditCode = number.number
            default:
                details.documentNumber = number.number
                details.documentType = Self.apiType(number.type)
            }
            if Self.guardedTypes.contains(number.type) { identifiers[number.type.code] = number.number }
            if let resident = number.residentID {
                // Birth date and sex from the ID stand in when the record has none.
                if fields[F.birthDate] == nil { fields[F.birthDate] = [resident.birthDate.description] }
                if fields[F.sex] == nil { fields[F.sex] = [resident.sex.rawValue] }
            }
        }
        if var values = fields[F.document] {
            values = Array(Set(values)).sorted()
            fields[F.document] = values
        }
    }

    mutating func name() {
        if isOrganisation {
            let text = given.fullName.isEmpty ? [given.familyName, given.givenName].joined() : given.fullName
            let key = TextNormalizer.comparisonKey(text).filter { $0 != " " }
            details.fullName = key
            if !key.isEmpty { fields[F.organisationName] = [key] }
            return
        }
        let normalized = PersonNameNormalizer.normalize(fullName: given.fullName, given: given.givenName,
                                                        family: given.familyName)
        record(given.givenName.isEmpty && given.familyName.isEmpty ? "full_name" : "given_name", normalized)
        guard let name = normalized.value else { return }
        details.fullName = name.full
        details.familyName = name.family
        details.givenName = ([name.given] + name.middle).filter { !$0.isEmpty }.joined(separator: " ")
        if !name.family.isEmpty { fields[F.familyName] = [name.family] }
        if !name.given.isEmpty {
            let formal = name.canonicalGiven
            fields[F.givenName] = formal != name.given && !formal.isEmpty ? [name.given, formal] : [name.given]
        }
    }

    mutating func contacts() {
        for (index, raw) in given.phones.enumerated() where !raw.isEmpty {
            let phone = PhoneNormalizer.normalize(raw)
            record("phones[\(index)]", phone)
            guard let number = phone.value?.number else { continue }
            details.phones.append(number)
            if !(fields[F.phone]?.contains(number) ?? false) { fields[F.phone, default: []].append(number) }
        }
        if !given.email.isEmpty {
            let email = EmailNormalizer.normalize(given.email)
            record("email", email)
            if let address = email.value?.address {
                details.email = address
                fields[F.email] = [address]
            }
        }
    }

    mutating func address() {
        let normalized = AddressNormalizer.normalize(
            lines: given.addressLines, streetNumber: given.streetNumber, city: given.city,
            province: given.province, postcode: given.postcode, country: given.country)
        record("address_lines", normalized)
        details.country = given.country
        guard let address = normalized.value else { return }
        switch address {
        case .chinese(let parts):
            details.province = parts.province ?? ""
            details.city = [parts.city == parts.province ? nil : parts.city, parts.district]
                .compactMap { $0 }.joined()
            details.addressLines = [[parts.township, parts.street].compactMap { $0 }.joined(), parts.detail ?? ""]
                .filter { !$0.isEmpty }
            details.streetNumber = parts.houseNumber ?? ""
            details.postcode = parts.postcode ?? ""
            put(F.locality, parts.district ?? parts.city)
            let building = [parts.street, parts.houseNumber.map { $0 + "号" }, parts.buildingKey].compactMap { $0 }
            put(F.address, building.joined())
            put(F.postcode, parts.postcode)
        case .western(let parts):
            details.province = parts.state ?? ""
            details.city = [parts.suburb, parts.city].compactMap { $0 }.joined(separator: ", ")
            details.addressLines = [[parts.houseNumber, parts.street].compactMap { $0 }.joined(separator: " ")]
                .filter { !$0.isEmpty }
            details.streetNumber = parts.houseNumber ?? ""
            details.postcode = parts.postcode ?? ""
            put(F.locality, parts.suburb ?? parts.city)
            let street = [parts.unit.map { "unit " + $0 }, parts.houseNumber, parts.street].compactMap { $0 }
            put(F.address, street.joined(separator: " "))
            put(F.postcode, parts.postcode)
        }
    }

    /// Attributes that are not matched are kept as given (trimmed), so the golden record can show them.
    mutating func carriedOver() {
        details.occupation = TextNormalizer.clean(given.occupation)
        details.occupationClass = (1...6).contains(given.occupationClass) ? given.occupationClass : 0
        if given.occupationClass != 0, details.occupationClass == 0 {
            checks.append(FieldCheck(field: "occupation_class", validity: .invalid,
                                     note: "occupation class \(given.occupationClass) is not 1–6"))
        }
        details.declaredHabits = given.declaredHabits.filter { $0 != .unspecified }
        details.employerName = TextNormalizer.clean(given.employerName)
        details.employer = given.employer
        details.otherAttributes = given.otherAttributes
    }

    // MARK: Helpers

    mutating func put(_ field: String, _ value: String?) {
        if let value, !value.isEmpty { fields[field] = [value] }
    }

    func otherAttribute(_ key: String) -> String? {
        given.otherAttributes.first { $0.key == key }?.value
    }

    /// Adds the check of one normalised field: invalid, repaired, or valid with warnings; nothing for a clean
    /// valid value or an empty one.
    mutating func record<Value>(_ field: String, _ normalized: Normalized<Value>) {
        let note = normalized.problems.map(\.message).joined(separator: "; ")
        switch normalized.validity {
        case .empty: return
        case .invalid: checks.append(FieldCheck(field: field, validity: .invalid, note: note))
        case .repaired: checks.append(FieldCheck(field: field, validity: .repaired, note: note))
        case .valid:
            if !note.isEmpty { checks.append(FieldCheck(field: field, validity: .valid, note: note)) }
        }
    }

    /// Types whose numbers carry a check character: a valid one is trustworthy enough to forbid an automatic link
    /// to a cluster holding another. Numbers without one (passports, "other") may differ by a typo, so the
    /// matcher weighs them instead.
    static let guardedTypes: Set<IdentityNormalization.DocumentType> = [.residentID, .unifiedSocialCreditCode]

    /// The document type as given, or guessed from the number's shape when the source gave none.
    static func documentType(_ type: IdentityAPI.DocumentType, number: String) -> IdentityNormalization.DocumentType {
        if let known = normalizationType(type) { return known }
        let compact = TextNormalizer.foldWidth(number).filter { !$0.isWhitespace }
        let digits = compact.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        return (compact.count == 18 || compact.count == 15) && digits ? .residentID : .other
    }
}
