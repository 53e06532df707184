@testable import PersonalData
import Testing

@Suite struct FieldCipherTests {
    @Test(arguments: ["11010519491231002X", "张三丰 · 北京市朝阳区", "", "13800138000", "😀 e\u{301}"])
    func roundTrips(value: String) throws {
        let cipher = FieldCipher(keys: try Fixtures.keys1())
        let sealed = try cipher.encrypt(value, context: Fixtures.idContext)
        #expect(sealed.count == value.utf8.count + FieldCipher.overhead)
        #expect(sealed[0] == 1 && sealed[1] == 1)
        let opened = try cipher.decrypt(sealed, context: Fixtures.idContext)
        #expect(Array(opened.utf8) == Array(value.utf8))
    }

    @Test func plaintextDoesNotAppearInTheCiphertext() throws {
        let value = "11010519491231002X"
        let sealed = try FieldCipher(keys: try Fixtures.keys1()).encrypt(value, context: Fixtures.idContext)
        let plain = Array(value.utf8)
        let found = (0...(sealed.count - plain.count)).contains { Array(sealed[$0..<$0 + plain.count]) == plain }
        #expect(!found)
    }

    @Test func twoEncryptionsDifferButDecryptEqual() throws {
        let cipher = FieldCipher(keys: try Fixtures.keys1())
        let first = try cipher.encrypt("13800138000", context: Fixtures.idContext)
        let second = try cipher.encrypt("13800138000", context: Fixtures.idContext)
        #expect(first != second)
        #expect(first[2..<14] != second[2..<14], "nonces must differ")
        #expect(try cipher.decrypt(first, context: Fixtures.idContext) == "13800138000")
        #expect(try cipher.decrypt(second, context: Fixtures.idContext) == "13800138000")
    }

    /// Layout and algorithm checked against an independent implementation: Python `cryptography`'s AESGCM,
    /// with the HKDF subkey, nonce 00…0b and the documented associated data.
    @Test func decryptsAnIndependentlyProducedCiphertext() throws {
        let python = Fixtures.bytes(hex: "0101000102030405060708090a0ba0336c50f0246a22b524d24936f639d859f420601442a160aac02dcd0c543926387c")
        let cipher = FieldCipher(keys: try Fixtures.keys1())
        #expect(try cipher.decrypt(python, context: Fixtures.idContext) == "11010519491231002X")
    }

    @Test func tamperingWithAnyByteFails() throws {
        // Both keys configured, so a key id changed to 1 or 2 reaches AES-GCM and must fail there.
        let cipher = FieldCipher(keys: try Fixtures.rotated())
        let sealed = try cipher.encrypt("11010519491231002X", context: Fixtures.idContext)
        #expect(sealed[1] == 2)
        for index in sealed.indices {
            var altered = sealed
            altered[index] ^= 0x01
            let expected: FieldCipherError = switch index {
            case 0: .unsupportedVersion(0)
            case 1: .unknownKeyID(3)
            default: .authenticationFailed(keyID: 2)
            }
            #expect(throws: expected, "byte \(index)") { try cipher.decrypt(altered, context: Fixtures.idContext) }
        }
        var otherKey = sealed
        otherKey[1] = 1
        #expect(throws: FieldCipherError.authenticationFailed(keyID: 1)) {
            try cipher.decrypt(otherKey, context: Fixtures.idContext)
        }
        #expect(FieldCipherError.authenticationFailed(keyID: 2).description.contains("failed authentication"))
    }

    @Test func truncationFails() throws {
        let cipher = FieldCipher(keys: try Fixtures.keys1())
        let sealed = try cipher.encrypt("", context: Fixtures.idContext)
        #expect(sealed.count == FieldCipher.overhead)
        #expect(throws: FieldCipherError.truncated(byteCount: 29)) {
            try cipher.decrypt(Array(sealed.dropLast()), context: Fixtures.idContext)
        }
        let longer = try cipher.encrypt("13800138000", context: Fixtures.idContext)
        #expect(throws: FieldCipherError.authenticationFailed(keyID: 1)) {
            try cipher.decrypt(Array(longer.dropLast()), context: Fixtures.idContext)
        }
        #expect(throws: FieldCipherError.truncated(byteCount: 0)) { try cipher.decrypt([], context: Fixtures.idContext) }
    }

    @Test(arguments: [
        FieldContext(field: "party.phone", record: "crm/C0001"),
        FieldContext(field: "party.id_number", record: "crm/C0002"),
        FieldContext(field: "party.id_number", record: "crm/C000"),
        FieldContext(field: "party.id_numbe", record: "rcrm/C0001"),
        FieldContext(field: "", record: ""),
    ])
    func wrongContextFails(context: FieldContext) throws {
        let cipher = FieldCipher(keys: try Fixtures.keys1())
        let sealed = try cipher.encrypt("11010519491231002X", context: Fixtures.idContext)
        #expect(throws: FieldCipherError.authenticationFailed(keyID: 1)) { try cipher.decrypt(sealed, context: context) }
    }

    @Test func rotationDecryptsUnderOldAndNewKeys() throws {
        let before = FieldCipher(keys: try Fixtures.keys1())
        let old = try before.encrypt("13800138000", context: Fixtures.idContext)
        #expect(old[1] == 1)

        let after = FieldCipher(keys: try Fixtures.rotated())
        let new = try after.encrypt("13900139000", context: Fixtures.idContext)
        #expect(new[1] == 2)
        #expect(try after.decrypt(old, context: Fixtures.idContext) == "13800138000")
        #expect(try after.decrypt(new, context: Fixtures.idContext) == "13900139000")

        #expect(try after.needsReencryption(old))
        #expect(try !after.needsReencryption(new))
        let reencrypted = try after.reencrypt(old, context: Fixtures.idContext)
        #expect(reencrypted[1] == 2)
        #expect(try after.decrypt(reencrypted, context: Fixtures.idContext) == "13800138000")
        // Once re-encrypted, the old key can be dropped.
        #expect(try FieldCipher(keys: try Fixtures.keys2()).decrypt(reencrypted, context: Fixtures.idContext) == "13800138000")
    }

    @Test func unknownKeyIDIsNamed() throws {
        let new = try FieldCipher(keys: try Fixtures.keys2()).encrypt("13800138000", context: Fixtures.idContext)
        let oldOnly = FieldCipher(keys: try Fixtures.keys1())
        #expect(throws: FieldCipherError.unknownKeyID(2)) { try oldOnly.decrypt(new, context: Fixtures.idContext) }
        #expect(FieldCipherError.unknownKeyID(2).description.contains("key id 2"))
        #expect(try FieldCipher.keyID(of: new) == 2)
    }

    @Test func aKeyOfTheSameIDButOtherBytesFails() throws {
        let sealed = try FieldCipher(keys: try Fixtures.keys1()).encrypt("x", context: Fixtures.idContext)
        let impostor = FieldCipher(keys: try PersonalDataKeys(current: "1:\(Fixtures.master2Base64)"))
        #expect(throws: FieldCipherError.authenticationFailed(keyID: 1)) {
            try impostor.decrypt(sealed, context: Fixtures.idContext)
        }
    }
}
