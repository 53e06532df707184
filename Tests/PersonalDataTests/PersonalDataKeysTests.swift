@testable import PersonalData
import Testing

@Suite struct PersonalDataKeysTests {
    @Test func bareBase64IsKeyOneAndMatchesWithIt() throws {
        let keys = try PersonalDataKeys(current: Fixtures.master1Base64)
        #expect(keys.currentKeyID == 1)
        #expect(keys.matchingKeyID == 1)
        #expect(keys.keyIDs == [1])
    }

    @Test func readsTheConfigurationVariables() throws {
        let keys = try PersonalDataKeys(configuration: [
            "CLM_PII_KEY": " 7:\(Fixtures.master2Base64)\n",
            "CLM_PII_OLD_KEYS": "3:\(Fixtures.master1Base64), 1:\(Fixtures.master1Base64)",
            "CLM_PII_MATCH_KEY_ID": "3",
        ])
        #expect(keys.currentKeyID == 7)
        #expect(keys.matchingKeyID == 3)
        #expect(keys.keyIDs == [7, 3, 1])
    }

    @Test(arguments: [
        ([String: String](), PersonalDataKeyError.missingKey(variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "   "], .missingKey(variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "1:not base64!"], .notBase64(keyID: 1, variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"], .notBase64(keyID: 1, variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="],
         .wrongLength(keyID: 2, variable: "CLM_PII_KEY", byteCount: 31)),
        (["CLM_PII_KEY": "2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"],
         .wrongLength(keyID: 2, variable: "CLM_PII_KEY", byteCount: 33)),
        (["CLM_PII_KEY": "0:\(Fixtures.master1Base64)"], .invalidKeyID("0", variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "256:\(Fixtures.master1Base64)"], .invalidKeyID("256", variable: "CLM_PII_KEY")),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_OLD_KEYS": Fixtures.master1Base64],
         .missingKeyID(variable: "CLM_PII_OLD_KEYS")),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_OLD_KEYS": "1:YWJj"],
         .wrongLength(keyID: 1, variable: "CLM_PII_OLD_KEYS", byteCount: 3)),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_OLD_KEYS": "2:\(Fixtures.master1Base64)",
          "CLM_PII_MATCH_KEY_ID": "2"], .duplicateKeyID(2)),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_OLD_KEYS": "1:\(Fixtures.master1Base64)"],
         .matchingKeyUnspecified),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_MATCH_KEY_ID": "1"], .matchingKeyNotConfigured(1)),
        (["CLM_PII_KEY": "2:\(Fixtures.master2Base64)", "CLM_PII_MATCH_KEY_ID": "x"],
         .invalidKeyID("x", variable: "CLM_PII_MATCH_KEY_ID")),
    ])
    func rejectsBadConfiguration(configuration: [String: String], error: PersonalDataKeyError) {
        #expect(throws: error) { try PersonalDataKeys(configuration: configuration) }
    }

    @Test func errorMessagesNameTheVariableAndNeverTheKey() {
        do {
            _ = try PersonalDataKeys(configuration: ["CLM_PII_KEY": "4:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="])
            Issue.record("a 31-byte key was accepted")
        } catch {
            #expect(error.description == "personal-data key 4 in CLM_PII_KEY is 31 bytes; it must be 32")
        }
        #expect(PersonalDataKeyError.missingKey(variable: "CLM_PII_KEY").description.contains("CLM_PII_KEY"))
    }

    /// Known answers computed independently (Python hmac/hashlib HKDF-SHA256, same salt and info labels).
    @Test func subkeysAreHKDFWithDistinctLabels() throws {
        let subkeys = try #require(try Fixtures.keys1().subkeys[1])
        let encryption = subkeys.encryption.key.bytesForTesting
        let matching = subkeys.matching.key.bytesForTesting
        #expect(encryption == Fixtures.bytes(hex: "2f63c4ca7af09532c6b1d4d692e71bedb685865c4029a8ee5bb9781df9d3ba59"))
        #expect(matching == Fixtures.bytes(hex: "ee245b62e7008a93ee0073ebfee1941b3112b31519db18eb68f804556dd4b721"))
        #expect(encryption != Fixtures.master1Bytes)
        #expect(matching != Fixtures.master1Bytes)
        #expect(encryption != matching)
        #expect(Subkeys.encryptionInfo != Subkeys.matchingInfo)
    }

    @Test func differentMastersGiveDifferentSubkeys() throws {
        let keys = try Fixtures.rotated()
        let one = try #require(keys.subkeys[1]), two = try #require(keys.subkeys[2])
        #expect(one.encryption.key.bytesForTesting != two.encryption.key.bytesForTesting)
        #expect(one.matching.key.bytesForTesting != two.matching.key.bytesForTesting)
    }

    @Test func generatedKeysParseAndDiffer() throws {
        let first = PersonalDataKeys.generateMasterKey(id: 9), second = PersonalDataKeys.generateMasterKey(id: 9)
        #expect(first != second)
        #expect(first.hasPrefix("9:"))
        let keys = try PersonalDataKeys(current: first)
        #expect(keys.currentKeyID == 9)
    }
}
