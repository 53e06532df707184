import IdentityAPI
import Logging
import Store

/// Follows identity's merges, splits and undos in the fact tables.
///
/// - A merge points every fact row of the merged code at the survivor (the union of both histories, each record
///   once, since rows are keyed by record), makes the merged code an alias, and drops its profile.
/// - A split changes no fact here: identity sends the business records of the moved party records again, as
///   `*Linked` events under their new code, right after the split, and those re-point the rows.
/// - Undoing a merge makes the merged code a customer again; its records come back the same way, re-sent by
///   identity under the restored code. Undoing a split folds the new code back into the old one, as a merge does.
///
/// Each returns the codes whose cards must be computed again (or removed, for a code that is now an alias).
struct CodeChangeWriter {
    let connection: PostgresConnection
    let position: Int64
    let logger: Logger

    /// The columns that say which customer a fact belongs to.
    private static let ownerColumns: [(table: String, column: String)] = [
        ("policy_party", "customer_code"), ("payment_fact", "customer_code"), ("servicing_fact", "customer_code"),
        ("service_usage_fact", "customer_code"), ("interaction_fact", "customer_code"),
    ]

    func merged(_ event: CustomersMerged) throws -> [String] {
        let (survivor, merged) = (event.survivorCode, event.mergedCode)
        guard !survivor.isEmpty, !merged.isEmpty, survivor != merged else {
            logger.warning("CustomersMerged without two codes; ignored", metadata: ["position": "\(position)"])
            return []
        }
        let repointed = try fold(merged, into: survivor, operation: event.operationId)
        try connection.execute(
            """
            INSERT INTO code_operation (operation_id, kind, customer_code, other_code, repointed, position)
            VALUES ($1, 'merge', $2, $3, $4::text[], $5) ON CONFLICT (operation_id) DO NOTHING
            """, [.text(event.operationId), .text(survivor), .text(merged), PostgresValue.textArray(repointed), .int(position)])
        try ProfileWriter(connection: connection, position: position).replace(survivor, with: event.profile)
        return [survivor, merged] + repointed
    }

    func split(_ event: CustomerSplit) throws -> [String] {
        try connection.execute(
            """
            INSERT INTO code_operation (operation_id, kind, customer_code, other_code, repointed, position)
            VALUES ($1, 'split', $2, $3, '{}', $4) ON CONFLICT (operation_id) DO NOTHING
            """, [.text(event.operationId), .text(event.customerCode), .text(event.newCustomerCode), .int(position)])
        let profiles = ProfileWriter(connection: connection, position: position)
        try profiles.replace(event.customerCode, with: event.profile)
        try profiles.replace(event.newCustomerCode, with: event.newProfile)
        return [event.customerCode, event.newCustomerCode]
    }

    func undone(_ event: OperationUndone) throws -> [String] {
        let rows = try connection.query(
            "SELECT kind, customer_code, other_code FROM code_operation WHERE operation_id = $1",
            [.text(event.undoneOperationId)])
        var kind = try rows.first?.decode(String.self, "kind")
        var (first, second) = (try rows.first?.decode(String.self, "customer_code") ?? "",
                               try rows.first?.decode(String.self, "other_code") ?? "")
        if kind == nil, event.customerCodes.count >= 2 {
            // An operation this schema never saw: the event's own codes say which two customers it concerns.
            kind = event.undoneType == .split ? "split" : "merge"
            (first, second) = (event.customerCodes[0], event.customerCodes[1])
        }
        switch kind {
        case "merge":
            // The merged code is a customer again, with the aliases the merge had re-pointed at the survivor.
            try connection.execute(
                """
                UPDATE customer_alias SET survivor_code = $2, operation_id = $3, position = $4
                WHERE survivor_code = $1 AND position < $4 AND alias_code IN (
                    SELECT unnest(repointed) FROM code_operation WHERE operation_id = $5)
                """, [.text(first), .text(second), .text(event.operationId), .int(position),
                      .text(event.undoneOperationId)])
            try connection.execute("DELETE FROM customer_alias WHERE alias_code = $1 AND position < $2",
                                   [.text(second), .int(position)])
            return [first, second]
        case "split":
            let repointed = try fold(second, into: first, operation: event.operationId)
            return [first, second] + repointed
        default:
            logger.warning("OperationUndone for an operation scoring does not know; only its codes are rescored",
                           metadata: ["position": "\(position)", "operation": "\(event.undoneOperationId)"])
            return event.customerCodes
        }
    }

    /// Makes `code` an alias of `survivor`: its facts and its aliases move to the survivor, its profile goes.
    /// Returns the aliases re-pointed.
    private func fold(_ code: String, into survivor: String, operation: String) throws -> [String] {
        let (from, to, at) = (PostgresValue.text(code), PostgresValue.text(survivor), PostgresValue.int(position))
        for (table, column) in Self.ownerColumns {
            try connection.execute(
                "UPDATE \(table) SET \(column) = $2, position = $3 WHERE \(column) = $1 AND position < $3",
                [from, to, at])
        }
        try connection.execute(
            """
            UPDATE claim_fact SET
                customer_code = CASE WHEN customer_code = $1 THEN $2 ELSE customer_code END,
                policyholder_code = CASE WHEN policyholder_code = $1 THEN $2 ELSE policyholder_code END,
                position = $3
            WHERE (customer_code = $1 OR policyholder_code = $1) AND position < $3
            """, [from, to, at])
        try connection.execute(
            """
            INSERT INTO customer_alias (alias_code, survivor_code, operation_id, position) VALUES ($1, $2, $3, $4)
            ON CONFLICT (alias_code) DO UPDATE SET survivor_code = excluded.survivor_code,
                operation_id = excluded.operation_id, position = excluded.position
            WHERE customer_alias.position < excluded.position
            """, [from, to, .text(operation), at])
        let repointed = try connection.query(
            """
            UPDATE customer_alias SET survivor_code = $2, position = $3
            WHERE survivor_code = $1 AND position < $3 RETURNING alias_code
            """, [from, to, at]).map { try $0.decode(String.self, "alias_code") }
        // The survivor is a customer of its own, whatever an earlier event said.
        try connection.execute("DELETE FROM customer_alias WHERE alias_code = $1 AND position < $2", [to, at])
        try ProfileWriter(connection: connection, position: position).remove(code)
        return repointed.sorted()
    }
}
