import EventFeed
import Models
import ScoringAPI
import ScoringModel
import Store

/// The rule set a new installation starts with (`CLM_SCORING_INITIAL_RULE_SET`): when no rule set was ever saved,
/// the product line's template is saved as `<line>-template` version 1 and activated by "system", so that cards
/// carry a value score, tier and layer from the first event. Once any rule set exists this does nothing; replicas
/// starting together seed it once (the activation lock, and the emptiness check under it).
enum InitialRuleSet {
    static let operatorID = "system"

    /// Seeds the template of `line` if no rule set exists; returns the version activated, or nil when it did nothing.
    static func seed(_ line: ProductLine, context: ScoringContext) async throws -> RuleSet? {
        guard var named = RuleSetTemplates.template(for: line) else { return nil }
        named.ruleSetId = String(line.rawValue.dropFirst("PRODUCT_LINE_".count)).lowercased() + "-template"
        let template = named
        let seeded = try await context.pool.transaction { connection -> RuleSet? in
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('rule_set:activation'))")
            guard try connection.query("SELECT NOT EXISTS (SELECT 1 FROM rule_set)")[0].decode(Bool.self, at: 0)
            else { return nil }
            let store = RuleSetStore(connection: connection)
            let saved = try store.saveDraft(template, by: operatorID, comment: "shipped template")
            let activated = try store.activate(saved, by: operatorID, at: .now).activated
            let reason = "initial rule set: the \(line.rawValue) template (CLM_SCORING_INITIAL_RULE_SET)"
            try context.outbox.append(
                RuleSetActivated(ruleSet: RuleSetRef(ruleSetId: activated.ruleSetId, version: activated.version),
                                 operatorId: operatorID, reason: reason),
                subject: activated.ruleSetId, on: connection)
            // Customers scored before (none on a new installation) are scored again under it.
            if try connection.query("SELECT EXISTS (SELECT 1 FROM score_card)")[0].decode(Bool.self, at: 0) {
                _ = try RescoreJobStore(connection: connection)
                    .enqueue(trigger: .ruleSetActivated, requestedBy: operatorID, reason: reason)
            }
            return activated
        }
        if seeded != nil { context.relay.poke() }
        return seeded
    }
}
