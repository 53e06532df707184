import Foundation
@testable import IdentityNormalization
import Testing

/// Inputs that the scalar-by-scalar parsing must treat exactly as whole characters (`Character`) and Unicode NFKC do.
@Suite struct ChineseAddressEdgeCaseTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var raw: String
        var province: String? = nil
        var city: String? = nil
        var district: String? = nil
        var street: String? = nil
        var number: String? = nil
        var detail: String? = nil
        var postcode: String? = nil
        var testDescription: String { raw.debugDescription }
    }

    @Test(arguments: [
        // Full-width digits and the ideographic space.
        Expected(raw: "北京市朝阳区建国路１２号\u{3000}３栋２单元", province: "北京", city: "北京", district: "朝阳区",
                 street: "建国路", number: "12", detail: "3栋2单元"),
        Expected(raw: "北京市朝阳区建国路88号 邮编：１０００２０", province: "北京", city: "北京", district: "朝阳区",
                 street: "建国路", number: "88", postcode: "100020"),
        // NFKC beyond width: a circled digit, a compatibility ideograph (U+F937 is 路).
        Expected(raw: "北京市朝阳区建国路①号", province: "北京", city: "北京", district: "朝阳区", street: "建国路", number: "1"),
        Expected(raw: "北京市朝阳区建国\u{F937}12号", province: "北京", city: "北京", district: "朝阳区", street: "建国路",
                 number: "12"),
        // Characters outside the BMP (CJK extension B).
        Expected(raw: "广东省深圳市南山区𠀀𠀁路3号", province: "广东", city: "深圳", district: "南山区", street: "𠀀𠀁路",
                 number: "3"),
        // Latin letters and digits in the detail.
        Expected(raw: "北京市朝阳区建国路88号SOHO现代城A座1201室", province: "北京", city: "北京", district: "朝阳区",
                 street: "建国路", number: "88", detail: "SOHO现代城A座1201室"),
        // 号 with a combining mark is another character: no house number.
        Expected(raw: "朝阳区建国路12号\u{301}3栋", district: "朝阳区", street: "建国路", detail: "12号\u{301}3栋"),
        // The spacing acute accent folds to a space with a combining mark: one character, a space, removed whole.
        Expected(raw: "朝阳区\u{B4}建国路12号", district: "朝阳区", street: "建国路", number: "12"),
        // An emoji sequence is one character.
        Expected(raw: "朝阳区建国路12号👨‍👩‍👧", district: "朝阳区", street: "建国路", number: "12", detail: "👨‍👩‍👧"),
        // Removing the postcode brings a Hangul L and V together: they become one character, so 8 characters (not 9)
        // precede 区 and the district is taken.
        Expected(raw: "\u{1100}邮编100020\u{1161}一二三四五六七区建国路1号",
                 district: "\u{1100}\u{1161}一二三四五六七区", street: "建国路", number: "1", postcode: "100020"),
    ])
    func unusualCharactersAreParsedAsWholeCharacters(expected: Expected) throws {
        let address = ChineseAddressParser.parse(expected.raw)
        #expect(address.province == expected.province)
        #expect(address.city == expected.city)
        #expect(address.district == expected.district)
        #expect(address.street == expected.street)
        #expect(address.houseNumber == expected.number)
        #expect(address.detail == expected.detail)
        #expect(address.postcode == expected.postcode)
    }

    @Test func emptyFieldsAreLeftOut() throws {
        let result = AddressNormalizer.normalize(lines: ["", "建国路12号", " "], streetNumber: "", city: "\u{3000}",
                                                 province: "北京", postcode: "")
        #expect(result.raw == "北京, 建国路12号")
        let value = try #require(result.value)
        #expect(value == .chinese(ChineseAddress(province: "北京", city: "北京", street: "建国路", houseNumber: "12")))
    }

    @Test func provinceAndCityKeysOfUnusualText() {
        #expect(ChineseAddressParser.provinceKey("廣東省") == "广东")
        #expect(ChineseAddressParser.provinceKey("\u{3000}北京市 ") == "北京")
        #expect(ChineseAddressParser.provinceKey("") == "")
        #expect(ChineseAddressParser.cityKey("杭州市\u{301}") == "杭州市\u{301}")
        #expect(ChineseAddressParser.cityKey("𠀀市") == "𠀀市")
        #expect(ChineseAddressParser.cityKey("𠀀𠀁市") == "𠀀𠀁")
    }

    @Test func foldingKeepsCharactersWithMarksAndReadsCompatibilityIdeographs() {
        let folding = ChineseFolding.shared
        #expect(folding.simplify("張\u{301}張𠀀") == "張\u{301}张𠀀")
        #expect(folding.simplify("\u{F900}") == "岂", "U+F900 is canonically 豈")
        #expect(folding.pinyinSyllables("張\u{301}張") == ["zhang"])
    }

    @Test func numeralsAreWholeCharacters() {
        #expect(ChineseNumerals.value(of: "\u{F973}") == 10, "U+F973 is canonically 拾")
        #expect(ChineseNumerals.isNumeral("\u{F96B}"), "U+F96B is canonically 參")
        #expect(ChineseNumerals.value(of: "十\u{301}") == nil)
        #expect(ChineseNumerals.convertRuns(in: "三\u{301}十号", before: ["号"]) == "三\u{301}10号")
        #expect(ChineseNumerals.convertRuns(in: "十二号\u{301}", before: ["号"]) == "十二号\u{301}")
    }

    @Test func textOfStandaloneScalarsIsFoldedAsBefore() {
        #expect(TextNormalizer.foldLatin("ＡＢＣ Abc 张") == "ａｂｃ abc 张")
        #expect(TextNormalizer.collapseWhitespace("张 三") == "张 三")
        #expect(TextNormalizer.collapseWhitespace(" 张  三") == "张 三")
        #expect(TextNormalizer.collapseWhitespace("张\u{A0}三\r\n") == "张 三")
    }

    /// Every scalar `standaloneWidthFold` accepts folds to what NFKC gives for it, and is a character of its own
    /// next to ASCII, Chinese and itself: the promise that lets text of such scalars be handled scalar by scalar.
    @Test func standaloneScalarsFoldAsNFKCAndStayCharactersOfTheirOwn() {
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let folded = TextNormalizer.standaloneWidthFold(scalar) else {
                continue
            }
            let alone = String(scalar)
            if !alone.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual([folded]) {
                wrong.append("NFKC U+\(String(value, radix: 16))")
            }
            if ("a" + alone + "一" + alone + alone).count != 5 {
                wrong.append("joins U+\(String(value, radix: 16))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }
}
