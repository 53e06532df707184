import Models
import ScoringAPI
import Testing
import WireCodec

/// Every message of scoring.proto has a Swift type that survives the codec and sets every field of its proto.
@Suite struct ScoringMessageTests {
    @Test(arguments: ScoringSample.all)
    func swiftValueSurvivesTheCodec(sample: ScoringSample) throws {
        for value in sample.values {
            try WireChecks.roundTrip(value)
        }
    }

    @Test(arguments: ScoringSample.all)
    func swiftValueSetsEveryFieldOfItsProtoAllTheWayDown(sample: ScoringSample) throws {
        let schema = try #require(WireSchema.message(named: sample.protoName), "no message \(sample.protoName)")
        var setSomewhere = Set<Int>()
        for value in sample.values {
            let record = try WireCodec.record(of: value)
            #expect(record.schema === schema)
            let missing = WireChecks.unsetFields(record)
            #expect(missing.isEmpty, "\(sample.protoName) fields the sample leaves unset: \(missing)")
            setSomewhere.formUnion(record.values.keys)
        }
        // Each member of a oneof with several is chosen by one of the values.
        let neverSet = schema.fields.indices.filter { !setSomewhere.contains($0) }.map { schema.fields[$0].name }
        #expect(neverSet.isEmpty, "\(sample.protoName) fields no value sets: \(neverSet)")
    }

    @Test(arguments: ScoringSample.all)
    func noBytesDecodeToTheDefaultValue(sample: ScoringSample) throws {
        // `init()` is the proto3 empty message: no default that the wire cannot carry as absent.
        try WireChecks.emptyBytesDecode(to: sample.empty)
    }

    @Test func everyMessageOfThePackageHasExactlyOneSwiftType() throws {
        let inProtos = WireSchema.messages.map(\.name).filter { $0.hasPrefix("clm.scoring.v1.") }
        let sampled = ScoringSample.all.map(\.protoName)
        let declared = try WireChecks.protoNamesDeclared(under: "Services/Scoring/Sources/ScoringAPI")
        // scoring.proto declares 62 messages (counted by hand from the file).
        #expect(inProtos.count == 62)
        #expect(Set(sampled).count == sampled.count, "a type is sampled twice")
        #expect(Set(declared).count == declared.count, "two types declare the same protoName")
        #expect(Set(sampled) == Set(inProtos), "differ: \(Set(sampled).symmetricDifference(inProtos).sorted())")
        #expect(Set(declared) == Set(inProtos), "differ: \(Set(declared).symmetricDifference(inProtos).sorted())")
    }

    @Test(arguments: ScoringSample.all)
    func swiftTypeIsNamedLikeItsMessage(sample: ScoringSample) {
        // Two conformances swapped between messages with like fields would pass the tests above.
        #expect(sample.protoName == "clm.scoring.v1.\(type(of: sample.empty))")
    }
}
