import NIOCore
import Testing
import WireCodec

/// A frame is a 4-byte big-endian length and exactly that many bytes of one envelope, which any protobuf decoder
/// reads as rpc.proto's envelope.
@Suite struct FrameContractTests {
    @Test func requestFramePrefixIsTheBigEndianLengthOfAnEnvelopeProtocReads() throws {
        var frame = ByteBuffer()
        EnvelopeCodec.writeFrame(GoldenValues.request, into: &frame)
        let prefix = frame.readInteger(endianness: .big, as: UInt32.self)
        #expect(prefix.map(Int.init) == frame.readableBytes)
        let text = try Protoc.decode(frame, as: "clm.rpc.v1.RequestEnvelope", in: "clm/rpc/v1/rpc.proto")
        #expect(text == (try SourceTree.fixture("request_envelope.txt")))
    }

    @Test func responseFramePrefixIsTheBigEndianLengthOfAnEnvelopeProtocReads() throws {
        var frame = ByteBuffer()
        EnvelopeCodec.writeFrame(GoldenValues.permissionDenied, into: &frame)
        let prefix = frame.readInteger(endianness: .big, as: UInt32.self)
        #expect(prefix.map(Int.init) == frame.readableBytes)
        let text = try Protoc.decode(frame, as: "clm.rpc.v1.ResponseEnvelope", in: "clm/rpc/v1/rpc.proto")
        #expect(text == (try SourceTree.fixture("response_envelope_permission_denied.txt")))
    }

    @Test func lengthPrefixBytesAreMostSignificantFirst() throws {
        // 70,000 bytes of payload: the length needs three bytes, so a little-endian or truncated prefix shows.
        let payload = ByteBuffer(repeating: 0x5A, count: 70_000)
        let request = RequestEnvelope(callID: 1, method: "/clm.rpc.v1.Health/Check", timeoutMicros: nil,
                                      traceID: "t", payload: payload)
        var frame = ByteBuffer()
        EnvelopeCodec.writeFrame(request, into: &frame)
        // call_id (2) + method (2 + 24) + trace_id (2 + 1) + payload (1 + 3 for the varint 70,000 + 70,000).
        let envelopeSize = 2 + 26 + 3 + 4 + 70_000
        #expect(frame.readableBytes == EnvelopeCodec.lengthPrefixSize + envelopeSize)
        let prefix = try #require(frame.getBytes(at: frame.readerIndex, length: 4))
        #expect(prefix == [0x00, 0x01, 0x11, 0x93])  // 70,035
        #expect(envelopeSize == 0x01_1193)
        frame.moveReaderIndex(forwardBy: 4)
        let text = try Protoc.decode(frame, as: "clm.rpc.v1.RequestEnvelope", in: "clm/rpc/v1/rpc.proto")
        #expect(text.hasPrefix("call_id: 1\nmethod: \"/clm.rpc.v1.Health/Check\"\ntrace_id: \"t\"\npayload: \"ZZZ"))
        #expect(!text.contains("timeout_micros"))
        #expect(try EnvelopeCodec.decodeRequest(frame) == request)
    }

    @Test func zeroTimeoutIsSentAsPresentNotAsNoDeadline() throws {
        // The deadline is a oneof so that 0 ("already expired") differs from absent ("no deadline").
        let request = RequestEnvelope(callID: 2, method: "/m", timeoutMicros: 0, traceID: "", payload: ByteBuffer())
        var frame = ByteBuffer()
        EnvelopeCodec.writeFrame(request, into: &frame)
        frame.moveReaderIndex(forwardBy: EnvelopeCodec.lengthPrefixSize)
        let text = try Protoc.decode(frame, as: "clm.rpc.v1.RequestEnvelope", in: "clm/rpc/v1/rpc.proto")
        #expect(text == "call_id: 2\nmethod: \"/m\"\ntimeout_micros: 0\n")
        #expect(try EnvelopeCodec.decodeRequest(frame).timeoutMicros == 0)
    }

    @Test func envelopeCodecAndTheGenericCodecWriteTheSameBytes() throws {
        // The envelopes have a hand-written fast path; the descriptor-driven packer is the reference.
        var frame = ByteBuffer()
        EnvelopeCodec.writeFrame(GoldenValues.permissionDenied, into: &frame)
        frame.moveReaderIndex(forwardBy: EnvelopeCodec.lengthPrefixSize)
        let violations: [WireValue] = try GoldenValues.permissionDenied.violations.map {
            .message(try record("clm.rpc.v1.FieldViolation", ["field": .string($0.field),
                                                              "description": .string($0.description)]))
        }
        let reference = try record("clm.rpc.v1.ResponseEnvelope", [
            "call_id": .uint(301), "status": .int(7), "message": .string("uid 1000 (pid 42) holds no roles"),
            "violations": .list(violations),
        ])
        var packed = ByteBuffer()
        try WireCodec.pack(reference, into: &packed)
        #expect(packed == frame)
        #expect(try WireCodec.unpack("clm.rpc.v1.ResponseEnvelope", from: frame) == reference)

        var requestFrame = ByteBuffer()
        EnvelopeCodec.writeFrame(GoldenValues.request, into: &requestFrame)
        requestFrame.moveReaderIndex(forwardBy: EnvelopeCodec.lengthPrefixSize)
        let request = try record("clm.rpc.v1.RequestEnvelope", [
            "call_id": .uint(300), "method": .string("/clm.identity.v1.Identity/GetCustomer"),
            "timeout_micros": .int(2_500_000), "trace_id": .string("trace-0001"),
            "payload": .bytes([0x00, 0x01, 0x7F, 0x80, 0xFF, 0x41]),
        ])
        var packedRequest = ByteBuffer()
        try WireCodec.pack(request, into: &packedRequest)
        #expect(packedRequest == requestFrame)
    }
}
