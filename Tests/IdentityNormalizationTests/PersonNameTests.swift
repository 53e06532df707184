import IdentityNormalization
import Testing

@Suite struct PersonNameTests {
    @Test(arguments: [
        ("张三丰", "张", "三丰", ["zhang"], ["san", "feng"]),
        ("張三豐", "张", "三丰", ["zhang"], ["san", "feng"]),
        ("张 三丰", "张", "三丰", ["zhang"], ["san", "feng"]),
        ("欧阳修", "欧阳", "修", ["ou", "yang"], ["xiu"]),
        ("歐陽修", "欧阳", "修", ["ou", "yang"], ["xiu"]),
        ("司马相如", "司马", "相如", ["si", "ma"], ["xiang", "ru"]),
        ("诸葛亮", "诸葛", "亮", ["zhu", "ge"], ["liang"]),
        ("尉迟恭", "尉迟", "恭", ["yu", "chi"], ["gong"]),
        ("曾国藩", "曾", "国藩", ["zeng"], ["guo", "fan"]),  // surname reading, not céng
        ("单田芳", "单", "田芳", ["shan"], ["tian", "fang"]),
        ("王五", "王", "五", ["wang"], ["wu"]),
        ("欧阳", "欧", "阳", ["ou"], ["yang"]),  // two characters: never a compound surname alone
        ("钟离春", "钟", "离春", ["zhong"], ["li", "chun"]),  // 钟离 deliberately not in the list
        ("迈克尔·乔丹", "乔丹", "迈克尔", ["qiao", "dan"], ["mai", "ke", "er"]),
    ])
    func chineseNames(raw: String, family: String, given: String, familyPinyin: [String], givenPinyin: [String]) {
        let name = PersonNameNormalizer.normalize(fullName: raw).value
        #expect(name?.script == .chinese)
        #expect(name?.family == family)
        #expect(name?.given == given)
        #expect(name?.familyPinyin == familyPinyin)
        #expect(name?.givenPinyin == givenPinyin)
    }

    @Test func chineseNameFromSeparateFieldsIsNotResplit() {
        let name = PersonNameNormalizer.normalize(given: "阳修", family: "欧").value
        #expect(name?.family == "欧")
        #expect(name?.given == "阳修")
        #expect(name?.full == "欧阳修")
        #expect(name?.pinyinKey == "ouyangxiu")
        #expect(name?.initials == ["y", "x"])
    }

    @Test(arguments: [
        ("Smith, John A.", "smith", "john", ["a"], ["j", "a"], nil as String?),
        ("John A. Smith", "smith", "john", ["a"], ["j", "a"], nil),
        ("Mr. John Smith Jr.", "smith", "john", [], ["j"], "jr"),
        ("Dr John Smith III", "smith", "john", [], ["j"], "iii"),
        ("Smith, John, Jr.", "smith", "john", [], ["j"], "jr"),
        ("J. R. R. Tolkien", "tolkien", "j", ["r", "r"], ["j", "r", "r"], nil),
        ("J.R.R. Tolkien", "tolkien", "j", ["r", "r"], ["j", "r", "r"], nil),
        ("Seán O’Brien", "obrien", "sean", [], ["s"], nil),
        ("Sean O'Brien", "obrien", "sean", [], ["s"], nil),
        ("Mary Smith–Jones", "smith-jones", "mary", [], ["m"], nil),
        ("Ludwig van Beethoven", "van beethoven", "ludwig", [], ["l"], nil),
        ("Maria de la Cruz", "de la cruz", "maria", [], ["m"], nil),
        ("ZHANG San", "zhang", "san", [], ["s"], nil),
        ("JOHN SMITH", "smith", "john", [], ["j"], nil),
        ("Mrs Zoë Müller", "muller", "zoe", [], ["z"], nil),
        ("Madonna", "madonna", "", [], [], nil),
    ])
    func latinNames(raw: String, family: String, given: String, middle: [String], initials: [String], suffix: String?) {
        let name = PersonNameNormalizer.normalize(fullName: raw).value
        #expect(name?.script == .latin)
        #expect(name?.family == family)
        #expect(name?.given == given)
        #expect(name?.middle == middle)
        #expect(name?.initials == initials)
        #expect(name?.suffix == suffix)
    }

    @Test func latinNameFromSeparateFields() {
        let name = PersonNameNormalizer.normalize(given: "John A.", family: "Smith Jr").value
        #expect(name?.family == "smith")
        #expect(name?.given == "john")
        #expect(name?.middle == ["a"])
        #expect(name?.suffix == "jr")
        #expect(name?.full == "john a smith")
    }

    @Test(arguments: [
        ("Bob", "Robert"), ("bill", "William"), ("Liz", "Elizabeth"), ("Peggy", "Margaret"), ("Jim", "James"),
        ("Robert", "ROBERT"), ("Kate", "Catherine"), ("Dick", "Richard"), ("Jack", "John"),
    ])
    func nicknamesAreEquivalentToTheirFormalName(nickname: String, formal: String) {
        #expect(PersonNameNormalizer.canonicalGivenName(nickname) == PersonNameNormalizer.canonicalGivenName(formal))
        #expect(GivenNameNicknames.areEquivalent(nickname, formal))
    }

    @Test func ambiguousAndUnrelatedNamesAreNotEquivalent() {
        #expect(!GivenNameNicknames.areEquivalent("Chris", "Christopher"))
        #expect(!GivenNameNicknames.areEquivalent("Robert", "William"))
        #expect(PersonNameNormalizer.normalize(fullName: "Bob Smith").value?.canonicalGiven == "robert")
        #expect(GivenNameNicknames.table.count >= 60)
    }

    @Test(arguments: ["", "   "])
    func emptyNames(raw: String) {
        #expect(PersonNameNormalizer.normalize(fullName: raw).validity == .empty)
    }

    @Test(arguments: ["未知", "Unknown", "N/A", "Mr."])
    func placeholdersAreInvalid(raw: String) {
        let result = PersonNameNormalizer.normalize(fullName: raw)
        #expect(result.value == nil)
        #expect(result.has(.invalidFormat))
    }

    @Test func namesWithDigitsAreUsableButFlagged() {
        let result = PersonNameNormalizer.normalize(fullName: "张三2")
        #expect(result.value != nil)
        #expect(result.has(.suspiciousName))
    }

    // Han numerals are ordinary characters of names, not digits.
    @Test(arguments: [("张三丰", "张", "三丰"), ("李一", "李", "一"), ("王万里", "王", "万里"), ("陆十七", "陆", "十七")])
    func hanNumeralsAreNotFlagged(raw: String, family: String, given: String) {
        let result = PersonNameNormalizer.normalize(fullName: raw)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.value?.family == family)
        #expect(result.value?.given == given)
    }

    // ASCII, full-width and other scripts' decimal digits are flagged, and so are symbols.
    @Test(arguments: ["张3丰", "张３丰", "张٣丰", "张三丰#", "John Sm1th"])
    func digitsAndSymbolsAreFlagged(raw: String) {
        let result = PersonNameNormalizer.normalize(fullName: raw)
        #expect(result.value != nil)
        #expect(result.problems.map(\.message) == ["contains digits or symbols"])
        #expect(result.problems.map(\.severity) == [.warning])
    }

    @Test func mixedScriptNamesKeepAWholeKey() {
        let name = PersonNameNormalizer.normalize(fullName: "张三 Zhang San").value
        #expect(name?.script == .other)
        #expect(name?.full == "张三zhang san")
    }
}
