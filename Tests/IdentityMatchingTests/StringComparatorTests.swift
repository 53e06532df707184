@testable import IdentityMatching
import Testing

@Suite struct StringComparatorTests {
    // OSA: "CA" → "ABC" is 3 (the transposed pair may not be edited again), where true Damerau–Levenshtein gives 2.
    @Test(arguments: [("CA", "ABC", 3), ("abcd", "acbd", 1), ("kitten", "sitting", 3), ("", "abc", 3),
                      ("same", "same", 0), ("13800138000", "13800183000", 1), ("张伟", "章伟", 1)])
    func damerauLevenshteinByHand(a: String, b: String, expected: Int) {
        #expect(DamerauLevenshtein.distance(a, b) == expected)
        #expect(DamerauLevenshtein.distance(b, a) == expected)
    }

    @Test func boundedDistanceStopsAtTheLimit() {
        var scratch = DistanceScratch()
        let a = Array("abcdefgh".unicodeScalars.map(\.value)), b = Array("hgfedcba".unicodeScalars.map(\.value))
        #expect(DamerauLevenshtein.distance(a, a.indices, b, b.indices, limit: 2, scratch: &scratch) == 3)
        #expect(DamerauLevenshtein.distance(a, a.indices, a, a.indices, limit: 0, scratch: &scratch) == 0)
    }

    @Test func bandedDistanceAgreesWithTheFullTableUpToTheLimit() {
        var random = TestRandom(seed: 11)
        var scratch = DistanceScratch()
        for _ in 0..<3_000 {
            let a = (0..<random.int(0...9)).map { _ in UInt32(97 + random.int(0..<4)) }
            var b = a
            for _ in 0..<random.int(0...4) where !b.isEmpty {
                switch random.int(0..<3) {
                case 0: b[random.int(0..<b.count)] = UInt32(97 + random.int(0..<4))
                case 1: b.remove(at: random.int(0..<b.count))
                default: b.insert(UInt32(97 + random.int(0..<4)), at: random.int(0...b.count))
                }
            }
            let full = DamerauLevenshtein.distance(a, a.indices, b, b.indices, limit: 20, scratch: &scratch)
            // The same strings as runs inside longer buffers, as prepared records keep them.
            let aBuffer = [120, 121] + a + [122], bBuffer = [122] + b + [120, 120, 121]
            let aRun = 2..<(2 + a.count), bRun = 1..<(1 + b.count)
            for limit in 0...3 {
                #expect(DamerauLevenshtein.distance(a, a.indices, b, b.indices, limit: limit, scratch: &scratch)
                    == min(full, limit + 1))
                #expect(DamerauLevenshtein.distance(aBuffer, aRun, bBuffer, bRun, limit: limit, scratch: &scratch)
                    == min(full, limit + 1))
            }
        }
    }

    @Test(arguments: [("MARTHA", "MARHTA"), ("DWAYNE", "DUANE"), ("DIXON", "DICKSONX"), ("张三丰", "张三"), ("a", "b")])
    func scalarJaroWinklerAgreesWithTheStringOne(a: String, b: String) {
        let s = Array(a.unicodeScalars.map(\.value)), t = Array(b.unicodeScalars.map(\.value))
        let fast = JaroWinkler.similarity(s, s.indices, t, t.indices)
        #expect(abs(fast - JaroWinkler.similarity(a, b)) < 1e-12)
        // The same strings as runs inside longer buffers, as prepared records keep them.
        let inBuffers = JaroWinkler.similarity([77, 65] + s, 2..<(2 + s.count), t + [65, 66, 67], t.indices)
        #expect(abs(inBuffers - JaroWinkler.similarity(a, b)) < 1e-12)
    }

    @Test func initialsStandForWholeWords() {
        func tokens(_ s: String) -> [[UInt32]] { NameTokens.split(s).map { $0.unicodeScalars.map(\.value) } }
        #expect(NameTokens.initialsCompatible(tokens("j"), tokens("john")))
        #expect(NameTokens.initialsCompatible(tokens("j smith"), tokens("john smith")))
        #expect(NameTokens.initialsCompatible(tokens("john"), tokens("john paul")))
        #expect(!NameTokens.initialsCompatible(tokens("j"), tokens("k")))
        #expect(!NameTokens.initialsCompatible(tokens("j"), tokens("j")))
        #expect(!NameTokens.initialsCompatible(tokens("k smith"), tokens("john smith")))
        #expect(NameTokens.sameSet(tokens("smith john"), tokens("john smith")))
        #expect(!NameTokens.sameSet(tokens("john john"), tokens("john smith")))
    }

    @Test func soundexCodesPublishedExamples() {
        #expect(Soundex.code("Robert") == "R163")
        #expect(Soundex.code("Rupert") == "R163")
        #expect(Soundex.code("Ashcraft") == "A261")
        #expect(Soundex.code("Tymczak") == "T522")
        #expect(Soundex.code("Pfister") == "P236")
        #expect(Soundex.code("张") == nil)
    }

    @Test func datesCompareByParts() throws {
        let date = try #require(DateParts("1980-03-07"))
        #expect(DateParts("19800307") == date)
        #expect(DateParts("1980/03/07") == date)
        #expect(DateParts("1980-13-07") == nil)
        #expect(DateParts("80-03-07") == nil)
        #expect(date.dayMonthTransposed(try #require(DateParts("1980-07-03"))))
        #expect(!date.dayMonthTransposed(try #require(DateParts("1981-07-03"))))
        #expect(try #require(DateParts("1980-05-05")).dayMonthTransposed(try #require(DateParts("1980-05-05"))) == false)
        #expect(date.oneDigitOff(try #require(DateParts("1980-03-08"))))
        #expect(date.oneDigitOff(try #require(DateParts("1960-03-07"))))
        #expect(!date.oneDigitOff(try #require(DateParts("1980-03-18"))))
        #expect(!date.oneDigitOff(try #require(DateParts("1980-07-03"))))
        #expect(date.sameYearAndMonth(try #require(DateParts("1980-03-28"))))
        #expect(date.within(years: 2, of: try #require(DateParts("1982-03-07"))))
        #expect(!date.within(years: 2, of: try #require(DateParts("1982-03-09"))))
        #expect(try #require(DateParts("2000-03-01")).dayNumber - (try #require(DateParts("2000-02-28"))).dayNumber == 2)
    }
}
