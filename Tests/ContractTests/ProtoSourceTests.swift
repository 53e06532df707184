import Foundation
import Testing
import WireCodec

/// protoc-c's descriptors, which drive the codec and the routers, hold exactly what the .proto files declare: the
/// generated C cannot lag behind a proto edit unnoticed.
@Suite struct ProtoSourceTests {
    @Test func descriptorsHoldEveryMessageOfTheProtosAndNoOther() throws {
        let declared = try ProtoSource.load().messages
        let generated = Set(WireSchema.messages.map(\.name))
        #expect(declared.count > 250)
        #expect(declared.subtracting(generated).isEmpty,
                "in the protos, not generated: \(declared.subtracting(generated).sorted())")
        #expect(generated.subtracting(declared).isEmpty,
                "generated, not in the protos: \(generated.subtracting(declared).sorted())")
    }

    @Test func descriptorsHoldEveryServiceAndMethodOfTheProtos() throws {
        let declared = try ProtoSource.load().methods
        let generated = Set(WireSchema.services.flatMap { service in
            service.methods.map { ProtoSource.Method(path: $0.path, input: $0.inputType, output: $0.outputType) }
        })
        #expect(declared.count > 40)
        #expect(declared == generated, "differ: \(declared.symmetricDifference(generated).map(\.path).sorted())")
    }

    @Test func everyMessageFieldNamesAMessageTheCodecKnows() {
        for schema in WireSchema.messages {
            for field in schema.fields {
                guard case .message(let name) = field.kind else { continue }
                #expect(WireSchema.message(named: name) != nil, "\(schema.name).\(field.name) names \(name)")
            }
        }
    }
}

/// What the .proto files declare, read with a deliberately simple parser: the protos keep one declaration per line
/// and no nested messages, which the counts in the tests above would catch if it changed.
struct ProtoSource {
    struct Method: Hashable {
        let path: String
        let input: String
        let output: String
    }

    var messages = Set<String>()
    var methods = Set<Method>()
    /// Top-level enums by full name (a nested enum would be named as if top-level; only rpc.proto has one).
    var enums = Set<String>()

    static func load() throws -> ProtoSource {
        var source = ProtoSource()
        let protos = try SourceTree.root().appendingPathComponent("Protos")
        for file in try SourceTree.protoFiles() {
            let text = try String(contentsOf: protos.appendingPathComponent(file), encoding: .utf8)
            var package = ""
            var service = ""
            func qualified(_ type: Substring) -> String { type.contains(".") ? String(type) : "\(package).\(type)" }
            for raw in text.split(separator: "\n") {
                let line = raw.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let words = line.split(whereSeparator: { " \t(){};".contains($0) })
                guard let first = words.first else { continue }
                switch first {
                case "package" where words.count >= 2: package = String(words[1])
                case "message" where words.count >= 2: source.messages.insert("\(package).\(words[1])")
                case "enum" where words.count >= 2: source.enums.insert("\(package).\(words[1])")
                case "service" where words.count >= 2: service = "\(package).\(words[1])"
                case "rpc" where words.count >= 5 && words[3] == "returns":
                    source.methods.insert(Method(path: "/\(service)/\(words[1])", input: qualified(words[2]),
                                                 output: qualified(words[4])))
                default: continue
                }
            }
        }
        return source
    }
}
