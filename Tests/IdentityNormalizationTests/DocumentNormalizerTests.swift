import IdentityNormalization
import Models
import Testing

@Suite struct DocumentNormalizerTests {
    static let today = CalendarDate(year: 2025, month: 6, day: 1)

    @Test(arguments: [
        (DocumentType.passport, "e 1234 5678", "E12345678"),
        (.passport, "G-1234567", "G1234567"),
        (.passport, "ab12345", "AB12345"),
        (.hkMacaoPermit, "H12345678", "H12345678"),
        (.hkMacaoPermit, "m 1234567890", "M1234567890"),
        (.taiwanPermit, "12345678", "12345678"),
        (.taiwanPermit, "1234567890(B)", "1234567890B"),
        (.foreignPermanentResidentID, "usa 1101 8001 0101", "USA110180010101"),
        // 2023 card: 18 digits from 9, GB 11643 check (Σ mod 11 = 0 → 1, computed by hand as for resident IDs).
        (.foreignPermanentResidentID, "910100198003151231", "910100198003151231"),
        (.militaryID, "南字第 1234567 号", "南字第1234567号"),
        (.householdRegister, "110105491231002", "11010519491231002X"),
        (.householdRegister, "A1234567", "A1234567"),
        (.birthCertificate, "O440012345", "O440012345"),
        (.unifiedSocialCreditCode, "91350100M000100Y43", "91350100M000100Y43"),
        (.residentID, "11010519491231002x", "11010519491231002X"),
        // GB 11714: 8·3+0+2·9+1·10+0+0+4·4+3·2 = 74; 74 mod 11 = 8; 11 − 8 = 3 → 80210043-3.
        (.businessRegistration, "80210043-3", "802100433"),
        // ISO 7064 MOD 11,10 by hand: running value p = 10; per digit s = (p + d) mod 10 (0 read as 10), p = 2s mod 11.
        // s after each digit of 110108000000016: 1 3 6 2 4 6 1 2 4 8 5 0 9 8 1 — ends at 1, so valid.
        (.businessRegistration, "110108000000016", "110108000000016"),
        (.other, "xyz-001", "XYZ001"),
    ])
    func validNumbers(type: DocumentType, raw: String, number: String) {
        let result = DocumentNormalizer.normalize(raw, type: type, today: Self.today)
        #expect(result.value?.number == number, "\(result.problems)")
        #expect(result.value?.type == type)
    }

    @Test(arguments: [
        (DocumentType.passport, "E123", NormalizationProblem.Code.invalidLength),
        (.passport, "E1234567890123456789X", .invalidLength),
        (.passport, "E1234*567", .invalidCharacters),
        (.passport, "000000", .invalidFormat),
        (.hkMacaoPermit, "X12345678", .invalidFormat),
        (.hkMacaoPermit, "H1234567", .invalidFormat),
        (.taiwanPermit, "1234567", .invalidFormat),
        (.foreignPermanentResidentID, "US1101800101011", .invalidFormat),
        (.foreignPermanentResidentID, "910100198003151232", .invalidCheckCharacter),
        (.militaryID, "南字第号", .invalidFormat),
        (.residentID, "110105194912310021", .invalidCheckCharacter),
        (.unifiedSocialCreditCode, "91350100M000100Y44", .invalidCheckCharacter),
        (.businessRegistration, "110108000000017", .invalidCheckCharacter),
        (.businessRegistration, "80210043-4", .invalidCheckCharacter),
        (.businessRegistration, "1234", .invalidFormat),
    ])
    func invalidNumbers(type: DocumentType, raw: String, code: NormalizationProblem.Code) {
        let result = DocumentNormalizer.normalize(raw, type: type, today: Self.today)
        #expect(result.value == nil)
        #expect(result.has(code), "\(result.problems)")
    }

    @Test(arguments: [
        ("resident_id", DocumentType.residentID), ("身份证", .residentID), ("ID Card", .residentID), ("1", .residentID),
        ("DOCUMENT_TYPE_PASSPORT", .passport), ("护照", .passport), ("回乡证", .hkMacaoPermit), ("台胞证", .taiwanPermit),
        ("军官证", .militaryID), ("户口本", .householdRegister), ("营业执照", .businessRegistration), ("9", .unifiedSocialCreditCode),
    ])
    func documentTypesAreReadFromTheirCommonNames(code: String, type: DocumentType) {
        #expect(DocumentType(code: code) == type)
    }

    @Test func typeCodesAndProtoNumbersRoundTrip() {
        for type in DocumentType.allCases {
            #expect(DocumentType(code: type.code) == type)
            #expect(DocumentType(code: String(type.protoNumber)) == type)
        }
        #expect(DocumentType(code: "library card") == nil)
    }

    @Test func residentIDDocumentCarriesItsDerivedFacts() {
        let result = DocumentNormalizer.normalize("11010519491231002X", type: .residentID, declaredSex: .male,
                                                  today: Self.today)
        #expect(result.value?.residentID?.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(result.has(.sexMismatch))
    }
}
