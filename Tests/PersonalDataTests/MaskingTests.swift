import PersonalData
import Testing

@Suite struct MaskingTests {
    @Test(arguments: [
        ("11010519491231002X", "1101**********002X"),
        ("110105194912311234", "1101**********1234"),
        ("110105491231123", "1101*******1123"),
        ("E12345678", "E123*5678"),
        ("12345678", "********"),
        ("1234567", "*******"),
        ("", ""),
    ])
    func documentNumbersKeepFourAtEachEnd(value: String, masked: String) {
        #expect(Masking.documentNumber(value) == masked)
    }

    @Test(arguments: [
        ("13800138000", "138****8000"),
        ("+8613800138000", "+86*******8000"),
        ("02112345678", "021****5678"),
        ("1234567", "*******"),
    ])
    func phonesKeepThreeAndFour(value: String, masked: String) {
        #expect(Masking.phone(value) == masked)
    }

    @Test(arguments: [
        ("zhang.san@example.com", "z***@example.com"),
        ("z@example.com", "z***@example.com"),
        ("Zhang@mail.example.com.cn", "Z***@mail.example.com.cn"),
        ("\"a@b\"@example.com", "\"***@example.com"),
        ("@example.com", "***@example.com"),
        ("not-an-email", "n***"),
        ("", ""),
    ])
    func emailsKeepFirstCharacterAndDomain(value: String, masked: String) {
        #expect(Masking.email(value) == masked)
    }

    @Test(arguments: [
        ("张三丰", "张**"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧阳**"),
        ("司马光", "司马*"),
        ("欧阳", "欧*"),
        ("王", "*"),
        ("John Smith", "Smith, J***"),
        ("Smith, John", "Smith, J***"),
        ("  John   Paul  Smith ", "Smith, J*** P***"),
        ("Smith", "Smith"),
        ("", ""),
    ])
    func namesKeepTheFamilyName(value: String, masked: String) {
        #expect(Masking.name(value) == masked)
    }

    @Test func structuredLatinNames() {
        #expect(Masking.name(family: "Smith", given: "John") == "Smith, J***")
        #expect(Masking.name(family: "van der Berg", given: "Anna Maria") == "van der Berg, A*** M***")
        #expect(Masking.name(family: "Smith", given: "") == "Smith")
    }

    @Test(arguments: [
        ("三丰", "**"),
        ("修", "*"),
        ("迈克尔", "***"),
        ("Michaela", "M***"),
        ("michaela", "m***"),
        ("  John   Paul ", "J*** P***"),
        ("", ""),
    ])
    func givenNamesAreNeverShownWhole(value: String, masked: String) {
        #expect(Masking.givenName(value) == masked)
    }

    @Test(arguments: [
        ("张三丰", "张", "张**"),
        ("欧阳 修", "欧阳", "欧阳*"),
        ("钟离春", "钟", "钟**"),
        ("迈克尔·乔丹", "乔丹", "****乔丹"),
        ("張三丰", "张", "張**"),  // not found as written: the full-name rule decides
        ("王", "王", "*"),
        ("ZHANG San", "zhang", "ZHANG, S***"),
        ("Michaela Neumann", "neumann", "Neumann, M***"),
        ("Neumann, Michaela", "Neumann", "Neumann, M***"),
        ("Anna Maria van der Berg", "van der berg", "van der Berg, A*** M***"),
        ("Seán O'Brien", "obrien", "O'Brien, S***"),
        ("Zoë Müller", "muller", "Müller, Z***"),
        ("Madonna", "madonna", "Madonna"),
        ("John Smith", "", "Smith, J***"),
        ("John Smith", "Jones", "Smith, J***"),
        ("", "zhang", ""),
    ])
    func fullNamesKeepTheKnownFamilyName(value: String, family: String, masked: String) {
        #expect(Masking.name(value, family: family) == masked)
    }

    @Test(arguments: [
        (PersonalValueKind.documentNumber, "11010519491231002X", "1101**********002X"),
        (.phone, "13800138000", "138****8000"),
        (.email, "zhang.san@example.com", "z***@example.com"),
        (.name, "张三丰", "张**"),
    ])
    func policyMasksUnlessTheRoleMayReveal(kind: PersonalValueKind, value: String, masked: String) {
        #expect(MaskingPolicy(mayReveal: false).show(value, as: kind) == masked)
        #expect(MaskingPolicy.masked.show(value, as: kind) == masked)
        #expect(MaskingPolicy(mayReveal: true).show(value, as: kind) == value)
        #expect(MaskingPolicy.reveal.show(value, as: kind) == value)
    }
}
