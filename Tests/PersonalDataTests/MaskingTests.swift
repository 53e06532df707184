import PersonalData
import Testing

@Suite struct MaskingTests {
    @Test(arguments: [
        ("11010519491231002X", "1101**********002X"),
        ("E12345678", "E123*5678"),
        ("1234567", "*******"),
    ])
    func documentNumbersKeepFourAtEachEnd(value: String, masked: String) {
        #expect(Masking.documentNumber(value) == masked)
    }

    @Test func phonesKeepThreeAndFour() {
        #expect(Masking.phone("13800138000") == "138****8000")
    }
}
