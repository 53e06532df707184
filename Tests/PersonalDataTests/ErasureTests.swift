import PersonalData
import Testing

@Suite struct ErasureTests {
    private func storedFields() throws -> (FieldCipher, [StoredPersonalField]) {
        let keys = try Fixtures.keys1()
        let cipher = FieldCipher(keys: keys), hasher = MatchingHash(keys: keys)
        let id = FieldContext(field: "party.id_number", record: "crm/C0001")
        let phone = FieldContext(field: "party.phone", record: "crm/C0001")
        return (cipher, [
            StoredPersonalField(context: id, ciphertext: try cipher.encrypt("11010519491231002X", context: id),
                                matchingHashes: [hasher.digest("11010519491231002X", domain: "id/resident")]),
            StoredPersonalField(context: phone, ciphertext: try cipher.encrypt("13800138000", context: phone),
                                matchingHashes: [hasher.digest("13800138000", domain: "phone")]),
        ])
    }

    @Test func erasureRemovesValueAndHashesAndLeavesATombstone() throws {
        let (_, fields) = try storedFields()
        let tombstone = ErasureTombstone(requestID: "GDPR-42", erasedAt: 1_750_000_000)
        let erased = Erasure.erase(fields, tombstone: tombstone)
        #expect(erased.count == 2)
        for (before, after) in zip(fields, erased) {
            #expect(after.ciphertext == nil)
            #expect(after.matchingHashes.isEmpty)
            #expect(after.tombstone == tombstone)
            #expect(after.isErased)
            #expect(after.context == before.context)
        }
        #expect(Erasure.hashesToRemove(fields) == fields.flatMap(\.matchingHashes))
        #expect(Erasure.hashesToRemove(fields).count == 2)
    }

    @Test func erasingTwiceKeepsTheFirstTombstone() throws {
        let (_, fields) = try storedFields()
        let first = ErasureTombstone(requestID: "R1", erasedAt: 100)
        let once = Erasure.erase(fields[0], tombstone: first)
        let twice = Erasure.erase(once, tombstone: ErasureTombstone(requestID: "R2", erasedAt: 200))
        #expect(twice == once)
        #expect(twice.tombstone?.requestID == "R1")
    }

    @Test func answersShowErasedEmptyOrMaskedValues() throws {
        let (cipher, fields) = try storedFields()
        let erased = Erasure.erase(fields[0], tombstone: ErasureTombstone(requestID: "R1", erasedAt: 100))
        #expect(try Erasure.show(erased, as: .documentNumber, cipher: cipher, policy: .reveal) == "[erased]")
        #expect(try Erasure.show(fields[0], as: .documentNumber, cipher: cipher, policy: .masked) == "1101**********002X")
        #expect(try Erasure.show(fields[1], as: .phone, cipher: cipher, policy: .reveal) == "13800138000")
        let empty = StoredPersonalField(context: fields[1].context, ciphertext: nil)
        #expect(try Erasure.show(empty, as: .phone, cipher: cipher, policy: .reveal) == nil)
    }
}
