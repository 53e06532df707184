import Models
import ScoringAPI

/// A ScoreExplanation in protobuf's wire format, written directly rather than through the codec's generic path
/// (`WireCodec.encode`): a full rescore encodes an explanation per customer, a million of them, to store them and to
/// tell an unchanged card, and the generic path spent more time on that than computing the cards did.
///
/// The bytes are those protobuf-c writes for the message (`ProtobufWriter`), so that an explanation stored by either
/// compares equal. The tests hold this to `WireCodec.encode` for every metric and every shape of value.
enum ExplanationBytes {
    static func encode(_ explanation: ScoreExplanation) -> [UInt8] {
        var writer = ProtobufWriter(capacity: 1_024)
        for component in explanation.components {
            writer.message(1) { $0.component(component) }
        }
        for rule in explanation.rulesFired {
            writer.message(2) { $0.rule(rule) }
        }
        writer.string(3, explanation.summary)
        return writer.bytes
    }

    fileprivate static let metrics = ProtoEnumNumbers<Metric>()
}

private extension ProtobufWriter {
    mutating func component(_ component: ScoreComponent) {
        string(1, component.scorecard)
        enumeration(2, ExplanationBytes.metrics.number(of: component.metric))
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
            oneofDouble(1, number)
        } else if let amount = threshold.amount {
            message(2) { $0.money(amount) }
        }
    }
}
