import IdentityResolution
import Testing

/// Customer codes and the stored form of match fields.
@Suite struct StoredFormsTests {
    let codec = CustomerCodec(key: Array("installation key".utf8))

    @Test func codesAreDistinctOpaqueAndReadBack() {
        var seen = Set<String>()
        for id in Int64(1)...5_000 {
            let code = codec.code(for: id)
            #expect(code.count == 12 && code.hasPrefix("C"))
            #expect(codec.id(for: code) == id)
            seen.insert(code)
        }
        #expect(seen.count == 5_000, "two ids gave one code")
        // Neighbouring ids share no long prefix (codes do not reveal order).
        #expect(codec.code(for: 1).prefix(4) != codec.code(for: 2).prefix(4))
        // Another installation's key gives other codes.
        #expect(CustomerCodec(key: Array("other".utf8)).code(for: 1) != codec.code(for: 1))
    }

    @Test func mistypedCodesAreRefusedAndLookAlikesRead() {
        let code = codec.code(for: 42)
        var characters = Array(code)
        characters[5] = characters[5] == "7" ? "8" : "7"
        #expect(codec.id(for: String(characters)) == nil, "a substituted character passed the check")
        var swapped = Array(code)
        if swapped[3] != swapped[4] {
            swapped.swapAt(3, 4)
            #expect(codec.id(for: String(swapped)) == nil, "two swapped characters passed the check")
        }
        #expect(codec.id(for: code.lowercased()) == 42)
        #expect(codec.id(for: "C123") == nil)
        #expect(codec.id(for: "X" + code.dropFirst()) == nil)
        #expect(codec.canonical(code.lowercased()) == code)
    }

    @Test func matchFieldsSurviveTheirStoredForm() throws {
        let fields = ["given_name": ["bob", "robert"], "phone": ["13800138000"], "family_name": ["张"]]
        let identifiers = ["resident_id": "ab12"]
        let bytes = MatchFieldsCoding.encode(fields: fields, identifiers: identifiers)
        let decoded = try MatchFieldsCoding.decode(bytes)
        #expect(decoded.fields == fields && decoded.identifiers == identifiers)
        #expect(throws: MatchFieldsCodingError.self) { try MatchFieldsCoding.decode(Array(bytes.dropLast())) }
        #expect(throws: MatchFieldsCodingError.self) { try MatchFieldsCoding.decode([9] + bytes.dropFirst()) }
    }
}
