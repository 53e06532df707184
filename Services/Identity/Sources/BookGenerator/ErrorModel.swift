/// One kind of error the generator writes into a party record, named as in truth.csv's `errors` column.
public enum ErrorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Name written with traditional characters (张 → 張) — every character that has a traditional form.
    case nameTraditional = "name_traditional"
    /// One given-name character replaced by another of the same reading (伟 → 玮). Persons only.
    case nameHomophone = "name_homophone"
    /// A space inside the name (`张 伟`, `王 小 明`; an organisation's `华兴科技 有限公司`).
    case nameSpace = "name_space"
    /// Organisations: the name without its region prefix (广州华兴科技有限公司 → 华兴科技有限公司).
    case nameAbbreviated = "name_abbreviated"
    /// The ID number and phone written in full-width digits (１１０１…).
    case fullWidthDigits = "full_width_digits"
    /// The resident ID in the 15-digit form of before 1999 (persons born before 2000 only).
    case idLegacy15 = "id_legacy15"
    /// Two adjacent different digits of an 18-character ID number (or credit code) swapped: fails its check
    /// character. Never applied to a legacy 15-digit number, which has no check character.
    case idTransposed = "id_transposed"
    /// No ID number (and no ID type).
    case idMissing = "id_missing"
    /// No phone.
    case phoneMissing = "phone_missing"
    /// A newer phone number than the one the entity had; the record's `updated_at` is recent (2024–2025).
    case phoneChanged = "phone_changed"
    /// Two adjacent digits of the phone swapped.
    case phoneTransposed = "phone_transposed"
    /// The phone of the customer's agent instead of their own (one agent's phone is shared by many customers).
    case agentPhone = "agent_phone"
    /// A placeholder phone (`13800000000`, `00000000000`, `11111111111`).
    case phonePlaceholder = "phone_placeholder"
    /// Province and city without their suffixes (广东省 → 广东, 广州市 → 广州).
    case addressNoSuffix = "address_no_suffix"
    /// Another building notation (3栋2单元502室 → 3幢2单元502 / 3号楼2单元502室 / 3-2-502).
    case addressBuilding = "address_building"
    /// House, building and room numbers in Chinese numerals (12号 → 十二号, 502室 → 五零二室).
    case addressNumerals = "address_numerals"
    /// The whole address in `address_line` (province, city and district included), province and city empty.
    case addressOneLine = "address_one_line"
    /// A former address (another district, street and building): the entity moved since.
    case addressOld = "address_old"
    /// No address at all.
    case addressMissing = "address_missing"
    /// No birth date (persons).
    case birthMissing = "birth_missing"
    /// The birth date in a format other than the system's usual one (YYYYMMDD, YYYY/MM/DD, YYYY年M月D日, ISO).
    case birthFormat = "birth_format"
    /// A placeholder birth date, 1900-01-01.
    case birthPlaceholder = "birth_placeholder"
    /// The opposite sex.
    case sexWrong = "sex_wrong"
    /// A second record of the same entity in the same system (per entity, not per record).
    case duplicateInSystem = "duplicate_in_system"

    /// The position in `allCases`, for array-indexed tallies.
    var ordinal: Int {
        switch self {
        case .nameTraditional: 0
        case .nameHomophone: 1
        case .nameSpace: 2
        case .nameAbbreviated: 3
        case .fullWidthDigits: 4
        case .idLegacy15: 5
        case .idTransposed: 6
        case .idMissing: 7
        case .phoneMissing: 8
        case .phoneChanged: 9
        case .phoneTransposed: 10
        case .agentPhone: 11
        case .phonePlaceholder: 12
        case .addressNoSuffix: 13
        case .addressBuilding: 14
        case .addressNumerals: 15
        case .addressOneLine: 16
        case .addressOld: 17
        case .addressMissing: 18
        case .birthMissing: 19
        case .birthFormat: 20
        case .birthPlaceholder: 21
        case .sexWrong: 22
        case .duplicateInSystem: 23
        }
    }
}

/// The probability of each error. Each applies independently to each party record (`duplicateInSystem` once per
/// entity), so a record may carry several. A rate is only drawn where the error can apply: a homophone needs a
/// given-name character with a homophone, a legacy ID a birth year before 2000, a phone change a phone.
public struct ErrorRates: Sendable, Hashable, Codable {
    public var rates: [ErrorKind: Double]

    /// The defaults, chosen to look like a mid-sized insurer's systems:
    ///
    /// | error | rate | error | rate |
    /// |---|---|---|---|
    /// | name_traditional | 0.03 | phone_placeholder | 0.01 |
    /// | name_homophone | 0.02 | address_no_suffix | 0.15 |
    /// | name_space | 0.03 | address_building | 0.15 |
    /// | name_abbreviated | 0.10 | address_numerals | 0.05 |
    /// | full_width_digits | 0.02 | address_one_line | 0.10 |
    /// | id_legacy15 | 0.03 | address_old | 0.04 |
    /// | id_transposed | 0.01 | address_missing | 0.03 |
    /// | id_missing | 0.03 | birth_missing | 0.04 |
    /// | phone_missing | 0.08 | birth_format | 0.10 |
    /// | phone_changed | 0.06 | birth_placeholder | 0.01 |
    /// | phone_transposed | 0.01 | sex_wrong | 0.005 |
    /// | agent_phone | 0.02 | duplicate_in_system | 0.03 |
    public static let defaults = ErrorRates(rates: [
        .nameTraditional: 0.03, .nameHomophone: 0.02, .nameSpace: 0.03, .nameAbbreviated: 0.10,
        .fullWidthDigits: 0.02, .idLegacy15: 0.03, .idTransposed: 0.01, .idMissing: 0.03,
        .phoneMissing: 0.08, .phoneChanged: 0.06, .phoneTransposed: 0.01, .agentPhone: 0.02, .phonePlaceholder: 0.01,
        .addressNoSuffix: 0.15, .addressBuilding: 0.15, .addressNumerals: 0.05, .addressOneLine: 0.10,
        .addressOld: 0.04, .addressMissing: 0.03, .birthMissing: 0.04, .birthFormat: 0.10, .birthPlaceholder: 0.01,
        .sexWrong: 0.005, .duplicateInSystem: 0.03,
    ])

    /// No errors at all: every record carries its entity's true values.
    public static let none = ErrorRates(rates: [:])

    public init(rates: [ErrorKind: Double]) { self.rates = rates }

    /// The rate of one error, 0 when not set.
    public subscript(kind: ErrorKind) -> Double {
        get { rates[kind] ?? 0 }
        set { rates[kind] = newValue }
    }

    /// Every rate multiplied by `factor` (capped at 1): `--error-rate 0` gives clean records, 2 twice the errors.
    public func scaled(by factor: Double) -> ErrorRates {
        ErrorRates(rates: rates.mapValues { min(1, max(0, $0 * factor)) })
    }
}
