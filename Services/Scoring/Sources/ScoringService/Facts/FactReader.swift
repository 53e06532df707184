import Models
import ScoringModel
import Store

/// One customer's facts as read, with the feed position of the latest event they include.
struct StoredFacts: Sendable {
    var facts: CustomerFacts
    var position: Int64
}

/// Reads customers' facts from the fact tables, many customers per statement.
struct FactReader {
    let connection: PostgresConnection
    let utcOffsetSeconds: Int

    /// The facts of each of `codes` that has a profile or any record; the others are absent from the answer.
    /// Each code is looked up by itself (an index probe per code and table): for customers scattered over the book.
    /// Whole-book passes read with `BookScan` instead.
    func facts(of codes: [String]) throws -> [String: StoredFacts] {
        guard !codes.isEmpty else { return [:] }
        let wanted = [PostgresValue.textArray(codes)]
        let asked = Set(codes)
        var found: [String: StoredFacts] = [:]
        // A claim is also found for the policyholder or the claimant not asked for.
        func add(_ code: String, position: Int64, _ change: (inout CustomerFacts) -> Void) {
            guard asked.contains(code) else { return }
            // In place: a copy of the entry would copy its arrays on every fact added.
            let fresh = StoredFacts(facts: CustomerFacts(customerCode: code), position: 0)
            change(&found[code, default: fresh].facts)
            found[code, default: fresh].position = max(found[code, default: fresh].position, position)
        }
        for row in try connection.query(
            """
            SELECT customer_code, party_kind, birth_year, sex, occupation_class,
                   array_to_string(declared_habits, ',') AS habits, province, city, position
            FROM customer_profile WHERE customer_code = ANY($1::text[])
            """, wanted) {
            let profile = try FactRows.profile(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.profile = profile
            }
        }
        try readPolicies(wanted, into: add)
        for row in try connection.query(
            "SELECT * FROM payment_fact WHERE customer_code = ANY($1::text[]) ORDER BY payment_key", wanted) {
            let payment = try FactRows.payment(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.payments.append(payment)
            }
        }
        for row in try connection.query(
            """
            SELECT * FROM claim_fact
            WHERE customer_code = ANY($1::text[])
               -- Repeats the partial index's predicate so that the planner may use it (no code is empty).
               OR (policyholder_code <> '' AND policyholder_code = ANY($1::text[]))
            ORDER BY claim_key
            """, wanted) {
            let claim = try FactRows.claim(row)
            let position = try row.decode(Int64.self, "position")
            // Kept for the claimant and for the policyholder: once for each, once when they are the same.
            let owners = Set([try row.decode(String.self, "customer_code"),
                              try row.decode(String.self, "policyholder_code")]).subtracting([""])
            for owner in owners.sorted() {
                add(owner, position: position) { $0.claims.append(claim) }
            }
        }
        for row in try connection.query(
            "SELECT * FROM servicing_fact WHERE customer_code = ANY($1::text[]) ORDER BY servicing_key",
            wanted) {
            let servicing = try FactRows.servicing(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.servicing.append(servicing)
            }
        }
        for row in try connection.query(
            "SELECT * FROM service_usage_fact WHERE customer_code = ANY($1::text[]) ORDER BY usage_key",
            wanted) {
            let usage = try FactRows.serviceUsage(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.serviceUsage.append(usage)
            }
        }
        for row in try connection.query(
            "SELECT * FROM interaction_fact WHERE customer_code = ANY($1::text[]) ORDER BY interaction_key",
            wanted) {
            let interaction = try FactRows.interaction(row, utcOffsetSeconds: utcOffsetSeconds)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.interactions.append(interaction)
            }
        }
        return found
    }

    /// Policies of the customers, one per policy and customer with all their roles on it.
    private func readPolicies(_ wanted: [PostgresValue],
                              into add: (String, Int64, (inout CustomerFacts) -> Void) -> Void) throws {
        let rows = try connection.query(
            """
            SELECT pp.customer_code, array_to_string(array_agg(DISTINCT pp.role), ',') AS roles,
                   max(pp.position) AS party_position, f.*
            FROM policy_party pp JOIN policy_fact f ON f.policy_key = pp.policy_key
            WHERE pp.customer_code = ANY($1::text[])
            GROUP BY pp.customer_code, f.policy_key ORDER BY pp.customer_code, f.policy_key
            """, wanted)
        for row in rows {
            let roles = PolicyFact.Roles(try row.decode(String.self, "roles").split(separator: ",").compactMap {
                FactVocabulary.roles.value(of: String($0))
            })
            // A customer with only unspecified roles has no place on the policy.
            guard !roles.isEmpty else { continue }
            let policy = try FactRows.policy(row, roles: roles)
            let position = max(try row.decode(Int64.self, "party_position"), try row.decode(Int64.self, "position"))
            add(try row.decode(String.self, "customer_code"), position) { $0.policies.append(policy) }
        }
    }
}
