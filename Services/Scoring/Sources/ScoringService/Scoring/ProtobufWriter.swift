import Models

/// Protobuf's wire format written field by field, as protobuf-c writes a proto3 message, for the messages a full
/// rescore writes a million of (`ExplanationBytes`, `ScoreCardBytes`), where the codec's generic path
/// (`WireCodec.encode`) costs more than computing them:
/// - fields in field-number order (the caller writes them so);
/// - a scalar, string or enum left out when it holds its default (a double when it equals 0, -0.0 included, as the
///   codec leaves it unset);
/// - a nested message the Swift type always holds written always, even empty; an optional one when present;
/// - a oneof member written whenever it is set, default or not;
/// - repeated enums packed.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func string(_ field: UInt64, _ text: String) {
        guard !text.isEmpty else { return }
        tag(field, wireType: 2)
        varint(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    /// A repeated string: every value written, empty or not.
    mutating func strings(_ field: UInt64, _ texts: [String]) {
        for text in texts {
            tag(field, wireType: 2)
            varint(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func enumeration(_ field: UInt64, _ number: UInt64) {
        guard number != 0 else { return }
        tag(field, wireType: 0)
        varint(number)
    }

    mutating func int64(_ field: UInt64, _ value: Int64) {
        guard value != 0 else { return }
        tag(field, wireType: 0)
        varint(UInt64(bitPattern: value))
    }

    /// A negative int32 takes ten bytes, sign-extended, as protobuf wants.
    mutating func int32(_ field: UInt64, _ value: Int32) {
        int64(field, Int64(value))
    }

    mutating func bool(_ field: UInt64, _ value: Bool) {
        guard value else { return }
        tag(field, wireType: 0)
        varint(1)
    }

    mutating func double(_ field: UInt64, _ value: Double) {
        guard value != 0 else { return }
        oneofDouble(field, value)
    }

    /// A double that is a oneof's member: written when set, whatever its value.
    mutating func oneofDouble(_ field: UInt64, _ value: Double) {
        tag(field, wireType: 1)
        fixed64(value.bitPattern)
    }

    mutating func packedEnums(_ field: UInt64, _ numbers: [UInt64]) {
        guard !numbers.isEmpty else { return }
        message(field) { packed in
            for number in numbers { packed.varint(number) }
        }
    }

    /// A nested message: its bytes, written by `body`, after its tag and length. Written in place: one byte is kept
    /// for the length, and widened afterwards when the message took 128 bytes or more.
    mutating func message(_ field: UInt64, _ body: (inout ProtobufWriter) -> Void) {
        tag(field, wireType: 2)
        let lengthAt = bytes.count
        bytes.append(0)
        body(&self)
        let length = bytes.count - lengthAt - 1
        if length < 0x80 {
            bytes[lengthAt] = UInt8(length)
        } else {
            var prefix = ProtobufWriter(capacity: 4)
            prefix.varint(UInt64(length))
            bytes.replaceSubrange(lengthAt...lengthAt, with: prefix.bytes)
        }
    }

    /// A nested message already encoded.
    mutating func message(_ field: UInt64, encoded: [UInt8]) {
        tag(field, wireType: 2)
        varint(UInt64(encoded.count))
        bytes.append(contentsOf: encoded)
    }

    mutating func tag(_ field: UInt64, wireType: UInt64) {
        varint(field << 3 | wireType)
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// The common messages (clm.common.v1) written as fields' bodies.
extension ProtobufWriter {
    mutating func money(_ money: Money) {
        int64(1, money.minorUnits)
        string(2, money.currency)
    }

    mutating func date(_ date: CalendarDate) {
        int32(1, date.year)
        int32(2, date.month)
        int32(3, date.day)
    }

    mutating func timestamp(_ timestamp: Timestamp) {
        int64(1, timestamp.unixMicros)
    }

    mutating func customerValue(_ value: CustomerValue) {
        string(1, value.customerCode)
        double(2, value.valueScore)
        enumeration(3, ProtoEnumNumbers.tiers.number(of: value.tier))
        bool(4, value.potential)
        enumeration(5, ProtoEnumNumbers.layers.number(of: value.layer))
        enumeration(6, ProtoEnumNumbers.grades.number(of: value.riskGrade))
        double(7, value.loyaltyScore)
        bool(8, value.vip)
        message(9) { $0.money(value.annualisedPremium) }
        message(10) { $0.money(value.clv) }
        string(11, value.ruleSetId)
        int32(12, value.ruleSetVersion)
        message(13) { $0.timestamp(value.scoredAt) }
    }
}

/// The proto number of a case of an enum whose Swift cases list the proto's values in order, from 0.
struct ProtoEnumNumbers<Value: CaseIterable & Equatable & Sendable>: Sendable {
    private let cases = Array(Value.allCases)

    func number(of value: Value) -> UInt64 {
        UInt64(cases.firstIndex(of: value) ?? 0)
    }

    /// The case numbered `number`; nil for a number beyond the cases.
    func value(of number: UInt64) -> Value? {
        number < UInt64(cases.count) ? cases[Int(number)] : nil
    }
}

extension ProtoEnumNumbers where Value == CustomerTier {
    static let tiers = ProtoEnumNumbers()
}

extension ProtoEnumNumbers where Value == PyramidLayer {
    static let layers = ProtoEnumNumbers()
}

extension ProtoEnumNumbers where Value == RiskGrade {
    static let grades = ProtoEnumNumbers()
}
