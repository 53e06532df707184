@testable import PersonalData

/// Fixed master keys for tests: bytes 0…31 and 32…63, as configuration text.
enum Fixtures {
    static let master1Base64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    static let master2Base64 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="
    static let master1Bytes = Array(UInt8(0)..<32)

    /// Only key 1.
    static func keys1() throws -> PersonalDataKeys { try PersonalDataKeys(current: "1:\(master1Base64)") }
    /// Only key 2.
    static func keys2() throws -> PersonalDataKeys { try PersonalDataKeys(current: "2:\(master2Base64)") }
    /// Key 2 current, key 1 retired, matching on key 1.
    static func rotated() throws -> PersonalDataKeys {
        try PersonalDataKeys(current: "2:\(master2Base64)", old: "1:\(master1Base64)", matchingKeyID: "1")
    }

    static let idContext = FieldContext(field: "party.id_number", record: "crm/C0001")

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}
