import EventFeed
import Foundation
import Logging
import Models
import RPC
import ScoringAPI
import ScoringModel
import Store

/// ActivateRuleSet and DryRunRuleSet: what a rule set would do to the book, and making it the one in use.
struct RuleSetActivation {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.dryRunRuleSet, roles: ScoringMethods.roles("DryRunRuleSet")) { request, _ in
            try await dryRun(request)
        }
        router.register(ScoringAPI.activateRuleSet, roles: ScoringMethods.roles("ActivateRuleSet")) { request, _ in
            try await activate(request)
        }
    }

    /// Validates the candidate; when it has no errors, scores the whole book with it and compares with the cards
    /// now. Nothing is stored.
    /// - Throws: INVALID_ARGUMENT without a candidate, with a malformed ref, or `examples_per_cell` outside 0–100;
    ///   NOT_FOUND for a ref naming nothing stored.
    func dryRun(_ request: DryRunRuleSetRequest) async throws -> DryRunRuleSetResponse {
        guard (0...100).contains(request.examplesPerCell) else {
            throw RPCError.invalidArgument(field: "examples_per_cell",
                                           "must be 0 (no examples) to 100, not \(request.examplesPerCell)")
        }
        let candidate = try await RuleSetRefs.candidate(stored: request.stored, ruleSet: request.ruleSet,
                                                        pool: context.pool)
        let validation = RuleSetValidation(candidate, mortalityTables: Set(context.settings.mortalityTables.keys))
        let context = self.context
        return try await context.pool.transaction(isolation: .repeatableRead) { connection in
            let active = try RuleSetStore(connection: connection).activeRef() ?? RuleSetRef()
            guard validation.isValid else { return DryRunRuleSetResponse(problems: validation.problems, active: active) }
            let summary = try BookDryRun(context: context, connection: connection)
                .run(candidate, examplesPerCell: request.examplesPerCell)
            return summary.response(problems: validation.problems, active: active)
        }
    }

    /// Makes a stored, valid version the active one, announces it (RuleSetActivated) and, unless deferred, queues
    /// a full rescore under it, cancelling one queued or running under the rule set it replaces.
    /// - Throws: INVALID_ARGUMENT for a missing or malformed ref, or a missing operator_id or reason; NOT_FOUND for a
    ///   ref naming nothing stored; FAILED_PRECONDITION for a version with validation errors, listed.
    func activate(_ request: ActivateRuleSetRequest) async throws -> ActivateRuleSetResponse {
        guard !request.ref.ruleSetId.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RPCError.invalidArgument(field: "ref.rule_set_id", "required: the rule set to activate, e.g. book-2025 "
                + "(version 0 for its latest)")
        }
        let ref = try RuleSetRefs.checked(request.ref, field: "ref")
        let operatorID = request.operatorId.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !operatorID.isEmpty else {
            throw RPCError.invalidArgument(field: "operator_id", "required: the person activating the rule set")
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw RPCError.invalidArgument(field: "reason", "required: why this rule set goes live (kept with the "
                + "activation and in the RuleSetActivated event)")
        }
        let context = self.context
        let mortalityTables = Set(context.settings.mortalityTables.keys)
        let response = try await context.pool.transaction { connection in
            let ruleSet = try RuleSetRefs.load(ref, on: connection)
            let validation = RuleSetValidation(ruleSet, mortalityTables: mortalityTables)
            guard validation.isValid else {
                let errors = validation.problems.filter { $0.severity == .error }
                throw RPCError(.failedPrecondition, "\(ruleSet.ruleSetId) v\(ruleSet.version) has \(errors.count) "
                    + "error(s) and cannot go live: " + errors.map { "\($0.kind.rawValue): \($0.message)" }
                    .joined(separator: "; ") + " — fix them in a new version (ValidateRuleSet lists them all)")
            }
            let (activated, previous) = try RuleSetStore(connection: connection)
                .activate(ruleSet, by: operatorID, at: .now)
            let here = RuleSetRef(ruleSetId: activated.ruleSetId, version: activated.version)
            try context.outbox.append(
                RuleSetActivated(ruleSet: here,
                                 previous: previous.map { RuleSetRef(ruleSetId: $0.ruleSetId, version: $0.version) }
                                     ?? RuleSetRef(),
                                 operatorId: operatorID, reason: reason),
                subject: activated.ruleSetId, on: connection)
            guard !request.deferRescore else { return ActivateRuleSetResponse(ruleSet: activated, rescore: nil) }
            let jobs = RescoreJobStore(connection: connection)
            try jobs.cancelActive(reason: "superseded by the activation of \(activated.ruleSetId) v\(activated.version)")
            let job = try jobs.enqueue(trigger: .ruleSetActivated, requestedBy: operatorID,
                                       reason: "activation of \(activated.ruleSetId) v\(activated.version): \(reason)")
            return ActivateRuleSetResponse(ruleSet: activated, rescore: job.job.job)
        }
        context.relay.poke()
        context.logger.info("rule set activated", metadata: [
            "rule_set": "\(response.ruleSet.ruleSetId)@\(response.ruleSet.version)", "operator": "\(operatorID)"])
        return response
    }
}
