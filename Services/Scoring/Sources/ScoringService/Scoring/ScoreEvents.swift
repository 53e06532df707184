import EventFeed
import Models
import ScoringAPI
import ScoringModel
import Store

/// The feed events one batch of rescoring makes, collected as cards are computed and appended to the outbox in the
/// batch's transaction, one COPY per event type: ScoreChanged when anything of the customer's value but the time
/// it was scored changed, TierChanged when the tier changed (a first tier included), VipEntered and VipLeft.
struct ScoreEvents {
    private(set) var scoreChanged: [(event: ScoreChanged, subject: String)] = []
    private(set) var tierChanged: [(event: TierChanged, subject: String)] = []
    private(set) var vipEntered: [(event: VipEntered, subject: String)] = []
    private(set) var vipLeft: [(event: VipLeft, subject: String)] = []

    var count: Int { scoreChanged.count + tierChanged.count + vipEntered.count + vipLeft.count }

    /// Records what changed between a customer's stored card and the new one.
    mutating func add(previous: ScoreCard?, scored: ScoringFrame.Scored, trigger: ScoreTrigger) {
        let card = scored.card
        let code = card.value.customerCode
        if !(previous.map { $0.value.isSame(as: card.value) } ?? false) {
            scoreChanged.append((ScoreChanged(previous: previous?.value, current: card.value, trigger: trigger), code))
        }
        if let change = scored.tierChange {
            tierChanged.append((TierChanged(
                customerCode: code, fromTier: change.from, toTier: change.to,
                fromLayer: previous?.value.layer ?? .unspecified, toLayer: card.value.layer,
                potential: card.value.potential, previousValueScore: previous?.value.valueScore ?? 0,
                valueScore: card.value.valueScore, trigger: trigger, reason: change.reason,
                ruleSet: RuleSetRef(ruleSetId: card.value.ruleSetId, version: card.value.ruleSetVersion)), code))
        }
        let wasVIP = previous?.value.vip ?? false
        if card.value.vip && !wasVIP {
            vipEntered.append((VipEntered(customerCode: code, vipSince: card.loyalty.vipSince,
                                          continuousTenureMonths: card.loyalty.continuousTenureMonths), code))
        } else if wasVIP && !card.value.vip {
            let reason = card.metrics.policyCount == 0 ? "all policies ended" : "gap in cover"
            vipLeft.append((VipLeft(customerCode: code, reason: reason,
                                    continuousTenureMonths: card.loyalty.continuousTenureMonths), code))
        }
    }

    /// Records a card removed because its customer was merged into another (or has no facts left).
    mutating func removed(_ previous: ScoreCard, merged: Bool) {
        guard previous.value.vip else { return }
        let code = previous.value.customerCode
        vipLeft.append((VipLeft(customerCode: code, reason: merged ? "merged" : "all policies ended",
                                continuousTenureMonths: previous.loyalty.continuousTenureMonths), code))
    }

    /// Appends the events to the outbox in the caller's transaction, ScoreChanged first, then TierChanged,
    /// VipEntered and VipLeft (`ScoreEventBytes`).
    /// - Parameter positioned: give them their feed positions now (`Outbox.appendAllPositioned`), as a full
    ///   rescore does with its hundreds of thousands of events, instead of leaving them to the relay; the caller's
    ///   transaction then holds the feed's lock to its end, so this must be its last real work.
    func append(to outbox: Outbox, positioned: Bool = false, on connection: PostgresConnection) throws {
        let encoded = scoreChanged.map { ScoreEventBytes.encode($0.event, subject: $0.subject) }
            + tierChanged.map { ScoreEventBytes.encode($0.event, subject: $0.subject) }
            + vipEntered.map { ScoreEventBytes.encode($0.event, subject: $0.subject) }
            + vipLeft.map { ScoreEventBytes.encode($0.event, subject: $0.subject) }
        if positioned {
            try outbox.appendAllPositioned(encoded: encoded, on: connection)
        } else {
            try outbox.appendAll(encoded: encoded, on: connection)
        }
    }
}
