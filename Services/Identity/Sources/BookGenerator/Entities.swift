import IdentityNormalization

/// The four source systems a party appears in, with each one's conventions for keys and codes.
public enum SourceSystem: String, Sendable, Hashable, CaseIterable, Codable {
    /// 销售 (sales / new business).
    case sales = "SALES"
    /// 核保 (underwriting): splits names into family and given name.
    case underwriting = "UW"
    /// 保全 (policy servicing).
    case servicing = "POS"
    /// 理赔 (claims).
    case claims = "CLAIMS"

    var keyPrefix: String {
        switch self {
        case .sales: "S"
        case .underwriting: "UW"
        case .servicing: "BQ"
        case .claims: "LP"
        }
    }

    var ordinal: Int {
        switch self {
        case .sales: 0
        case .underwriting: 1
        case .servicing: 2
        case .claims: 3
        }
    }

    /// How the system writes sex: 男/女, M/F, 1/2 (GB/T 2261.1).
    func sexLabel(male: Bool) -> String {
        switch self {
        case .sales, .claims: male ? "男" : "女"
        case .underwriting: male ? "M" : "F"
        case .servicing: male ? "1" : "2"
        }
    }

    /// How the system writes birth dates.
    var dateStyle: Day.Style {
        switch self {
        case .sales, .claims: .iso
        case .underwriting: .compact
        case .servicing: .slashes
        }
    }

    /// How the system names document types.
    func idType(organisation: Bool) -> String {
        switch self {
        case .sales: organisation ? "统一社会信用代码" : "身份证"
        case .underwriting: organisation ? "unified_social_credit_code" : "resident_id"
        case .servicing: organisation ? "9" : "1"
        case .claims: organisation ? "统一社会信用代码" : "居民身份证"
        }
    }
}

/// A record's identity: its system and key.
struct Ref: Sendable, Hashable {
    var system: SourceSystem
    var key: String
}

/// A street address of a person's home or an organisation's office.
struct Address: Sendable {
    var region: Int
    var street: Int
    var number: Int
    /// Persons: estate, building, unit, room; organisations: tower and room (`unit` = floor).
    var estate: Int
    var building: Int
    var unit: Int
    var room: Int
    var organisation: Bool
}

struct Person: Sendable {
    var index: Int
    var surname: String
    var given: [String]
    var male: Bool
    var birth: Day
    var idRegion: String
    var idSequence: Int
    var mobile: String
    var email: String?
    var home: Address
    var household: Int
    var householdRole: String
    var employer: Int?
    var agent: Int
    var occupation: Int
    /// Every party record, the first of each system in system order, then any duplicate.
    var records: [Ref] = []

    var entityID: String { "P" + padded(UInt64(index), 8) }
    var fullName: String { surname + given.joined() }

    /// The 18-character resident ID.
    var residentID: String {
        let (y, m, d) = birth.parts
        let body = idRegion + String(y) + (m < 10 ? "0" : "") + String(m) + (d < 10 ? "0" : "") + String(d)
            + padded(UInt64(idSequence), 3)
        return body + String(ResidentIDNormalizer.checkCharacter(for: body)!)
    }

    /// The record of this person in `system`, or their first record.
    func record(in system: SourceSystem) -> Ref {
        records.first { $0.system == system } ?? records[0]
    }
}

/// What person blocks need to know of an organisation.
struct OrganisationSummary: Sendable {
    var name: String
    var records: [Ref]
    var groupPolicy: String?
    var groupPolicySystem: SourceSystem?
    var groupProduct: Int
    var groupStart: Day
}
