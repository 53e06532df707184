public import IdentityMatching

/// How party records are matched: the fields a normalised party offers the matcher, and the default settings.
///
/// The same fields serve Chinese and Latin-script records: names split into family and given name (with pinyin and
/// nickname levels), dates, document numbers, phones and an address broken into parts that Chinese and Western
/// addresses both have. Nothing here is tuned to one data set; the model's m and u are estimated from the data.
public enum PartyMatching {
    /// Match-field names, as `NormalizedParty.matchFields` holds them.
    public enum Field {
        public static let kind = "kind"
        public static let familyName = "family_name"
        /// The given name and, when different, its formal form (`bob` → also `robert`).
        public static let givenName = "given_name"
        /// An organisation's name in comparison form.
        public static let organisationName = "organisation_name"
        /// `YYYY-MM-DD`, declared or derived from a resident ID number.
        public static let birthDate = "birth_date"
        public static let sex = "sex"
        /// `<document type>:<number>`, valid numbers only.
        public static let document = "document"
        public static let phone = "phone"
        public static let email = "email"
        /// City, district or suburb: the smallest named place above the street.
        public static let locality = "locality"
        /// Street, number and building (or unit) in one comparison key: the parts of an address are one piece of
        /// evidence, not five, so the model is not led to mistake a household for a person.
        public static let address = "address"
        public static let postcode = "postcode"
    }

    /// The default settings: every field, general blocking rules, and the matcher's own defaults for estimation
    /// and thresholds.
    public static let settings: MatchSettings = {
        typealias F = Field
        var settings = MatchSettings(
            fields: [
                .category(F.kind),
                .name(F.familyName), .name(F.givenName), .name(F.organisationName),
                .date(F.birthDate), .category(F.sex),
                .code(F.document), .code(F.phone), .code(F.email),
                .text(F.locality), .text(F.address), .code(F.postcode),
            ],
            blockingRules: [
                .on(.value(F.document), name: "document"),
                .on(.value(F.phone), name: "phone"),
                .on(.value(F.email), name: "email"),
                .on(.value(F.familyName), .value(F.givenName), .year(F.birthDate), name: "name_year"),
                .on(.derived(F.familyName, .pinyin), .derived(F.givenName, .pinyin), .year(F.birthDate),
                    name: "name_pinyin_year"),
                .on(.value(F.birthDate), .prefix(F.familyName, 1), name: "birth_family"),
                .on(.value(F.birthDate), .prefix(F.givenName, 1), name: "birth_given"),
                .on(.value(F.postcode), .prefix(F.familyName, 1), .prefix(F.givenName, 1), name: "postcode_initials"),
                .on(.derived(F.familyName, .soundex), .year(F.birthDate), name: "soundex_year"),
                .on(.value(F.address), name: "address"),
                .on(.value(F.organisationName), name: "organisation"),
            ])
        settings.blockSizeCap = 500
        return settings
    }()
}
