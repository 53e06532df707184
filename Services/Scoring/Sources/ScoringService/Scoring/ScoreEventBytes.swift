import EventFeed
import Models
import ScoringAPI

/// Scoring's feed events in protobuf's wire format, written directly (`ProtobufWriter`), byte-identical to the
/// codec's: a full rescore appends a ScoreChanged for nearly every customer, and a TierChanged for many.
enum ScoreEventBytes {
    static func encode(_ event: ScoreChanged, subject: String) -> EncodedEvent {
        var writer = ProtobufWriter(capacity: 192)
        if let previous = event.previous { writer.message(1) { $0.customerValue(previous) } }
        writer.message(2) { $0.customerValue(event.current) }
        writer.enumeration(3, triggers.number(of: event.trigger))
        return EncodedEvent(type: ScoreChanged.protoName, subject: subject, payload: writer.bytes)
    }

    static func encode(_ event: TierChanged, subject: String) -> EncodedEvent {
        var writer = ProtobufWriter(capacity: 128)
        writer.string(1, event.customerCode)
        writer.enumeration(2, ProtoEnumNumbers.tiers.number(of: event.fromTier))
        writer.enumeration(3, ProtoEnumNumbers.tiers.number(of: event.toTier))
        writer.enumeration(4, ProtoEnumNumbers.layers.number(of: event.fromLayer))
        writer.enumeration(5, ProtoEnumNumbers.layers.number(of: event.toLayer))
        writer.bool(6, event.potential)
        writer.double(7, event.previousValueScore)
        writer.double(8, event.valueScore)
        writer.enumeration(9, triggers.number(of: event.trigger))
        writer.string(10, event.reason)
        writer.message(11) { ref in
            ref.string(1, event.ruleSet.ruleSetId)
            ref.int32(2, event.ruleSet.version)
        }
        return EncodedEvent(type: TierChanged.protoName, subject: subject, payload: writer.bytes)
    }

    static func encode(_ event: VipEntered, subject: String) -> EncodedEvent {
        var writer = ProtobufWriter(capacity: 48)
        writer.string(1, event.customerCode)
        if let since = event.vipSince { writer.message(2) { $0.date(since) } }
        writer.int32(3, event.continuousTenureMonths)
        return EncodedEvent(type: VipEntered.protoName, subject: subject, payload: writer.bytes)
    }

    static func encode(_ event: VipLeft, subject: String) -> EncodedEvent {
        var writer = ProtobufWriter(capacity: 48)
        writer.string(1, event.customerCode)
        writer.string(2, event.reason)
        writer.int32(3, event.continuousTenureMonths)
        return EncodedEvent(type: VipLeft.protoName, subject: subject, payload: writer.bytes)
    }

    private static let triggers = ProtoEnumNumbers<ScoreTrigger>()
}
