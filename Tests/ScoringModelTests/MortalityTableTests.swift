import ScoringModel
import Testing

@Suite struct MortalityTableTests {
    @Test func theDefaultTableIsCL2013NonAnnuityI() {
        let table = MortalityTable.cl2013NonAnnuityI
        #expect(table.name == "CL2013-non-annuity-I")
        #expect(table.firstAge == 0)
        #expect(table.lastAge == 105)
        #expect(table.rate(age: 0, sex: .male) == 0.000867)
        #expect(table.rate(age: 0, sex: .female) == 0.000620)
        #expect(table.rate(age: 60, sex: .male) == 0.009161)
        #expect(table.rate(age: 60, sex: .female) == 0.004414)
        #expect(table.rate(age: 105, sex: .male) == 1)
        #expect(table.rate(age: 120, sex: .female) == 1)
    }

    @Test func ratesRiseWithAgeAfterChildhood() {
        let table = MortalityTable.cl2013NonAnnuityI
        for age in 10 ..< 105 {
            #expect(table.rate(age: age, sex: .male) < table.rate(age: age + 1, sex: .male))
            #expect(table.rate(age: age, sex: .female) < table.rate(age: age + 1, sex: .female))
            #expect(table.rate(age: age, sex: .female) < table.rate(age: age, sex: .male))
        }
    }

    @Test func aTableFileIsReadWithItsHeader() throws {
        let csv = "age,qx_male,qx_female\n# a comment\n40, 0.001 ,0.0005\r\n41,0.002,0.001\n\n"
        let table = try MortalityTable(csv: csv, name: "mine")
        #expect(table.name == "mine")
        #expect(table.firstAge == 40)
        #expect(table.lastAge == 41)
        #expect(table.rate(age: 39, sex: .male) == 0.001)  // below the table: its first rate
        #expect(table.rate(age: 41, sex: .female) == 0.001)
        #expect(table.rate(age: 42, sex: .male) == 1)  // past the table: nobody survives
        #expect(table.rate(age: 40, sex: .unspecified) == (0.001 + 0.0005) / 2)
        #expect(table.survival(age: 40, sex: .male, years: 2) == (1 - 0.001) * (1 - 0.002))
        #expect(table.survival(age: 40, sex: .male, years: 3) == 0)
    }

    @Test(arguments: [
        ("40,0.001,0.0005\n42,0.002,0.001\n", 2, "out of sequence"),
        ("40,0.001\n", 1, "fields"),
        ("40,1.5,0.1\n", 1, "0 to 1"),
        ("40,0.1,0.1\nx,0.1,0.1\n", 2, "not a whole number"),
        ("age,qx_male,qx_female\n", 1, "no rows"),
    ])
    func badFilesNameTheLine(csv: String, line: Int, reason: String) {
        #expect {
            _ = try MortalityTable(csv: csv, name: "bad")
        } throws: { error in
            guard let error = error as? MortalityTable.FormatError else { return false }
            return error.line == line && error.reason.contains(reason)
        }
    }
}
