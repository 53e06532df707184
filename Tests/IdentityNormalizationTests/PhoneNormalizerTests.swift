import IdentityNormalization
import Models
import Testing

@Suite struct PhoneNormalizerTests {
    @Test(arguments: [
        ("13800138000", "13800138000", false),
        ("+86 138-0013-8000", "13800138000", true),
        ("+86 13800138000", "13800138000", true),
        ("0086 138 0013 8000", "13800138000", true),
        ("8613800138000", "13800138000", true),
        ("１３８００１３８０００", "13800138000", false),
        ("＋８６ １３８ ００１３ ８０００", "13800138000", true),
        ("(138) 0013.8000", "13800138000", false),
        ("013800138000", "13800138000", true),  // a trunk 0 in front of a mobile
        ("19912345678", "19912345678", false),
    ])
    func mainlandMobiles(raw: String, number: String, repaired: Bool) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value?.kind == .mobile)
        #expect(result.value?.number == number)
        #expect(result.value?.e164 == "+86" + number)
        #expect(result.repaired == repaired)
    }

    @Test(arguments: [
        ("010-65529988", "01065529988", "010"),
        ("0755-8888 8888", "075588888888", "0755"),
        ("(021) 6234 5678", "02162345678", "021"),
        ("+86 10 6552 9988", "01065529988", "010"),
        ("0571-8765432", "05718765432", "0571"),
    ])
    func mainlandLandlines(raw: String, number: String, area: String) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value?.kind == .landline)
        #expect(result.value?.number == number)
        #expect(result.value?.areaCode == area)
    }

    @Test(arguments: [
        ("+44 20 7946 0958", "+442079460958"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("+852 9123 4567", "+85291234567"),
    ])
    func internationalNumbersKeepTheirCountryCode(raw: String, number: String) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value?.kind == .international)
        #expect(result.value?.number == number)
    }

    @Test func serviceNumbersAndExtensions() {
        #expect(PhoneNormalizer.normalize("400-800-1234").value?.kind == .serviceNumber)
        let withExtension = PhoneNormalizer.normalize("010-65529988转123")
        #expect(withExtension.value?.number == "01065529988")
        #expect(withExtension.value?.phoneExtension == "123")
    }

    @Test(arguments: [
        ("12345678", NormalizationProblem.Code.notAMobileNumber),  // local number, no area code
        ("1380013800", .notAMobileNumber),  // 10 digits
        ("138001380001", .notAMobileNumber),  // 12 digits
        ("12800138000", .notAMobileNumber),  // 12x is no mobile prefix
        ("+86 12345", .invalidPhoneNumber),
        ("+12", .invalidPhoneNumber),
        ("138-0013-800a", .invalidCharacters),
        ("n/a", .invalidCharacters),
    ])
    func invalidNumbersAreFlagged(raw: String, code: NormalizationProblem.Code) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.has(code), "\(result.problems)")
        #expect(result.raw == raw)
    }

    @Test func emptyIsEmpty() {
        #expect(PhoneNormalizer.normalize("  ").validity == .empty)
    }
}

/// ASCII numbers are read byte by byte, everything else character by character. A trailing ideographic space (which
/// width folding makes a space, and spaces are dropped) sends the same number down the character path: the two must
/// agree on every value, problem and repair.
@Suite struct PhoneReadingAgreementTests {
    static let pieces = ["0", "1", "3", "8", "6", "9", "00", "86", "+", "-", ".", " ", "\t", "(", ")", "(0)", "/", "[",
                         "]", "x", "X", "ext", "EXT.", "#", ",", ";", "tel:", "TEL:", "a", "*", "_", "138", "010",
                         "400", "0755", "8001", "\r\n"]

    @Test func asciiAndCharacterReadingsAgree() {
        var random = SplitMix64(seed: 11)
        var samples = ["", " ", "tel:+86 10 6552 9988", "13800138000 ext. 12", "(0)20 1234 5678", "x13800138000",
                       "138x00138000", "+44 (0)20 7946 0958", "010-6552-9988#7", "4008001234;2"]
        for _ in 0..<4_000 {
            samples.append((0..<Int.random(in: 1...12, using: &random)).map { _ in
                Self.pieces.randomElement(using: &random)!
            }.joined())
        }
        for ascii in samples {
            let byBytes = PhoneNormalizer.normalize(ascii)
            let byCharacters = PhoneNormalizer.normalize(ascii + "\u{3000}")
            #expect(byBytes.value == byCharacters.value, "\(ascii.debugDescription)")
            #expect(byBytes.problems == byCharacters.problems, "\(ascii.debugDescription)")
            #expect(byBytes.repaired == byCharacters.repaired, "\(ascii.debugDescription)")
        }
    }
}
