import IdentityNormalization
import Testing

@Suite struct SocialCreditCodeTests {
    // 91350100M000100Y43 worked by hand. Alphabet values: 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4; weights 3^i mod 31:
    // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. Σ = 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8
    // + 0 + 0 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → check "3".
    @Test(arguments: [
        ("91350100M000100Y43", "91350100M000100Y43"),
        ("91350100m000100y43", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y 43 ", "91350100M000100Y43"),
        ("91350100-M000100Y4-3", "91350100M000100Y43"),
    ])
    func validCodesAreNormalised(raw: String, code: String) {
        let result = UnifiedSocialCreditCodeNormalizer.normalize(raw)
        #expect(result.value?.code == code)
        #expect(result.validity == .valid)
    }

    @Test func partsOfTheCode() throws {
        let code = try #require(UnifiedSocialCreditCodeNormalizer.normalize("91350100M000100Y43").value)
        #expect(code.registrationAuthority == "9")
        #expect(code.organisationKind == "1")
        #expect(code.regionCode == "350100")
        #expect(code.organisationCode == "M000100Y4")
        // GB 11714 on M000100Y: 22·3 + 0 + 0 + 0 + 1·5 + 0 + 0 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4 → "4".
        #expect(code.organisationCodeIsChecked)
    }

    @Test(arguments: [
        ("91350100M000100Y44", NormalizationProblem.Code.invalidCheckCharacter),
        ("91350100M000100Y4", .invalidLength),
        ("91350100M000100Y433", .invalidLength),
        ("91350100I000100Y43", .invalidCharacters),  // I is not in the alphabet
        ("91350100O000100Y43", .invalidCharacters),
        ("913501A0M000100Y43", .invalidRegion),
    ])
    func invalidCodesAreFlagged(raw: String, code: NormalizationProblem.Code) {
        let result = UnifiedSocialCreditCodeNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.has(code), "\(result.problems)")
    }

    @Test func checkCharacterCanBeComputed() {
        #expect(UnifiedSocialCreditCodeNormalizer.checkCharacter(for: "91350100M000100Y4") == "3")
        #expect(UnifiedSocialCreditCodeNormalizer.checkCharacter(for: "short") == nil)
    }
}
