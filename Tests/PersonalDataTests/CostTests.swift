import PersonalData
import Testing

/// Per-value costs, printed for the record (not asserted: they depend on the machine and the build).
@Suite struct CostTests {
    @Test func printsPerValueCosts() throws {
        let keys = try Fixtures.keys1()
        let cipher = FieldCipher(keys: keys), hasher = MatchingHash(keys: keys)
        let values = (0..<20_000).map { "1101051949\(String(10_000_000 + $0).suffix(7))X" }
        let clock = ContinuousClock()
        var opened = 0
        let sealTime = try clock.measure {
            for value in values {
                let sealed = try cipher.encrypt(value, context: Fixtures.idContext)
                opened += try cipher.decrypt(sealed, context: Fixtures.idContext).utf8.count
            }
        }
        var hashed = 0
        let hashTime = clock.measure {
            for value in values { hashed += hasher.digest(value, domain: "id/resident").bytes.count }
        }
        var hashedHan = 0
        let hanTime = clock.measure {
            for value in values { hashedHan += hasher.digest("张三丰" + value, domain: "name").bytes.count }
        }
        let n = Double(values.count)
        func microseconds(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
            return String(Int((seconds / n * 1e9).rounded())) + " ns"
        }
        print("PersonalData cost per value (\(values.count) values, 18 chars): encrypt+decrypt \(microseconds(sealTime)), "
              + "matching hash \(microseconds(hashTime)) (ASCII), \(microseconds(hanTime)) (non-ASCII, NFC)")
        #expect(opened == 18 * values.count && hashed == 32 * values.count && hashedHan == hashed)
    }
}
