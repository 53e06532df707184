import Foundation
import Models
import RPC
import ScoringAPI
import Store

/// Rule set ids as callers write them, and the stored versions their refs name.
///
/// A rule set id is 1–64 characters: lower-case ASCII letters, digits, `-` and `_`, starting with a letter
/// (`book-2025`, `life_v2`). People choose ids and type them into commands (`clm rules show book-2025@3`), so the
/// syntax leaves out spaces, upper case (ids differing only in case would be two rule sets), `@`, `/` and `.`
/// (which would make an id look like a version or a file name). Surrounding white space is dropped.
enum RuleSetRefs {
    static let maxIDLength = 64

    /// `text` without surrounding white space, or INVALID_ARGUMENT naming `field` when it is empty or not a rule
    /// set id.
    static func id(_ text: String, field: String) throws(RPCError) -> String {
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { throw .invalidArgument(field: field, "required: a rule set id such as book-2025") }
        guard !isID(id) else { return id }
        let suggestion = id.lowercased().replacingOccurrences(of: " ", with: "-")
        throw .invalidArgument(
            field: field,
            "'\(id)' is not a rule set id: 1–\(maxIDLength) lower-case letters, digits, '-' or '_', starting with a "
                + "letter, e.g. book-2025" + (isID(suggestion) ? " (did you mean '\(suggestion)'?)" : ""))
    }

    /// `ref` with its id checked: empty (the active rule set) or a rule set id; version 0 (the latest) or more.
    /// - Throws: INVALID_ARGUMENT naming `field.rule_set_id` or `field.version`.
    static func checked(_ ref: RuleSetRef, field: String) throws(RPCError) -> RuleSetRef {
        let blank = ref.ruleSetId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let id = blank ? "" : try id(ref.ruleSetId, field: "\(field).rule_set_id")
        guard ref.version >= 0 else {
            throw .invalidArgument(field: "\(field).version", "must be 0 (the latest) or a version from 1, not \(ref.version)")
        }
        guard !blank || ref.version == 0 else {
            throw .invalidArgument(field: "\(field).version",
                                   "a version needs a rule_set_id; leave both empty for the active rule set")
        }
        return RuleSetRef(ruleSetId: id, version: ref.version)
    }

    /// The candidate of a `oneof candidate`: the stored version `stored` names, or the rule set sent inline.
    /// - Throws: INVALID_ARGUMENT when neither or both are set, or the ref is malformed; NOT_FOUND when the ref
    ///   names no stored version (see ``load(_:on:)``).
    static func candidate(stored: RuleSetRef?, ruleSet: RuleSet?, pool: PostgresPool) async throws -> RuleSet {
        switch (stored, ruleSet) {
        case (let ref?, nil):
            let ref = try checked(ref, field: "stored")
            return try await pool.withConnection { connection in try load(ref, on: connection) }
        case (nil, let ruleSet?):
            return ruleSet
        default:
            throw RPCError.invalidArgument(
                field: "candidate", "set exactly one of stored (a rule set id and version; an empty id for the "
                    + "active rule set) and rule_set (a rule set not saved yet)")
        }
    }

    /// The version `ref` names (checked by ``checked(_:field:)``).
    /// - Throws: NOT_FOUND saying what there is: no active rule set, no such id, or which versions the id has.
    static func load(_ ref: RuleSetRef, on connection: PostgresConnection) throws -> RuleSet {
        let store = RuleSetStore(connection: connection)
        if let ruleSet = try store.get(ref) { return ruleSet }
        guard !ref.ruleSetId.isEmpty else {
            throw RPCError(.notFound, "no rule set is active yet: name a rule set id and version (ListRuleSets shows "
                + "them), or activate a version with ActivateRuleSet")
        }
        let latest = try connection.query("SELECT coalesce(max(version), 0) FROM rule_set WHERE rule_set_id = $1",
                                          [.text(ref.ruleSetId)])[0].decode(Int32.self, at: 0)
        guard latest > 0 else {
            throw RPCError(.notFound, "no rule set \(ref.ruleSetId) is stored: ListRuleSets shows the ids there are, "
                + "and SaveRuleSet saves version 1 of a new one")
        }
        let versions = latest == 1 ? "only version 1" : "versions 1 to \(latest)"
        throw RPCError(.notFound, "rule set \(ref.ruleSetId) has \(versions), not version \(ref.version); ask for one "
            + "of those, or version 0 for the latest")
    }

    /// Whether `id` is a rule set id: a lower-case letter, then up to 63 lower-case letters, digits, `-` or `_`.
    static func isID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...maxIDLength).contains(bytes.count), let first = bytes.first, (0x61...0x7A).contains(first) else {
            return false
        }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F }
    }
}
