import Foundation
import Logging
import Models
import RPC
import ScoringAPI
import ScoringModel
import Store

/// GetRuleSetTemplate, SaveRuleSet, GetRuleSet, ValidateRuleSet, and ListRuleSets (`RuleSetListing`): writing rule
/// sets as drafts and reading them back. Activation and the dry run are handled elsewhere.
///
/// Rule set ids follow `RuleSetRefs`' syntax. Validation is `RuleSetValidation` against the mortality tables this
/// service has loaded.
struct RuleSetHandlers {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.getRuleSetTemplate, roles: ScoringMethods.roles("GetRuleSetTemplate")) { request, _ in
            try template(request)
        }
        router.register(ScoringAPI.saveRuleSet, roles: ScoringMethods.roles("SaveRuleSet")) { request, _ in
            try await save(request)
        }
        router.register(ScoringAPI.getRuleSet, roles: ScoringMethods.roles("GetRuleSet")) { request, _ in
            try await get(request)
        }
        router.register(ScoringAPI.validateRuleSet, roles: ScoringMethods.roles("ValidateRuleSet")) { request, _ in
            try await validate(request)
        }
        RuleSetListing(context: context).register(in: &router)
    }

    /// The template of a product line: complete and valid, without id or version.
    /// - Throws: INVALID_ARGUMENT when no line is given; NOT_FOUND for a line without a template.
    func template(_ request: GetRuleSetTemplateRequest) throws(RPCError) -> GetRuleSetTemplateResponse {
        let lines = RuleSetTemplates.productLines.map { String($0.rawValue.dropFirst("PRODUCT_LINE_".count)) }
        let named = lines.dropLast().joined(separator: ", ") + " or " + (lines.last ?? "")
        guard request.productLine != .unspecified else {
            throw .invalidArgument(field: "product_line", "required: \(named)")
        }
        guard let template = RuleSetTemplates.template(for: request.productLine) else {
            throw RPCError(.notFound, "there is no template for \(request.productLine.rawValue): templates exist for "
                + "\(named); start from the nearest of them")
        }
        return GetRuleSetTemplateResponse(ruleSet: template)
    }

    /// Saves the rule set as the next DRAFT version of its id, with the problems validation finds (a draft may be
    /// saved with problems; activation refuses errors).
    /// - Throws: INVALID_ARGUMENT for a missing or malformed `rule_set.rule_set_id` or a missing `operator_id`.
    func save(_ request: SaveRuleSetRequest) async throws -> SaveRuleSetResponse {
        var candidate = request.ruleSet
        candidate.ruleSetId = try RuleSetRefs.id(candidate.ruleSetId, field: "rule_set.rule_set_id")
        let operatorID = request.operatorId.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !operatorID.isEmpty else {
            throw RPCError.invalidArgument(field: "operator_id", "required: the person saving the rule set")
        }
        let comment = request.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = candidate
        let problems = validation(draft).problems
        let saved = try await context.pool.transaction { connection in
            try RuleSetStore(connection: connection).saveDraft(draft, by: operatorID, comment: comment)
        }
        context.logger.info("rule set saved", metadata: ["rule_set": "\(saved.ruleSetId)@\(saved.version)",
                                                         "operator": "\(operatorID)", "problems": "\(problems.count)"])
        return SaveRuleSetResponse(ruleSet: saved, problems: problems)
    }

    /// One stored version: the active one for an empty id, the latest for version 0.
    /// - Throws: INVALID_ARGUMENT for a malformed ref; NOT_FOUND when it names nothing stored.
    func get(_ request: GetRuleSetRequest) async throws -> GetRuleSetResponse {
        let ref = try RuleSetRefs.checked(request.ref, field: "ref")
        let ruleSet = try await context.pool.withConnection { connection in try RuleSetRefs.load(ref, on: connection) }
        return GetRuleSetResponse(ruleSet: ruleSet)
    }

    /// The problems of a stored version or of a rule set sent inline; valid when none is an ERROR.
    /// - Throws: INVALID_ARGUMENT without a candidate or with a malformed ref; NOT_FOUND for a ref naming nothing.
    func validate(_ request: ValidateRuleSetRequest) async throws -> ValidateRuleSetResponse {
        let candidate = try await RuleSetRefs.candidate(stored: request.stored, ruleSet: request.ruleSet,
                                                        pool: context.pool)
        let result = validation(candidate)
        return ValidateRuleSetResponse(valid: result.isValid, problems: result.problems)
    }

    private func validation(_ ruleSet: RuleSet) -> RuleSetValidation {
        RuleSetValidation(ruleSet, mortalityTables: Set(context.settings.mortalityTables.keys))
    }
}
