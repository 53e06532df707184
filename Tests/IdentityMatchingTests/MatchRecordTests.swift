import Foundation
@testable import IdentityMatching
import Testing

/// A match record keeps its values in flat arrays; what goes in must come out the same, field by field.
@Suite struct MatchRecordTests {
    let record = MatchRecord(id: 7, fields: ["phone": ["13800138000", "", "13900139000"], "email": [""],
                                             "family_name": ["wang"], "address": []],
                             identifiers: ["resident_id": "abc", "passport": ""])

    @Test func valuesComeBackPerFieldInTheirOrderWithoutEmptyOnes() {
        #expect(Array(record.values("phone")) == ["13800138000", "13900139000"])
        #expect(Array(record.values("family_name")) == ["wang"])
        #expect(record.values("email").isEmpty)
        #expect(record.values("address").isEmpty)
        #expect(record.values("given_name").isEmpty)
        #expect(record.fields == ["phone": ["13800138000", "13900139000"], "family_name": ["wang"]])
        #expect(record.identifiers == ["resident_id": "abc"])
    }

    @Test func equalContentsAreEqualRecords() {
        let same = MatchRecord(id: 7, fields: ["family_name": ["wang"], "phone": ["13800138000", "13900139000"]],
                               identifiers: ["resident_id": "abc"])
        #expect(same == record && same.hashValue == record.hashValue)
        let reordered = MatchRecord(id: 7, fields: ["phone": ["13900139000", "13800138000"], "family_name": ["wang"]],
                                    identifiers: ["resident_id": "abc"])
        #expect(reordered != record)
    }

    @Test func codableKeepsTheDictionaryShape() throws {
        let data = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["fields"] as? [String: [String]] == ["phone": ["13800138000", "13900139000"],
                                                           "family_name": ["wang"]])
        #expect(try JSONDecoder().decode(MatchRecord.self, from: data) == record)
    }
}
