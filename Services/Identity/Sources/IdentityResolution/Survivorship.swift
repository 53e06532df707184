public import IdentityAPI
public import Models

/// Builds a customer's golden record from its party records by survivorship rules (issue 3 item 5), with the lineage
/// of each attribute.
///
/// Per attribute, among the records that give it: a value from the first trusted source listed for the attribute
/// wins (`trusted_source:<system>`); otherwise a value given by more records than any other (`most_frequent`);
/// otherwise the most recently updated record's (`most_recent`); a value only one record gives is `only_value`.
/// Phones and declared habits are the union over records, newest first. The address and the document travel as
/// units, never mixed from two records.
public struct Survivorship: Sendable {
    /// Trusted source systems per attribute (PartyDetails field name), most trusted first.
    public var trustedSources: [String: [String]]

    public init(trustedSources: [String: [String]] = [:]) { self.trustedSources = trustedSources }

    /// Reads `attribute=SYS1|SYS2;attribute=…` (the `CLM_IDENTITY_TRUSTED_SOURCES` setting).
    /// - Returns: nil when the text is malformed.
    public init?(parsing text: String) {
        var trusted: [String: [String]] = [:]
        for entry in text.split(separator: ";") where !entry.trimmingSpaces.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let systems = parts[1].split(separator: "|").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
            guard !systems.isEmpty else { return nil }
            trusted[String(parts[0].trimmingSpaces)] = systems
        }
        self.trustedSources = trusted
    }

    /// One party record's contribution.
    public struct Source: Sendable {
        public var ref: SourceRef
        public var updatedAt: Timestamp
        public var details: PartyDetails
        public var checks: [FieldCheck]

        public init(ref: SourceRef, updatedAt: Timestamp, details: PartyDetails, checks: [FieldCheck]) {
            self.ref = ref
            self.updatedAt = updatedAt
            self.details = details
            self.checks = checks
        }
    }

    /// The golden record of a customer whose records are `sources` (at least one).
    public func golden(_ sources: [Source]) -> GoldenRecord {
        let newestFirst = sources.sorted { ($0.updatedAt, $0.ref.sourceKey) > ($1.updatedAt, $1.ref.sourceKey) }
        var golden = GoldenRecord()
        var details = PartyDetails(kind: newestFirst.first?.details.kind ?? .unspecified)
        func pick<Value: Hashable>(_ attribute: String, _ value: (PartyDetails) -> Value?,
                                   _ apply: (Value) -> Void) {
            let candidates = newestFirst.indices.compactMap { index in
                value(newestFirst[index].details).map { (source: index, value: $0) }
            }
            guard !candidates.isEmpty else { return }
            let (chosen, rule) = choose(attribute, candidates, of: newestFirst)
            apply(chosen.value)
            let source = newestFirst[chosen.source]
            golden.lineage.append(AttributeLineage(attribute: attribute, source: source.ref, rule: rule,
                                                   sourceUpdatedAt: source.updatedAt))
        }
        func text(_ keyPath: KeyPath<PartyDetails, String>) -> (PartyDetails) -> String? {
            { $0[keyPath: keyPath].isEmpty ? nil : $0[keyPath: keyPath] }
        }
        pick("full_name", text(\.fullName)) { details.fullName = $0 }
        pick("family_name", text(\.familyName)) { details.familyName = $0 }
        pick("given_name", text(\.givenName)) { details.givenName = $0 }
        pick("document_number", { $0.documentNumber.isEmpty ? nil : DocumentUnit($0) }) {
            details.documentType = $0.type
            details.documentNumber = $0.number
        }
        pick("national_id", text(\.nationalId)) { details.nationalId = $0 }
        pick("birth_date", { $0.birthDate }) { details.birthDate = $0 }
        pick("sex", { $0.sex == .unspecified ? nil : $0.sex }) { details.sex = $0 }
        pick("email", text(\.email)) { details.email = $0 }
        pick("address", { AddressUnit($0) }) { $0.apply(to: &details) }
        pick("occupation", text(\.occupation)) { details.occupation = $0 }
        pick("occupation_class", { $0.occupationClass == 0 ? nil : $0.occupationClass }) { details.occupationClass = $0 }
        pick("unified_social_credit_code", text(\.unifiedSocialCreditCode)) { details.unifiedSocialCreditCode = $0 }
        pick("employer_name", text(\.employerName)) { details.employerName = $0 }
        pick("employer", { $0.employer }) { details.employer = $0 }
        // Unions, newest first.
        for source in newestFirst {
            for phone in source.details.phones where !details.phones.contains(phone) { details.phones.append(phone) }
            for habit in source.details.declaredHabits where !details.declaredHabits.contains(habit) {
                details.declaredHabits.append(habit)
            }
        }
        if let newest = newestFirst.first(where: { !$0.details.phones.isEmpty }) {
            golden.lineage.append(AttributeLineage(attribute: "phones", source: newest.ref, rule: "union",
                                                   sourceUpdatedAt: newest.updatedAt))
        }
        golden.details = details
        golden.checks = newestFirst.flatMap { source in
            source.checks.filter { $0.validity == .invalid }.map {
                FieldCheck(field: $0.field, validity: $0.validity,
                           note: "\(source.ref.sourceSystem)/\(source.ref.sourceKey): \($0.note)")
            }
        }
        return golden
    }

    /// The winning candidate and the rule that chose it; candidates are newest first, each an index into `sources`.
    private func choose<Value: Hashable>(_ attribute: String, _ candidates: [(source: Int, value: Value)],
                                         of sources: [Source]) -> ((source: Int, value: Value), String) {
        if candidates.count == 1 { return (candidates[0], "only_value") }
        for system in trustedSources[attribute] ?? [] {
            if let trusted = candidates.first(where: { sources[$0.source].ref.sourceSystem == system }) {
                return (trusted, "trusted_source:" + system)
            }
        }
        var counts: [Value: Int] = [:]
        for candidate in candidates { counts[candidate.value, default: 0] += 1 }
        let top = counts.values.max()!
        let leaders = counts.filter { $0.value == top }
        if top > 1, leaders.count == 1, let winner = candidates.first(where: { $0.value == leaders.first!.key }) {
            return (winner, "most_frequent")
        }
        return (candidates[0], "most_recent")
    }

    /// The non-personal attributes the feed carries, from a golden record.
    public static func profile(_ golden: GoldenRecord, employerCustomerCode: String = "") -> CustomerProfile {
        let details = golden.details
        return CustomerProfile(kind: details.kind, birthYear: details.birthDate?.year ?? 0, sex: details.sex,
                               occupationClass: details.occupationClass, declaredHabits: details.declaredHabits,
                               province: details.province, city: details.city,
                               employerCustomerCode: employerCustomerCode)
    }
}

/// A document type and number, chosen together.
private struct DocumentUnit: Hashable {
    var type: IdentityAPI.DocumentType
    var number: String
    init(_ details: PartyDetails) {
        type = details.documentType
        number = details.documentNumber
    }
}

/// The parts of an address, chosen together.
private struct AddressUnit: Hashable {
    var lines: [String], streetNumber: String, city: String, province: String, postcode: String, country: String
    init?(_ details: PartyDetails) {
        lines = details.addressLines
        streetNumber = details.streetNumber
        city = details.city
        province = details.province
        postcode = details.postcode
        country = details.country
        if lines.isEmpty, streetNumber.isEmpty, city.isEmpty, province.isEmpty, postcode.isEmpty { return nil }
    }
    func apply(to details: inout PartyDetails) {
        details.addressLines = lines
        details.streetNumber = streetNumber
        details.city = city
        details.province = province
        details.postcode = postcode
        details.country = country
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
