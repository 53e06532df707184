import IdentityNormalization
import Models
import Testing

/// Check characters below were worked out by hand with the GB 11643 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
/// and check = (12 − Σ mod 11) mod 11, 10 written X.
@Suite struct ResidentIDTests {
    static let today = CalendarDate(year: 2025, month: 6, day: 1)

    // 11010519491231002X, the standard's own example: Σ = 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6
    // + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2; (12 − 2) mod 11 = 10 → X.
    @Test(arguments: [
        ("11010519491231002X", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("11010519491231002x", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("110105 19491231 002X", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("110105-19491231-002X", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("110105_19491231.002X\t", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        ("110105–19491231　002Ｘ", "11010519491231002X", CalendarDate(year: 1949, month: 12, day: 31), Sex.female),
        // 44030819900101123: Σ = 4·7+4·9+0+3·5+0+8·4+1·2+9·1+9·6+0+0+1·9+0+1·5+1·8+2·4+3·2 = 212; 212 mod 11 = 3 → 9.
        // Digit 17 is 3, odd: male.
        ("440308199001011239", "440308199001011239", CalendarDate(year: 1990, month: 1, day: 1), Sex.male),
        // 29 February 2000 exists (2000 is divisible by 400).
        ("110105200002291235", "110105200002291235", CalendarDate(year: 2000, month: 2, day: 29), Sex.male),
        // Residence permit for Hong Kong residents: prefix 81.
        ("810000199001011230", "810000199001011230", CalendarDate(year: 1990, month: 1, day: 1), Sex.male),
    ])
    func validNumbersAreNormalisedWithBirthDateAndSex(raw: String, number: String, birthDate: CalendarDate, sex: Sex) {
        let result = ResidentIDNormalizer.normalize(raw, today: Self.today)
        #expect(result.value?.number == number)
        #expect(result.value?.birthDate == birthDate)
        #expect(result.value?.sex == sex)
        #expect(result.problems.isEmpty)
        #expect(result.validity == .valid)
        #expect(result.raw == raw)
    }

    @Test func legacyFifteenDigitNumberIsUpgraded() {
        // 110105 49 1231 002 → 110105 19 49 1231 002 + check X (the example above).
        let result = ResidentIDNormalizer.normalize("110105491231002", today: Self.today)
        #expect(result.value?.number == "11010519491231002X")
        #expect(result.value?.upgradedFromLegacy == true)
        #expect(result.value?.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(result.value?.sex == .female)
        #expect(result.validity == .repaired)
    }

    @Test(arguments: [
        ("110105194912310021", NormalizationProblem.Code.invalidCheckCharacter),  // X changed to 1
        ("110105194912310020", .invalidCheckCharacter),
        ("11010519491231002", .invalidLength),
        ("1101051949123100200", .invalidLength),
        ("11010519491231002Y", .invalidCharacters),
        ("1101051949123100X2", .invalidCharacters),
        ("110105199002301231", .invalidDate),  // 30 February, check character itself right (Σ mod 11 = 0 → 1)
        ("110105190002291239", .invalidDate),  // 1900 is not a leap year
        ("110105209901011234", .dateInFuture),
        ("110105187001011234", .dateTooEarly),
        ("990105199001011236", .invalidRegion),
        ("110105491331002", .invalidDate),  // legacy form, month 13
        ("abc", .invalidCharacters),
        ("11010519491231002中", .invalidCharacters),  // 18 characters, one of them not ASCII
        ("1101051949123100中", .invalidCharacters),
        ("11010549123100A", .invalidCharacters),  // legacy length with a letter
        ("1101054912310X2", .invalidCharacters),
        ("1101051949X", .invalidLength),  // digits and X only: the length is what is wrong
    ])
    func invalidNumbersAreKeptAndFlagged(raw: String, code: NormalizationProblem.Code) {
        let result = ResidentIDNormalizer.normalize(raw, today: Self.today)
        #expect(result.value == nil)
        #expect(result.raw == raw)
        #expect(result.has(code), "\(result.problems)")
        #expect(result.validity == .invalid)
    }

    @Test(arguments: ["", "   ", "　"])
    func emptyIsNotAProblem(raw: String) {
        let result = ResidentIDNormalizer.normalize(raw)
        #expect(result.validity == .empty)
        #expect(result.problems.isEmpty)
    }

    @Test func aDeclaredBirthDateOrSexThatDisagreesIsAWarning() {
        let result = ResidentIDNormalizer.normalize(
            "11010519491231002X", declaredBirthDate: CalendarDate(year: 1949, month: 12, day: 13), declaredSex: .male,
            today: Self.today)
        #expect(result.value?.number == "11010519491231002X", "the number itself stays usable")
        #expect(result.has(.birthDateMismatch))
        #expect(result.has(.sexMismatch))
        #expect(result.problems.allSatisfy { $0.severity == .warning })
    }

    @Test func aDeclaredBirthDateAndSexThatAgreeRaiseNothing() {
        let result = ResidentIDNormalizer.normalize(
            "11010519491231002X", declaredBirthDate: CalendarDate(year: 1949, month: 12, day: 31), declaredSex: .female,
            today: Self.today)
        #expect(result.problems.isEmpty)
    }

    @Test(arguments: [("11010519491231002", Character("X")), ("44030819900101123", "9"), ("32058119800101001", "3")])
    func checkCharacterOfABody(body: String, check: Character) {
        #expect(ResidentIDNormalizer.checkCharacter(for: body) == check)
    }

    @Test(arguments: [("M", Sex.male), ("female", .female), ("男", .male), ("女", .female), ("2", .female), ("Ｆ", .female)])
    func sexCodesAreRead(code: String, sex: Sex) {
        #expect(Sex(code: code) == sex)
    }
}

/// ASCII numbers are read byte by byte; a trailing ideographic space (width folding makes it a space, which is
/// dropped) sends the same number down the character path, and the two must agree.
@Suite struct ResidentIDReadingAgreementTests {
    @Test func asciiAndCharacterReadingsAgree() {
        var random = SplitMix64(seed: 12)
        let pieces = ["1", "0", "9", "2", "5", "X", "x", "-", "_", ".", " ", "\t", "Y", "a", "中", "1101051949", "1231",
                      "002X", "491231002", "19900101", "440308"]
        var samples = ["11010519491231002X", "110105491231002", "440308199001011239", "11010519491231002x "]
        for _ in 0..<3_000 {
            samples.append((0..<Int.random(in: 1...8, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined())
        }
        // Valid numbers are rare among random ones: add generated ones and their 15-digit forms.
        for _ in 0..<1_000 {
            func twoDigits(_ range: ClosedRange<Int>) -> String {
                let value = Int.random(in: range, using: &random)
                return value < 10 ? "0\(value)" : "\(value)"
            }
            let body = "11010" + String(Int.random(in: 1...9, using: &random)) + "19" + twoDigits(0...99) + "0"
                + String(Int.random(in: 1...9, using: &random)) + twoDigits(1...31)
                + String(Int.random(in: 100...999, using: &random))
            samples.append(body + String(ResidentIDNormalizer.checkCharacter(for: body)!))
            samples.append(String(body.prefix(6)) + String(body.dropFirst(8)))
        }
        for ascii in samples where ascii.utf8.allSatisfy({ $0 < 0x80 }) {
            let byBytes = ResidentIDNormalizer.normalize(ascii, declaredSex: .male, today: ResidentIDTests.today)
            let byCharacters = ResidentIDNormalizer.normalize(ascii + "\u{3000}", declaredSex: .male,
                                                              today: ResidentIDTests.today)
            #expect(byBytes.value == byCharacters.value, "\(ascii.debugDescription)")
            #expect(byBytes.problems == byCharacters.problems, "\(ascii.debugDescription)")
            #expect(byBytes.repaired == byCharacters.repaired, "\(ascii.debugDescription)")
        }
    }
}
