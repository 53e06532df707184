import IdentityNormalization
import Testing

@Suite struct ChineseFoldingTests {
    @Test(arguments: [("張", "张"), ("陳", "陈"), ("劉", "刘"), ("黃", "黄"), ("國", "国"), ("王", "王"), ("A1", "A1")])
    func traditionalFoldsToSimplified(traditional: String, simplified: String) {
        #expect(ChineseFolding.shared.simplify(traditional) == simplified)
    }

    @Test func homophonesShareTheirPinyin() {
        let folding = ChineseFolding.shared
        #expect(folding.pinyinSyllables("张三") == ["zhang", "san"])
        #expect(folding.pinyinSyllables("章三") == ["zhang", "san"])
        #expect(folding.pinyinSyllables("張三") == ["zhang", "san"], "a traditional form reads like its simplified one")
        #expect(folding.pinyinSyllables("绿") == ["lv"])
        #expect(folding.pinyinSyllables("Li 李") == ["li"], "Latin letters carry no pinyin")
    }

    @Test func aTableWithoutAnEntryFoldsToItself() {
        let folding = ChineseFolding(table: "# header\n張\t张\tzhang\n")
        #expect(folding.simplify("陳張") == "陳张")
        #expect(folding.pinyinSyllables("陳張") == ["zhang"])
    }
}
