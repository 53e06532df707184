import Models
import ScoringAPI

/// A ScoreExplanation in protobuf's wire format, written directly rather than through the codec's generic path
/// (`WireCodec.encode`): a full rescore encodes an explanation per customer, a million of them, to store them and to
/// tell an unchanged card, and the generic path spent more time on that than computing the cards did.
///
/// The bytes are those protobuf-c writes for the message, so that an explanation stored by either compares equal:
/// fields in field-number order; a proto3 scalar, string or enum left out when it holds its default; a nested message
/// the Swift type always holds (a component's raw value) always written, even empty; a oneof member written whenever
/// it is set. The tests hold this to `WireCodec.encode` for every metric and every shape of value.
enum ExplanationBytes {
    static func encode(_ explanation: ScoreExplanation) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1_024)
        for component in explanation.components {
            bytes.message(1) { $0.component(component) }
        }
        for rule in explanation.rulesFired {
            bytes.message(2) { $0.rule(rule) }
        }
        bytes.string(3, explanation.summary)
        return bytes
    }

    /// Each metric's number in the proto: the Swift enum lists the proto's values in order, from 0.
    fileprivate static let metricNumbers: [Metric: UInt64] = Dictionary(
        uniqueKeysWithValues: Metric.allCases.enumerated().map { ($0.element, UInt64($0.offset)) })
}

private extension [UInt8] {
    mutating func component(_ component: ScoreComponent) {
        string(1, component.scorecard)
        enumeration(2, ExplanationBytes.metricNumbers[component.metric] ?? 0)
        message(3) { $0.threshold(component.rawValue) }
        double(4, component.normalised)
        double(5, component.weight)
        double(6, component.contribution)
    }

    mutating func rule(_ rule: RuleFired) {
        string(1, rule.ruleId)
        string(2, rule.description)
        string(3, rule.effect)
    }

    mutating func threshold(_ threshold: Threshold) {
        // A oneof: the member that is set is written, default or not.
        if let number = threshold.number {
            tag(1, wireType: 1)
            fixed64(number.bitPattern)
        } else if let amount = threshold.amount {
            message(2) { money in
                money.int64(1, amount.minorUnits)
                money.string(2, amount.currency)
            }
        }
    }

    mutating func tag(_ field: UInt64, wireType: UInt64) {
        varint(field << 3 | wireType)
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func string(_ field: UInt64, _ text: String) {
        guard !text.isEmpty else { return }
        tag(field, wireType: 2)
        varint(UInt64(text.utf8.count))
        append(contentsOf: text.utf8)
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

    mutating func double(_ field: UInt64, _ value: Double) {
        guard value != 0 else { return }
        tag(field, wireType: 1)
        fixed64(value.bitPattern)
    }

    /// A nested message: its bytes, written by `body`, after its tag and length.
    mutating func message(_ field: UInt64, _ body: (inout [UInt8]) -> Void) {
        var nested: [UInt8] = []
        body(&nested)
        tag(field, wireType: 2)
        varint(UInt64(nested.count))
        append(contentsOf: nested)
    }
}
