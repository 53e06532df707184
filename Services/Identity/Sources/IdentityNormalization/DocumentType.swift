/// The kind of identity document a number belongs to; the cases and their numbers follow identity.proto
/// `DocumentType`.
public enum DocumentType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 居民身份证: 18 digits with an ISO 7064 MOD 11-2 check character; 15-digit legacy numbers are upgraded.
    case residentID = "resident_id"
    /// 护照, any country's.
    case passport = "passport"
    /// 港澳居民来往内地通行证 (回乡证).
    case hkMacaoPermit = "hk_macao_permit"
    /// 台湾居民来往大陆通行证 (台胞证).
    case taiwanPermit = "taiwan_permit"
    /// 外国人永久居留身份证.
    case foreignPermanentResidentID = "foreign_permanent_resident_id"
    /// 军官证 / 士兵证 / 警官证.
    case militaryID = "military_id"
    /// 户口簿.
    case householdRegister = "household_register"
    /// 出生医学证明, for children without a resident ID.
    case birthCertificate = "birth_certificate"
    /// 统一社会信用代码, for organisations.
    case unifiedSocialCreditCode = "unified_social_credit_code"
    /// 营业执照注册号 or 组织机构代码 from before the unified code.
    case businessRegistration = "business_registration"
    /// Any other document.
    case other = "other"

    /// The stable text code (`resident_id`, `passport`...), the raw value.
    public var code: String { rawValue }

    /// The value of the case in identity.proto's `DocumentType` enum (1…11).
    public var protoNumber: Int {
        switch self {
        case .residentID: 1
        case .passport: 2
        case .hkMacaoPermit: 3
        case .taiwanPermit: 4
        case .foreignPermanentResidentID: 5
        case .militaryID: 6
        case .householdRegister: 7
        case .birthCertificate: 8
        case .unifiedSocialCreditCode: 9
        case .businessRegistration: 10
        case .other: 11
        }
    }

    /// The document's usual Chinese name.
    public var chineseName: String {
        switch self {
        case .residentID: "居民身份证"
        case .passport: "护照"
        case .hkMacaoPermit: "港澳居民来往内地通行证"
        case .taiwanPermit: "台湾居民来往大陆通行证"
        case .foreignPermanentResidentID: "外国人永久居留身份证"
        case .militaryID: "军官证"
        case .householdRegister: "户口簿"
        case .birthCertificate: "出生医学证明"
        case .unifiedSocialCreditCode: "统一社会信用代码"
        case .businessRegistration: "营业执照注册号"
        case .other: "其他证件"
        }
    }

    /// The text code.
    public var description: String { rawValue }

    /// Reads a document type as source systems write it: the text code, the proto number, the proto name
    /// (`DOCUMENT_TYPE_PASSPORT`), or a common English or Chinese name (`ID card`, `身份证`, `回乡证`, `台胞证`,
    /// `军官证`, `户口本`, `营业执照`...), case-insensitive and width-folded. `nil` when it is none of them.
    public init?(code: String) {
        var key = String(TextNormalizer.comparisonKey(code).map { $0 == " " || $0 == "-" ? "_" : $0 })
        if key.hasPrefix("document_type_") { key.removeFirst("document_type_".count) }
        if let number = Int(key), let match = Self.allCases.first(where: { $0.protoNumber == number }) {
            self = match
        } else if let match = Self(rawValue: key) ?? Self.aliases[key] {
            self = match
        } else {
            return nil
        }
    }

    private static let aliases: [String: DocumentType] = [
        "id": .residentID, "id_card": .residentID, "idcard": .residentID, "national_id": .residentID,
        "resident_id_card": .residentID, "身份证": .residentID, "居民身份证": .residentID, "二代身份证": .residentID,
        "身份证号": .residentID, "身份证号码": .residentID,
        "护照": .passport, "pp": .passport,
        "回乡证": .hkMacaoPermit, "港澳居民来往内地通行证": .hkMacaoPermit, "hk_macau_permit": .hkMacaoPermit,
        "home_return_permit": .hkMacaoPermit,
        "台胞证": .taiwanPermit, "台湾居民来往大陆通行证": .taiwanPermit,
        "外国人永久居留证": .foreignPermanentResidentID, "外国人永久居留身份证": .foreignPermanentResidentID,
        "永久居留证": .foreignPermanentResidentID, "foreign_permanent_resident": .foreignPermanentResidentID,
        "军官证": .militaryID, "士兵证": .militaryID, "警官证": .militaryID, "军人证": .militaryID,
        "military": .militaryID,
        "户口簿": .householdRegister, "户口本": .householdRegister, "hukou": .householdRegister,
        "出生证": .birthCertificate, "出生证明": .birthCertificate, "出生医学证明": .birthCertificate,
        "统一社会信用代码": .unifiedSocialCreditCode, "uscc": .unifiedSocialCreditCode,
        "营业执照": .businessRegistration, "营业执照注册号": .businessRegistration, "组织机构代码": .businessRegistration,
        "组织机构代码证": .businessRegistration, "其他": .other, "其它": .other,
    ]
}
