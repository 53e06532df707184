import IdentityMatching
import Testing

@Suite struct JaroWinklerTests {
    // Values from Winkler's papers and the record-linkage literature, rounded to three places.
    @Test(arguments: [("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813)])
    func matchesPublishedValues(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.0005)
    }

    @Test func identicalIsOneAndDisjointIsZero() {
        #expect(JaroWinkler.similarity("张三", "张三") == 1)
        #expect(JaroWinkler.similarity("ABC", "XYZ") == 0)
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(JaroWinkler.similarity("A", "") == 0)
    }

    @Test func isSymmetric() {
        #expect(JaroWinkler.similarity("CRATE", "TRACE") == JaroWinkler.similarity("TRACE", "CRATE"))
    }
}
