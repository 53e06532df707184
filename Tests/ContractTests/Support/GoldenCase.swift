import Foundation
import NIOCore
import Testing
import WireCodec

/// One message whose encoding is pinned: the value a test constructs, the hand-written text protoc must print for
/// its encoding (`<fixture>.txt`), and the bytes our codec produced for it once (`<fixture>.hex`).
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let fixture: String
    let protoName: String
    /// The .proto declaring it, relative to Protos/.
    let protoFile: String
    /// Our codec's encoding of the constructed value.
    let encode: @Sendable () throws -> ByteBuffer
    /// Expects `bytes` to decode, with our codec, to the constructed value.
    let expectDecodes: @Sendable (ByteBuffer) throws -> Void

    var testDescription: String { fixture }

    /// A Swift `WireMessage` value, through `WireCodec.encode` and `decode`.
    static func message<M: WireMessage & Equatable>(_ fixture: String, in protoFile: String, _ value: M) -> GoldenCase {
        GoldenCase(fixture: fixture, protoName: M.protoName, protoFile: protoFile,
                   encode: { try WireCodec.encode(value) },
                   expectDecodes: { bytes in
                       let decoded = try WireCodec.decode(M.self, from: bytes)
                       #expect(decoded == value)
                   })
    }

    /// A message with no Swift type yet, as a record, through `WireCodec.pack` and `unpack`.
    static func record(_ fixture: String, _ protoName: String, in protoFile: String,
                       _ build: @escaping @Sendable () throws -> WireRecord) -> GoldenCase {
        GoldenCase(fixture: fixture, protoName: protoName, protoFile: protoFile,
                   encode: {
                       var buffer = ByteBuffer()
                       try WireCodec.pack(try build(), into: &buffer)
                       return buffer
                   },
                   expectDecodes: { bytes in
                       let value = try build()
                       let decoded = try WireCodec.unpack(protoName, from: bytes)
                       #expect(decoded == value, "differs in \(SampleRecords.differingFields(decoded, value))")
                   })
    }

    /// A request envelope, through the frame codec (the golden bytes are the envelope without its length prefix).
    static func request(_ fixture: String, _ envelope: RequestEnvelope) -> GoldenCase {
        GoldenCase(fixture: fixture, protoName: "clm.rpc.v1.RequestEnvelope", protoFile: "clm/rpc/v1/rpc.proto",
                   encode: {
                       var frame = ByteBuffer()
                       EnvelopeCodec.writeFrame(envelope, into: &frame)
                       return frame.getSlice(at: EnvelopeCodec.lengthPrefixSize,
                                             length: frame.readableBytes - EnvelopeCodec.lengthPrefixSize)!
                   },
                   expectDecodes: { bytes in
                       let decoded = try EnvelopeCodec.decodeRequest(bytes)
                       #expect(decoded == envelope)
                   })
    }

    /// A response envelope, through the frame codec.
    static func response(_ fixture: String, _ envelope: ResponseEnvelope) -> GoldenCase {
        GoldenCase(fixture: fixture, protoName: "clm.rpc.v1.ResponseEnvelope", protoFile: "clm/rpc/v1/rpc.proto",
                   encode: {
                       var frame = ByteBuffer()
                       EnvelopeCodec.writeFrame(envelope, into: &frame)
                       return frame.getSlice(at: EnvelopeCodec.lengthPrefixSize,
                                             length: frame.readableBytes - EnvelopeCodec.lengthPrefixSize)!
                   },
                   expectDecodes: { bytes in
                       let decoded = try EnvelopeCodec.decodeResponse(bytes)
                       #expect(decoded == envelope)
                   })
    }
}

/// A record of the message `name` with the given fields, named as in the proto.
/// - Throws: when the protos have no such message or it has no such field (`WireRecord`'s subscript would ignore it).
func record(_ name: String, _ fields: KeyValuePairs<String, WireValue>) throws -> WireRecord {
    guard let schema = WireSchema.message(named: name) else {
        throw FixtureError(message: "no message \(name) in the protos")
    }
    var record = WireRecord(schema: schema)
    for (field, value) in fields {
        guard let index = schema.fieldIndex(named: field) else {
            throw FixtureError(message: "\(name) has no field \(field)")
        }
        record.values[index] = value
    }
    return record
}

/// Golden binary fixtures: hex, whitespace and `#` comment lines ignored.
enum GoldenHex {
    static func read(_ fixture: String) throws -> ByteBuffer {
        let text = try SourceTree.fixture("\(fixture).hex")
        let digits = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined().filter(\.isHexDigit)
        guard digits.count.isMultiple(of: 2) else { throw FixtureError(message: "\(fixture).hex: odd digit count") }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return ByteBuffer(bytes: bytes)
    }

    /// Writes the fixture; only when CLM_WRITE_GOLDEN=1, after a deliberate change of the encoding.
    static func write(_ bytes: ByteBuffer, to fixture: String, protoName: String) throws {
        let hex = bytes.readableBytesView.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        var lines = ["# \(protoName) as WireCodec encodes it; regenerate only on purpose: "
                     + "CLM_WRITE_GOLDEN=1 swift test"]
        var rest = Substring(hex)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        let url = try SourceTree.fixtures().appendingPathComponent("\(fixture).hex")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    static var regenerating: Bool { ProcessInfo.processInfo.environment["CLM_WRITE_GOLDEN"] == "1" }
}
