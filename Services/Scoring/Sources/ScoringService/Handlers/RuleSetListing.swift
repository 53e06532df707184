import Foundation
import Models
import RPC
import ScoringAPI
import Store

/// ListRuleSets: rule set versions newest first (by when they were saved), optionally of one id or one status, a
/// page at a time, as summaries without their rules.
///
/// Page sizes are ListCustomers' (`CustomerListing.pageSize`).
struct RuleSetListing {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.listRuleSets, roles: ScoringMethods.roles("ListRuleSets")) { request, _ in
            try await list(request)
        }
    }

    /// - Throws: INVALID_ARGUMENT naming the field for a page size out of range (ListCustomers' limits), a
    ///   malformed `rule_set_id`, or a page token that is not this listing's or was given for other filters.
    func list(_ request: ListRuleSetsRequest) async throws -> ListRuleSetsResponse {
        let size = try CustomerListing.pageSize(request.page.pageSize)
        let blank = request.ruleSetId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let id = blank ? "" : try RuleSetRefs.id(request.ruleSetId, field: "rule_set_id")
        let status = request.status
        let after = try RuleSetPageToken.decode(request.page.pageToken, ruleSetID: id, status: status)
        return try await context.pool.withConnection { connection in
            let store = RuleSetStore(connection: connection)
            let found = try store.list(ruleSetID: id, status: status, after: after, limit: Int(size) + 1)
            let page = found.prefix(Int(size))
            var next = ""
            if found.count > page.count, let last = page.last, let savedAt = last.createdAt {
                next = RuleSetPageToken.encode(
                    ruleSetID: id, status: status,
                    after: RuleSetPagePosition(createdAt: savedAt, ruleSetId: last.ruleSetId, version: last.version))
            }
            let total = after == nil ? try store.countVersions(ruleSetID: id, status: status) : -1
            return ListRuleSetsResponse(ruleSets: page.map(Self.summary),
                                        page: PageResponse(nextPageToken: next, totalCount: total))
        }
    }

    /// What a listing shows of a version: ids, status, description, template, who and when; the rules are left out
    /// (GetRuleSet has them).
    static func summary(_ ruleSet: RuleSet) -> RuleSet {
        RuleSet(ruleSetId: ruleSet.ruleSetId, version: ruleSet.version, status: ruleSet.status,
                description: ruleSet.description, fromTemplate: ruleSet.fromTemplate, createdBy: ruleSet.createdBy,
                createdAt: ruleSet.createdAt, comment: ruleSet.comment, activatedBy: ruleSet.activatedBy,
                activatedAt: ruleSet.activatedAt, retiredAt: ruleSet.retiredAt)
    }
}
