import EventFeed
import IdentityAPI
import Logging
import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// Applies the events of identity's feed to scoring's facts, one at a time, in the feed consumer's transaction (which
/// also moves the cursor): profiles, business records, and the codes merges, splits and undos change. Every
/// customer whose facts changed is queued for rescoring in the same transaction.
///
/// Applying an event is idempotent: rows remember the position of the event that wrote them, and an event never
/// changes a row a later (or the same) event wrote. Replaying the feed from the start therefore rebuilds the same
/// rows.
struct IdentityFeedApplier {
    let logger: Logger

    /// The `FeedConsumer.Apply` of scoring.
    /// - Throws: `WireError` when the payload is not the message its type names (the batch is retried, and the
    ///   consumer logs it, rather than facts being lost); `StoreError` from the database.
    func apply(_ event: FeedEvent, on connection: PostgresConnection) throws {
        let position = event.position
        let payload = ByteBufferAllocator().buffer(bytes: event.payload)
        func decode<Message: WireMessage>(_ type: Message.Type) throws -> Message {
            try WireCodec.decode(type, from: payload)
        }
        let facts = BusinessFactWriter(connection: connection, position: position)
        let codes = CodeChangeWriter(connection: connection, position: position, logger: logger)
        let profiles = ProfileWriter(connection: connection, position: position)
        let touched: [String]
        var trigger = ScoreTrigger.event
        switch event.type {
        case CustomerCreated.protoName:
            let created = try decode(CustomerCreated.self)
            try profiles.replace(created.customerCode, with: created.profile)
            touched = [created.customerCode]
        case CustomerUpdated.protoName:
            let updated = try decode(CustomerUpdated.self)
            try profiles.replace(updated.customerCode, with: updated.profile)
            touched = [updated.customerCode]
        case CustomersMerged.protoName:
            touched = try codes.merged(try decode(CustomersMerged.self))
            trigger = .codeChange
        case CustomerSplit.protoName:
            touched = try codes.split(try decode(CustomerSplit.self))
            trigger = .codeChange
        case OperationUndone.protoName:
            touched = try codes.undone(try decode(OperationUndone.self))
            trigger = .codeChange
        case CustomerErased.protoName:
            let erased = try decode(CustomerErased.self)
            try profiles.erase(erased.customerCode)
            touched = [erased.customerCode]
        case PolicyLinked.protoName:
            touched = try facts.policy(try decode(PolicyLinked.self))
        case PaymentLinked.protoName:
            touched = try facts.payment(try decode(PaymentLinked.self))
        case ClaimLinked.protoName:
            touched = try facts.claim(try decode(ClaimLinked.self))
        case ServicingLinked.protoName:
            touched = try facts.servicing(try decode(ServicingLinked.self))
        case ServiceUsageLinked.protoName:
            touched = try facts.serviceUsage(try decode(ServiceUsageLinked.self))
        case InteractionLinked.protoName:
            touched = try facts.interaction(try decode(InteractionLinked.self))
        default:
            // A type a newer identity sends: nothing scoring knows to keep.
            logger.debug("identity event type not used by scoring", metadata: ["type": "\(event.type)"])
            touched = []
        }
        try RescoreQueue.add(touched, trigger: trigger, position: position, on: connection)
    }
}
