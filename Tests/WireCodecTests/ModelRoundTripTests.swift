import Models
import NIOCore
import ServiceAPI
import Testing
import WireCodec

@Suite struct ModelRoundTripTests {
    @Test func healthResponseSurvivesTheCodecWithEnumByName() throws {
        let response = HealthCheckResponse(status: .serving, service: "identity", replica: "r1", version: "1.0",
                                           uptimeSeconds: 42, schemaVersion: 3, problems: ["database: slow", "x"])
        let bytes = try WireCodec.encode(response)
        #expect(try WireCodec.decode(HealthCheckResponse.self, from: bytes) == response)
        // SERVING is number 1 in rpc.proto: the record holds the number, not the Swift name.
        #expect(try WireCodec.record(of: response)["status"] == .int(1))
    }

    @Test func nestedAndRepeatedMessagesSurvive() throws {
        let events = (1...3).map { n in
            FeedEvent(position: Int64(n), type: "clm.identity.v1.CustomerCreated", subject: "C\(n)",
                      payload: [0, 1, 2, 255, UInt8(n)], occurredAt: Timestamp(unixMicros: 1_700_000_000_000_000 + Int64(n)),
                      traceID: "t\(n)")
        }
        let response = ListEventsResponse(events: events, headPosition: 99)
        let decoded = try WireCodec.decode(ListEventsResponse.self, from: try WireCodec.encode(response))
        #expect(decoded == response)
    }

    @Test func absentFieldsDecodeAsZeroAndNil() throws {
        let event = FeedEvent(position: 0, type: "", subject: "", payload: [], occurredAt: nil, traceID: "")
        let bytes = try WireCodec.encode(event)
        #expect(bytes.readableBytes == 0)
        #expect(try WireCodec.decode(FeedEvent.self, from: bytes) == event)
    }

    @Test func garbageIsMalformedNotACrash() throws {
        let garbage = ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x12])
        #expect(throws: WireError.self) { try WireCodec.decode(ListEventsResponse.self, from: garbage) }
        do {
            _ = try WireCodec.decode(ListEventsResponse.self, from: garbage)
        } catch {
            #expect(error.code == .malformed)
        }
    }
}
