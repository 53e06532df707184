import IdentityNormalization
import Models
import Testing

/// Problem messages become the notes of field checks, which answers show next to the value, masked for callers
/// without the `pii` role: a message says what is wrong and never quotes the value, any part of it, or what it
/// encodes. The expected texts are written out in full.
@Suite struct ProblemMessageTests {
    static let today = CalendarDate(year: 2025, month: 6, day: 1)

    @Test(arguments: [
        (DocumentType.hkMacaoPermit, "H123456789", "expected H or M followed by 8 or 10 digits"),
        (.taiwanPermit, "1234567", "expected 8 digits, or 10 digits and an optional letter"),
        (.passport, "E1234*567", "characters other than letters and digits"),
        (.passport, "张三丰12345", "characters other than letters and digits"),
        (.passport, "E123", "4 characters; expected 5–20"),
        (.passport, "000000", "one character repeated: a placeholder, not a number"),
        (.foreignPermanentResidentID, "910100198003151232", "check character does not match the first 17 digits"),
        (.foreignPermanentResidentID, "9101001980031512A1", "expected 18 digits"),
        (.foreignPermanentResidentID, "US1101800101011",
         "expected 3 letters and 12 digits, or 18 digits starting with 9"),
        (.residentID, "110105194912310021", "check character does not match the first 17 digits"),
        (.residentID, "990105199001011236", "first two digits not a province-level code"),
        (.residentID, "11010519491231002*", "characters other than digits and X; expected digits and a final X"),
        (.residentID, "1101051949123100X2", "X before the last position; expected digits and a final X"),
        (.residentID, "1101051949123", "13 characters; expected 18 (or 15)"),
        (.residentID, "110105209901011234", "birth date after today"),
        (.residentID, "110105187001011234", "birth date before 1880"),
        (.residentID, "110105191302301234", "not a calendar date"),
        (.businessRegistration, "110108000000017", "fails the MOD 11,10 check"),
        (.businessRegistration, "80210043-4", "fails the GB 11714 check"),
        (.businessRegistration, "1234", "expected 15 or 13 digits, or a 9-character organisation code"),
        (.unifiedSocialCreditCode, "91350100M000100Y44", "check character does not match the first 17 characters"),
        (.unifiedSocialCreditCode, "91350100M000100YIO", "characters outside the code alphabet"),
    ])
    func documentMessages(type: DocumentType, raw: String, message: String) {
        let result = DocumentNormalizer.normalize(raw, type: type, today: Self.today)
        #expect(result.value == nil)
        #expect(result.problems.map(\.message) == [message])
    }

    @Test func residentIDMismatchesDoNotSayWhatTheNumberEncodes() {
        let result = ResidentIDNormalizer.normalize(
            "11010519491231002X", declaredBirthDate: CalendarDate(year: 1949, month: 12, day: 13), declaredSex: .male,
            today: Self.today)
        #expect(result.problems.map(\.message) == [
            "the birth date the number encodes differs from the record's",
            "the sex the number encodes differs from the record's",
        ])
    }

    @Test(arguments: [
        ("19900230", "not a calendar date"),
        ("1990年13月1日", "not a calendar date"),
        ("03/04/1990", "day and month could be either way round"),
        ("13/14/1990", "neither of the numbers before the year is a month"),
        ("2025-06-02", "birth date after today"),
        ("1879-12-31", "birth date before 1880"),
        ("1900-01-01", "a placeholder systems write for an unknown birth date"),
        ("yesterday", "not a date in a known format"),
        ("1949年12月", "not a date in a known format"),
    ])
    func birthDateMessages(raw: String, message: String) {
        let result = BirthDateParser.parse(raw, today: Self.today)
        #expect(result.value == nil)
        #expect(result.problems.map(\.message) == [message])
    }

    @Test(arguments: [
        ("12345678", "not a mainland mobile or landline number, and no country code"),
        ("+86 12345", "after +86, neither a mobile nor a landline number"),
        ("+12", "not an international number (8–15 digits after +)"),
        ("138-0013-800a", "characters that cannot appear in a phone number"),
    ])
    func phoneMessages(raw: String, message: String) {
        let result = PhoneNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.problems.map(\.message) == [message])
    }

    @Test(arguments: [
        ("zhang@example", "no dot in the domain"),
        ("zhang@example..com", "an empty label in the domain"),
        ("zhang@-example.com", "a domain label starts or ends with -"),
        ("zhang@exa_mple.com", "a domain label has a character other than letters, digits and -"),
        ("zhang@example.c0m", "the top-level domain is not 2+ letters"),
    ])
    func emailMessages(raw: String, message: String) {
        let result = EmailNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.problems.map(\.message) == [message])
    }

    @Test(arguments: [("未知", "a placeholder, not a name"), ("张三丰!", "contains digits or symbols")])
    func nameMessages(raw: String, message: String) {
        #expect(PersonNameNormalizer.normalize(fullName: raw).problems.map(\.message) == [message])
    }
}
