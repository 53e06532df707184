import IdentityAPI
import Models
import NIOCore
import Testing
import WireCodec

/// Every message of identity.proto has a Swift type that survives the codec and sets every field of its proto.
@Suite struct IdentityMessageTests {
    @Test(arguments: IdentitySample.all)
    func swiftValueSurvivesTheCodec(sample: IdentitySample) throws {
        try sample.checkRoundTrip()
    }

    @Test(arguments: IdentitySample.all)
    func swiftValueSetsEveryFieldOfItsProtoAllTheWayDown(sample: IdentitySample) throws {
        let schema = try #require(WireSchema.message(named: sample.protoName), "no message \(sample.protoName)")
        let record = try sample.record()
        #expect(record.schema === schema)
        let missing = Self.unsetFields(record)
        #expect(missing.isEmpty, "\(sample.protoName) fields the sample leaves unset: \(missing)")
    }

    @Test(arguments: IdentitySample.all)
    func noBytesDecodeToTheDefaultValue(sample: IdentitySample) throws {
        // `init()` is the proto3 empty message: no default that the wire cannot carry as absent.
        try sample.checkEmptyDecodesToDefault()
    }

    @Test func everyMessageOfThePackageHasExactlyOneSwiftType() throws {
        let inProtos = WireSchema.messages.map(\.name).filter { $0.hasPrefix("clm.identity.v1.") }
        let sampled = IdentitySample.all.map(\.protoName)
        let declared = try SourceFiles.protoNamesDeclared(under: "Services/Identity/Sources/IdentityAPI")
        #expect(inProtos.count > 80)
        #expect(Set(sampled).count == sampled.count, "a type is sampled twice")
        #expect(Set(declared).count == declared.count, "two types declare the same protoName")
        #expect(Set(sampled) == Set(inProtos), "differ: \(Set(sampled).symmetricDifference(inProtos).sorted())")
        #expect(Set(declared) == Set(inProtos), "differ: \(Set(declared).symmetricDifference(inProtos).sorted())")
    }

    /// Dotted paths of the fields of `record` and of every message inside it that are not set.
    static func unsetFields(_ record: WireRecord, path: String = "") -> [String] {
        record.schema.fields.indices.flatMap { index -> [String] in
            let place = path + record.schema.fields[index].name
            switch record.values[index] {
            case nil: return [place]
            case .message(let inner): return unsetFields(inner, path: place + ".")
            case .list(let elements):
                if elements.isEmpty { return [place] }
                return elements.enumerated().flatMap { position, element -> [String] in
                    guard case .message(let inner) = element else { return [] }
                    return unsetFields(inner, path: "\(place)[\(position)].")
                }
            default: return []
            }
        }
    }
}
