import Models
import NIOCore
import ScoringAPI
import Store
import WireCodec

/// The `rule_set` table: every saved version of every rule set, as the RuleSet message, with at most one active.
///
/// A version is never changed once saved, except for its status and the activation and retirement stamps, which
/// are kept both in the columns and in the stored message so that GetRuleSet answers with them.
struct RuleSetStore {
    let connection: PostgresConnection

    /// Saves `ruleSet` as the next DRAFT version of its id (1 for a new id), stamped with who saved it, when and
    /// why; the version, status and stamps the caller sent are ignored. Concurrent saves of one id queue on an
    /// advisory lock so that each gets its own version, stamped after the lock so that versions' times ascend.
    func saveDraft(_ ruleSet: RuleSet, by operatorID: String, comment: String) throws -> RuleSet {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('rule_set:' || $1))", [.text(ruleSet.ruleSetId)])
        let now = Timestamp.now
        let latest = try connection.query("SELECT coalesce(max(version), 0) FROM rule_set WHERE rule_set_id = $1",
                                          [.text(ruleSet.ruleSetId)])[0].decode(Int32.self, at: 0)
        var saved = ruleSet
        saved.version = latest + 1
        saved.status = .draft
        saved.createdBy = operatorID
        saved.createdAt = now
        saved.comment = comment
        saved.activatedBy = ""
        saved.activatedAt = nil
        saved.retiredAt = nil
        try connection.execute(
            """
            INSERT INTO rule_set (rule_set_id, version, status, body, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [.text(saved.ruleSetId), .int(Int64(saved.version)), .text(saved.status.rawValue), try Self.body(saved),
             .timestamp(microsSince1970: now.unixMicros), .text(operatorID)])
        return saved
    }

    /// The version `ref` names: the active rule set for an empty id, the latest version for version 0.
    func get(_ ref: RuleSetRef) throws -> RuleSet? {
        if ref.ruleSetId.isEmpty { return try active() }
        let rows = ref.version == 0
            ? try connection.query("SELECT body FROM rule_set WHERE rule_set_id = $1 ORDER BY version DESC LIMIT 1",
                                   [.text(ref.ruleSetId)])
            : try connection.query("SELECT body FROM rule_set WHERE rule_set_id = $1 AND version = $2",
                                   [.text(ref.ruleSetId), .int(Int64(ref.version))])
        return try rows.first.map(Self.decode)
    }

    /// The active rule set; nil when none was ever activated.
    func active() throws -> RuleSet? {
        try connection.query("SELECT body FROM rule_set WHERE status = 'RULE_SET_STATUS_ACTIVE'").first.map(Self.decode)
    }

    /// The active rule set's id and version, without reading its body; nil when none is active.
    func activeRef() throws -> RuleSetRef? {
        try connection.query("SELECT rule_set_id, version FROM rule_set WHERE status = 'RULE_SET_STATUS_ACTIVE'")
            .first.map { RuleSetRef(ruleSetId: try $0.decode(String.self, "rule_set_id"),
                                    version: try $0.decode(Int32.self, "version")) }
    }

    /// Makes `ruleSet` (a stored version) the active one and retires the one active before, stamping both.
    /// Returns the version as activated and the one it replaced. Activations queue on one advisory lock.
    func activate(_ ruleSet: RuleSet, by operatorID: String, at now: Timestamp) throws
        -> (activated: RuleSet, previous: RuleSet?) {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('rule_set:activation'))")
        var previous = try active()
        if var retiring = previous, retiring.ruleSetId != ruleSet.ruleSetId || retiring.version != ruleSet.version {
            retiring.status = .retired
            retiring.retiredAt = now
            try update(retiring, activatedAt: nil, retiredAt: now)
            previous = retiring
        } else if previous != nil {
            previous = nil  // activating the active version again changes nothing but the stamps
        }
        var activated = ruleSet
        activated.status = .active
        activated.activatedBy = operatorID
        activated.activatedAt = now
        activated.retiredAt = nil
        try update(activated, activatedAt: now, retiredAt: nil)
        return (activated, previous)
    }

    /// Versions newest first (by when they were saved), optionally of one id or status, after a page position.
    func list(ruleSetID: String, status: RuleSetStatus, after: RuleSetPagePosition?, limit: Int) throws -> [RuleSet] {
        var conditions: [String] = []
        var values: [PostgresValue] = []
        func bind(_ value: PostgresValue) -> String {
            values.append(value)
            return "$\(values.count)"
        }
        if !ruleSetID.isEmpty { conditions.append("rule_set_id = \(bind(.text(ruleSetID)))") }
        if status != .unspecified { conditions.append("status = \(bind(.text(status.rawValue)))") }
        if let after {
            let at = bind(.timestamp(microsSince1970: after.createdAt.unixMicros))
            let id = bind(.text(after.ruleSetId))
            let version = bind(.int(Int64(after.version)))
            conditions.append("(created_at < \(at) OR (created_at = \(at) AND (rule_set_id > \(id) "
                + "OR (rule_set_id = \(id) AND version < \(version)))))")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try connection.query(
            "SELECT body FROM rule_set \(filter) ORDER BY created_at DESC, rule_set_id, version DESC "
                + "LIMIT \(bind(.int(Int64(limit))))", values).map(Self.decode)
    }

    private func update(_ ruleSet: RuleSet, activatedAt: Timestamp?, retiredAt: Timestamp?) throws {
        try connection.execute(
            """
            UPDATE rule_set SET status = $3, body = $4, activated_at = coalesce($5, activated_at),
                   retired_at = $6
            WHERE rule_set_id = $1 AND version = $2
            """,
            [.text(ruleSet.ruleSetId), .int(Int64(ruleSet.version)), .text(ruleSet.status.rawValue),
             try Self.body(ruleSet), activatedAt.map { .timestamp(microsSince1970: $0.unixMicros) } ?? .null,
             retiredAt.map { .timestamp(microsSince1970: $0.unixMicros) } ?? .null])
    }

    private static func body(_ ruleSet: RuleSet) throws -> PostgresValue {
        .bytes(Array(try WireCodec.encode(ruleSet).readableBytesView))
    }

    private static func decode(_ row: PostgresRow) throws -> RuleSet {
        try WireCodec.decode(RuleSet.self, from: ByteBufferAllocator().buffer(bytes: try row.decode([UInt8].self, "body")))
    }
}

/// Where a page of ListRuleSets ended: the last version's save time and key.
struct RuleSetPagePosition: Sendable, Hashable {
    var createdAt: Timestamp
    var ruleSetId: String
    var version: Int32
}
