import IdentityNormalization
import Testing

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"),
        ("（北京）", "(北京)"),
        ("张\u{3000}三", "张 三"),
        ("张三丰", "张三丰"),
        ("がぎ", "がぎ"),  // kana voicing marks survive
        ("ｶﾀｶﾅ", "カタカナ"),  // half-width katakana to full width
        ("\u{F900}", "\u{8C48}"),  // CJK compatibility ideograph to its unified form
        ("한국어", "한국어"),
    ])
    func widthFolding(input: String, expected: String) {
        #expect(TextNormalizer.foldWidth(input) == expected)
    }

    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("a\u{200B}b", "ab"),
        ("\u{3000}张三\u{3000}", "张三"),
        ("", ""),
    ])
    func whitespaceIsCollapsedAndTrimmed(input: String, expected: String) {
        #expect(TextNormalizer.collapseWhitespace(input) == expected)
    }

    @Test(arguments: [
        ("José", "jose"), ("MÜLLER", "muller"), ("Straße", "strasse"), ("Søren", "soren"), ("Łukasz", "lukasz"),
        ("Æsir", "aesir"), ("がぎ", "がぎ"),
    ])
    func latinFolding(input: String, expected: String) {
        #expect(TextNormalizer.foldLatin(input) == expected)
    }

    @Test(arguments: [
        ("張 三 豐", "张三丰"),
        ("  JOHN   Smith ", "john smith"),
        ("ＪＯＨＮ　ＳＭＩＴＨ", "john smith"),
        ("李 Lei", "李lei"),
        ("陳大文", "陈大文"),
    ])
    func comparisonKeys(input: String, expected: String) {
        #expect(TextNormalizer.comparisonKey(input) == expected)
    }

    @Test func pinyinKeysMakeHomophonesAndTraditionalFormsEqual() {
        #expect(TextNormalizer.pinyinKey("张三丰") == "zhangsanfeng")
        #expect(TextNormalizer.pinyinKey("張三豐") == "zhangsanfeng")
        #expect(TextNormalizer.pinyinKey("章三丰") == "zhangsanfeng")
        #expect(TextNormalizer.pinyinSyllables("王 Li 2") == ["wang", "li", "2"])
    }

    @Test(arguments: [("十二", 12), ("二十", 20), ("一百零五", 105), ("两千", 2000), ("二〇一二", 2012), ("一九四九", 1949),
                      ("三", 3), ("壹拾贰", 12), ("一万二千", 12000)])
    func chineseNumerals(text: String, value: Int) {
        #expect(ChineseNumerals.value(of: text) == value)
    }

    @Test func numeralsAreConvertedOnlyBeforeAMarker() {
        #expect(ChineseNumerals.convertRuns(in: "三里屯十二号", before: ["号"]) == "三里屯12号")
        #expect(ChineseNumerals.value(of: "三里") == nil)
    }

    @Test func aRunTooLongForANumberIsLeftAsWritten() {
        // Twenty 九 would overflow a 64-bit integer; eighteen are still read.
        let twenty = String(repeating: "九", count: 20)
        #expect(ChineseNumerals.value(of: twenty) == nil)
        #expect(ChineseNumerals.convertRuns(in: "人民路" + twenty + "号", before: ["号"]) == "人民路" + twenty + "号")
        #expect(ChineseNumerals.value(of: String(repeating: "九", count: 18)) == 999_999_999_999_999_999)
        #expect(ChineseAddressParser.parse("北京市朝阳区人民路" + twenty + "号").street == "人民路")
    }
}
