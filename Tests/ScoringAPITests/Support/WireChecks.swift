import CLMTesting
import Foundation
import NIOCore
import Testing
import WireCodec

// Nothing here is scoring's own: these are the checks any service's Swift side of its proto needs. IdentityAPITests
// has the same ideas in its Support folder and suites (IdentitySample, SourceFiles, the statics of
// IdentityEnumTests and IdentityMessageTests); one shared test-support target should hold them for both.

/// Checks of Swift message and enum types against the protos, through the real protobuf-c codec.
enum WireChecks {
    /// Encodes `value`, decodes the bytes and compares; and checks that the record path (`record(of:)`, `pack`)
    /// gives the same bytes, since the two are codecs over one schema.
    static func roundTrip<M: WireMessage & Hashable>(_ value: M) throws {
        let encoded = try WireCodec.encode(value)
        #expect(try WireCodec.decode(M.self, from: encoded) == value, "\(M.protoName)")
        var packed = ByteBuffer()
        try WireCodec.pack(try WireCodec.record(of: value), into: &packed)
        #expect(packed == encoded, "\(M.protoName): the record path packs other bytes")
    }

    /// Decodes no bytes at all and compares with `empty`.
    static func emptyBytesDecode<M: WireMessage & Hashable>(to empty: M) throws {
        #expect(try WireCodec.decode(M.self, from: ByteBuffer()) == empty, "\(M.protoName)")
    }

    /// Dotted paths of the fields of `record`, and of every message inside it, that are not set; a oneof member
    /// counts as set when another member of its oneof is.
    static func unsetFields(_ record: WireRecord, path: String = "") -> [String] {
        let fields = record.schema.fields
        let chosen = Set(fields.indices.compactMap { record.values[$0] == nil ? nil : fields[$0].oneof })
        return fields.indices.flatMap { index -> [String] in
            let place = path + fields[index].name
            switch record.values[index] {
            case nil:
                if let oneof = fields[index].oneof, chosen.contains(oneof) { return [] }
                return [place]
            case .message(let inner):
                return unsetFields(inner, path: place + ".")
            case .list(let elements):
                if elements.isEmpty { return [place] }
                return elements.enumerated().flatMap { position, element -> [String] in
                    guard case .message(let inner) = element else { return [] }
                    return unsetFields(inner, path: "\(place)[\(position)].")
                }
            default:
                return []
            }
        }
    }

    /// Every enum some message field has, by full name: protoc-c's descriptors reach enums only through fields.
    static func enumSchemas() -> [String: EnumSchema] {
        var found: [String: EnumSchema] = [:]
        for schema in WireSchema.messages {
            for field in schema.fields {
                if case .enumeration(let values) = field.kind { found[values.name] = values }
            }
        }
        return found
    }

    /// The proto value a Swift enum case stands for: the enum's name and the case's, each in UPPER_SNAKE_CASE, so
    /// `rfmRenewalBand` of `clm.scoring.v1.Metric` is `METRIC_RFM_RENEWAL_BAND`.
    static func protoValue(ofCase name: String, in enumName: String) -> String {
        let short = enumName.split(separator: ".").last.map(String.init) ?? enumName
        return upperSnake(short) + "_" + upperSnake(name)
    }

    /// `ruleSetActivated` and `RuleSetActivated` both become `RULE_SET_ACTIVATED`.
    static func upperSnake(_ camel: String) -> String {
        var result = ""
        for character in camel {
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.uppercased()
        }
        return result
    }

    /// The `protoName`s the Swift files of a folder (a path from the repository's root) declare, file by file.
    static func protoNamesDeclared(under folder: String) throws -> [String] {
        let base = try RepositoryRoot.url(from: #filePath).appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasSuffix(".swift") }
        var names: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "protoName = \"")?.upperBound,
                    let end = line[start...].firstIndex(of: "\"")
                else { continue }
                names.append(String(line[start..<end]))
            }
        }
        return names
    }
}
