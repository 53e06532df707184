import Models
import NIOCore
import ServiceAPI
import Testing
import WireCodec

/// Strings that arrive on the wire in a shape proto3 forbids or protobuf-c cannot represent are refused, never
/// silently altered: the encoder already refuses a NUL for the same reason.
@Suite struct StringFieldDecodingTests {
    /// Money.currency (field 2, length-delimited) holding "AB\0CD": valid UTF-8, valid protobuf (protoc reads it
    /// as "AB\000CD"), but protobuf-c hands strings over NUL-terminated.
    static let currencyWithNul = ByteBuffer(bytes: [0x12, 0x05, 0x41, 0x42, 0x00, 0x43, 0x44])
    /// Money.currency holding "A" then 0xFF 0xFE: not UTF-8, which proto3 requires (protoc refuses to parse it).
    static let currencyNotUTF8 = ByteBuffer(bytes: [0x12, 0x03, 0x41, 0xFF, 0xFE])

    @Test func aStringWithANulIsRefusedNotCutShort() throws {
        // Cutting "C001\0X" to "C001" would address another customer; refusing lets the service answer
        // INVALID_ARGUMENT.
        #expect(throws: WireError.self) {
            try WireCodec.decode(Money.self, from: Self.currencyWithNul)
        }
        #expect(throws: WireError.self) { try WireCodec.unpack(Money.protoName, from: Self.currencyWithNul) }
    }

    @Test func aStringThatIsNotUTF8IsRefused() throws {
        #expect(throws: WireError.self) {
            try WireCodec.decode(Money.self, from: Self.currencyNotUTF8)
        }
        #expect(throws: WireError.self) { try WireCodec.unpack(Money.protoName, from: Self.currencyNotUTF8) }
    }

    @Test func aStringInANestedMessageIsCheckedToo() throws {
        // CustomerActivity{customer_code: "C1", amount (field 7): Money{currency: "AB\0CD"}}, and the same with a
        // clean currency, which decodes.
        let nested: [UInt8] = [0x0A, 0x02, 0x43, 0x31, 0x3A, 0x07] + Array(Self.currencyWithNul.readableBytesView)
        #expect(throws: WireError.self) { try WireCodec.decode(CustomerActivity.self, from: ByteBuffer(bytes: nested)) }
        let clean: [UInt8] = [0x0A, 0x02, 0x43, 0x31, 0x3A, 0x05, 0x12, 0x03, 0x43, 0x4E, 0x59]
        let activity = try WireCodec.decode(CustomerActivity.self, from: ByteBuffer(bytes: clean))
        #expect(activity.customerCode == "C1" && activity.amount?.currency == "CNY")
    }

    @Test func aMethodNameWithANulIsRefusedNotCutShort() throws {
        // RequestEnvelope{call_id: 1, method: "/a\0/b"}: cut short, it would route to "/a".
        let frame = ByteBuffer(bytes: [0x08, 0x01, 0x12, 0x05, 0x2F, 0x61, 0x00, 0x2F, 0x62])
        #expect(throws: WireError.self) { try EnvelopeCodec.decodeRequest(frame) }
    }

    @Test func aValidStringWithEveryPlaneSurvives() throws {
        let money = Money(minorUnits: 1, currency: "元 Zoë 🙂")
        #expect(try WireCodec.decode(Money.self, from: try WireCodec.encode(money)) == money)
    }
}
