public import Foundation
public import IdentityAPI
import IdentityNormalization
import Models

// The book's parties.csv columns as PartyRecords, for measuring the matcher without the service; `clm import` does the
// same through RecordImport for the service.
public enum BookParties {
    public static func record(_ row: [String: String]) throws -> PartyRecord {
        var details = PartyDetails()
        details.kind = row["party_kind"] == "organisation" ? .organisation : .individual
        details.fullName = row["full_name"] ?? ""
        details.familyName = row["family_name"] ?? ""
        details.givenName = row["given_name"] ?? ""
        switch IdentityNormalization.Sex(code: row["sex"] ?? "") {
        case .male: details.sex = .male
        case .female: details.sex = .female
        case nil: break
        }
        let birth = BirthDateParser.parse(row["birth_date"] ?? "")
        if let date = birth.value { details.birthDate = date } else if !(row["birth_date"] ?? "").isEmpty {
            details.otherAttributes.append(KeyValue(key: "birth_date", value: row["birth_date"]!))
        }
        let type = IdentityNormalization.DocumentType(code: row["id_type"] ?? "")
        if type == .unifiedSocialCreditCode {
            details.unifiedSocialCreditCode = row["id_number"] ?? ""
        } else {
            details.documentType = type == .residentID ? .residentId : .unspecified
            details.documentNumber = row["id_number"] ?? ""
        }
        details.phones = [row["phone"] ?? ""].filter { !$0.isEmpty }
        details.email = row["email"] ?? ""
        details.province = row["province"] ?? ""
        details.city = row["city"] ?? ""
        details.addressLines = [row["address_line"] ?? ""].filter { !$0.isEmpty }
        details.postcode = row["postcode"] ?? ""
        details.occupation = row["occupation"] ?? ""
        details.occupationClass = Int32(row["occupation_class"] ?? "") ?? 0
        details.employerName = row["employer_name"] ?? ""
        return PartyRecord(ref: SourceRef(sourceSystem: row["source_system"]!, sourceKey: row["source_key"]!),
                           sourceVersion: 1, details: details)
    }
}

/// A small RFC 4180 reader for the book's files.
public struct CSVTable {
    public var rows: [[String: String]]

    public init(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); field = ""; records.append(row); row = [] }
            else if c != "\r" { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); records.append(row) }
        let header = records.removeFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
