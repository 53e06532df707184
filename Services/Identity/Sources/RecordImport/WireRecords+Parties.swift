public import IdentityAPI
import Models

extension WireRecordConverter {
    /// A party row as a `PartyRecord`.
    ///
    /// Rejected only for what the service cannot take at all: a kind, document type, sex or habit that is none of
    /// the choices, an occupation class that is not 1–6, a version that is not a positive integer, an update time
    /// that cannot be read. A birth date that cannot be read goes on as the `other_attributes` entry `birth_date`;
    /// names, ID numbers, phones, e-mail and addresses go as given, for the service to normalise and flag.
    public func party(_ record: ImportRecord) -> Result<PartyRecord, RowRejection> {
        precondition(record.kind == .parties, "party(_:) converts party rows, not \(record.kind)")
        return convert(record) { (fields: FieldReader) throws(RowRejection) -> PartyRecord in
            var details = PartyDetails()
            details.kind = try fields.choice("kind", PartyKind.self) ?? .unspecified
            details.fullName = fields.text("full_name")
            details.givenName = fields.text("given_name")
            details.familyName = fields.text("family_name")
            details.documentType = try fields.choice("document_type", IdentityAPI.DocumentType.self) ?? .unspecified
            details.documentNumber = fields.text("document_number")
            details.nationalId = fields.text("national_id")
            var others = record.otherAttributes.map { KeyValue(key: $0.key, value: $0.value) }
            if let raw = record.value("birth_date") {
                switch ValueReading.date(raw, order: options.dayMonthOrder) {
                case .success(let date): details.birthDate = date
                case .failure: others.append(KeyValue(key: "birth_date", value: raw))
                }
            }
            details.sex = try fields.choice("sex", IdentityAPI.Sex.self) ?? .unspecified
            details.phones = fields.texts("phones")
            details.email = fields.text("email")
            details.addressLines = fields.texts("address_lines")
            details.streetNumber = fields.text("street_number")
            details.city = fields.text("city")
            details.province = fields.text("province")
            details.postcode = fields.text("postcode")
            details.country = fields.text("country")
            details.occupation = fields.text("occupation")
            details.occupationClass = try fields.int32("occupation_class", in: 1...6)
            details.declaredHabits = try fields.choices("declared_habits", DeclaredHabit.self)
            details.unifiedSocialCreditCode = fields.text("unified_social_credit_code")
            details.employerName = fields.text("employer_name")
            details.employer = fields.partyRef("employer")
            details.otherAttributes = others
            return PartyRecord(ref: fields.ref, sourceVersion: try fields.sourceVersion(),
                               sourceUpdatedAt: try fields.timestamp("source_updated_at"), details: details)
        }
    }
}
