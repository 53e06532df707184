import IdentityAPI
import Testing
import WireCodec

/// Every enum of identity.proto has a Swift enum with exactly its values, named by the rule.
@Suite struct IdentityEnumTests {
    @Test(arguments: IdentityEnumSample.all)
    func swiftEnumHasExactlyTheProtoValuesInOrder(sample: IdentityEnumSample) throws {
        let schema = try #require(Self.enumSchemas()[sample.protoName], "no field of enum \(sample.protoName)")
        #expect(sample.cases.map(\.rawValue) == schema.values.map(\.name))
        #expect(schema.values.first?.number == 0)
        #expect(sample.cases.first?.name == "unspecified")
        for (name, rawValue) in sample.cases {
            #expect(name == Self.caseName(of: rawValue, in: sample.protoName), "\(rawValue)")
        }
    }

    @Test func everyEnumOfIdentityProtoHasASwiftEnum() throws {
        let declared = try IdentityProto.load().enums
        #expect(declared.count > 20)
        #expect(IdentityEnumSample.all.map(\.protoName) == declared)
    }

    @Test func caseNamesFollowTheRule() {
        // The rule the test above applies, on the cases the lead writes code against.
        #expect(Self.caseName(of: "DOCUMENT_TYPE_RESIDENT_ID", in: "clm.identity.v1.DocumentType") == "residentId")
        #expect(Self.caseName(of: "PARTY_KIND_ORGANISATION", in: "clm.identity.v1.PartyKind") == "organisation")
        #expect(Self.caseName(of: "SEX_UNSPECIFIED", in: "clm.identity.v1.Sex") == "unspecified")
        #expect("\(DocumentType.hkMacaoPermit)" == "hkMacaoPermit")
        #expect(PolicyholderRelation.`self`.rawValue == "POLICYHOLDER_RELATION_SELF")
    }

    /// Every enum some message field has, by full name: the descriptors list enums only through their fields.
    static func enumSchemas() -> [String: EnumSchema] {
        var found: [String: EnumSchema] = [:]
        for schema in WireSchema.messages {
            for field in schema.fields {
                if case .enumeration(let values) = field.kind { found[values.name] = values }
            }
        }
        return found
    }

    /// lowerCamelCase of what follows the enum's prefix: `DOCUMENT_TYPE_RESIDENT_ID` of `DocumentType` is
    /// `residentId`.
    static func caseName(of value: String, in protoName: String) -> String {
        let short = protoName.split(separator: ".").last.map(String.init) ?? protoName
        var prefix = ""
        for character in short {
            if character.isUppercase, !prefix.isEmpty { prefix += "_" }
            prefix += character.uppercased()
        }
        let rest = value.hasPrefix(prefix + "_") ? value.dropFirst(prefix.count + 1) : Substring(value)
        let words = rest.lowercased().split(separator: "_")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }
}
