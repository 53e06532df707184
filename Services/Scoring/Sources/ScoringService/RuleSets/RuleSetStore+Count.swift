import ScoringAPI
import Store

extension RuleSetStore {
    /// How many versions `list` would give over all its pages, under the same filters: of one id (empty: all) and
    /// one status (UNSPECIFIED: any).
    func countVersions(ruleSetID: String, status: RuleSetStatus) throws -> Int64 {
        var conditions: [String] = []
        var values: [PostgresValue] = []
        if !ruleSetID.isEmpty {
            values.append(.text(ruleSetID))
            conditions.append("rule_set_id = $\(values.count)")
        }
        if status != .unspecified {
            values.append(.text(status.rawValue))
            conditions.append("status = $\(values.count)")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try connection.query("SELECT count(*) FROM rule_set \(filter)", values)[0].decode(Int64.self, at: 0)
    }
}
