import Foundation
@testable import PersonalData
import Testing

@Suite struct MatchingHashTests {
    /// RFC 4231 test case 2 proves HMAC-SHA256 is the primitive and is wired right.
    @Test func rfc4231TestCase2() {
        let mac = MatchingHash.authenticationCode(Array("what do ya want for nothing?".utf8),
                                                  keyBytes: Array("Jefe".utf8))
        #expect(hexString(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// Known answer computed independently (Python hmac over label, length-prefixed domain and value).
    @Test func knownAnswerForTheMessageLayout() throws {
        let hasher = MatchingHash(keys: try Fixtures.keys1())
        let digest = hasher.digest("13800138000", domain: "phone")
        #expect(digest.hex == "9f50b5af06d7a36e16a280b36342cbf69de761a8b30d764da72d677bb910ff19")
        #expect(digest.keyID == 1)
        #expect(digest.bytes.count == 32)
        #expect(hasher.hex("13800138000", domain: "phone") == digest.hex)
    }

    @Test func equalInputsHashEqualDifferentOnesDiffer() throws {
        let hasher = MatchingHash(keys: try Fixtures.keys1())
        #expect(hasher.digest("11010519491231002X", domain: "id") == hasher.digest("11010519491231002X", domain: "id"))
        #expect(hasher.digest("11010519491231002X", domain: "id") != hasher.digest("110105194912310029", domain: "id"))
        #expect(hasher.digest("张三", domain: "name") != hasher.digest("张四", domain: "name"))
        // A second hasher from the same configuration agrees: deterministic, no hidden state.
        #expect(MatchingHash(keys: try Fixtures.keys1()).digest("张三", domain: "name") == hasher.digest("张三", domain: "name"))
    }

    /// The shortcut past Foundation's NFC must give what NFC gives, for text it takes and text it leaves to NFC.
    @Test(arguments: ["张三", "北京市朝阳区建国路88号", "wang\u{1F}1980", "阿卜杜·热合曼", "𠀋一", "jos\u{E9}",
                      "jose\u{301}", "\u{F900}", "\u{1100}\u{1161}", "\u{AC00}", "Å", "A\u{30A}", "ﬁ", ""])
    func canonicalFormIsNFC(text: String) {
        let canonical = MatchingHash.canonical(text)
        #expect(Array(canonical.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func canonicallyEquivalentStringsHashEqual() throws {
        let hasher = MatchingHash(keys: try Fixtures.keys1())
        let composed = "jos\u{E9}@example.com", decomposed = "jose\u{301}@example.com"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(hasher.digest(composed, domain: "email") == hasher.digest(decomposed, domain: "email"))
    }

    @Test func domainsSeparate() throws {
        let hasher = MatchingHash(keys: try Fixtures.keys1())
        #expect(hasher.digest("13800138000", domain: "phone") != hasher.digest("13800138000", domain: "id"))
        // Length prefixes: moving a character between domain and value changes the hash.
        #expect(hasher.digest("b", domain: "a") != hasher.digest("", domain: "ab"))
    }

    @Test func anotherKeyGivesAnotherHash() throws {
        let one = MatchingHash(keys: try Fixtures.keys1()), two = MatchingHash(keys: try Fixtures.keys2())
        #expect(one.digest("13800138000", domain: "phone").bytes != two.digest("13800138000", domain: "phone").bytes)
        #expect(!two.isCurrent(one.digest("13800138000", domain: "phone")))
    }

    @Test func encryptionRotationDoesNotChangeHashes() throws {
        let before = MatchingHash(keys: try Fixtures.keys1())
        let after = MatchingHash(keys: try Fixtures.rotated())
        #expect(after.keyID == 1)
        #expect(before.digest("13800138000", domain: "phone") == after.digest("13800138000", domain: "phone"))
        #expect(after.isCurrent(before.digest("13800138000", domain: "phone")))
    }

    @Test func theMatchingKeyIsNotTheEncryptionKey() throws {
        let keys = try Fixtures.keys1()
        let hash = MatchingHash(keys: keys).digest("", domain: "")
        let subkeys = try #require(keys.subkeys[1])
        // The same message under the encryption subkey gives another MAC: the hasher uses its own subkey.
        var message = MatchingHash.label
        appendLengthPrefixed([UInt8](), to: &message)
        appendLengthPrefixed([UInt8](), to: &message)
        #expect(MatchingHash.authenticationCode(message, key: subkeys.matching.key) == hash.bytes)
        #expect(MatchingHash.authenticationCode(message, key: subkeys.encryption.key) != hash.bytes)
    }
}

@Suite struct ConcurrencyTests {
    /// One hasher and one cipher shared by many tasks give the same answers as serial use (the pre-keyed HMAC
    /// is copied, never updated in place).
    @Test func sharedHasherAndCipherAgreeAcrossTasks() async throws {
        let keys = try Fixtures.keys1()
        let hasher = MatchingHash(keys: keys), cipher = FieldCipher(keys: keys)
        let values = (0..<2_000).map { "1380013\(String(1_000 + $0))" }
        let serial = values.map { hasher.digest($0, domain: "phone") }
        let parallel = try await withThrowingTaskGroup(of: (Int, MatchingDigest, String).self) { group in
            for (index, value) in values.enumerated() {
                group.addTask {
                    let sealed = try cipher.encrypt(value, context: Fixtures.idContext)
                    return (index, hasher.digest(value, domain: "phone"), try cipher.decrypt(sealed, context: Fixtures.idContext))
                }
            }
            var out = [(MatchingDigest, String)?](repeating: nil, count: values.count)
            for try await (index, digest, opened) in group { out[index] = (digest, opened) }
            return out
        }
        #expect(parallel.map { $0?.0 } == serial)
        #expect(parallel.map { $0?.1 } == values)
    }
}
