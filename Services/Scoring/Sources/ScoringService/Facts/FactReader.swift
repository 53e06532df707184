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
    func facts(of codes: [String]) throws -> [String: StoredFacts] {
        try facts(of: codes, where: FactSelection(codes: codes))
    }

    /// The facts of a run of `codes` consecutive in the book's order (`allCodes()`), as `facts(of:)` answers them,
    /// read with one index range scan per table instead of a probe per code: how whole-book passes read.
    func facts(ofRun codes: [String]) throws -> [String: StoredFacts] {
        guard let first = codes.first, let last = codes.last else { return [:] }
        return try facts(of: codes, where: FactSelection(from: first, through: last))
    }

    private func facts(of codes: [String], where selection: FactSelection) throws -> [String: StoredFacts] {
        guard !codes.isEmpty else { return [:] }
        let wanted = selection.parameters
        let asked = Set(codes)
        var found: [String: StoredFacts] = [:]
        // A range also finds customers not asked for (aliases, customers new since the codes were listed).
        func add(_ code: String, position: Int64, _ change: (inout CustomerFacts) -> Void) {
            guard asked.contains(code) else { return }
            var entry = found[code] ?? StoredFacts(facts: CustomerFacts(customerCode: code), position: 0)
            change(&entry.facts)
            entry.position = max(entry.position, position)
            found[code] = entry
        }
        for row in try connection.query(
            """
            SELECT customer_code, party_kind, birth_year, sex, occupation_class,
                   array_to_string(declared_habits, ',') AS habits, province, city, position
            FROM customer_profile WHERE \(selection.matching("customer_code"))
            """, wanted) {
            let profile = try FactRows.profile(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.profile = profile
            }
        }
        try readPolicies(selection, into: add)
        for row in try connection.query(
            "SELECT * FROM payment_fact WHERE \(selection.matching("customer_code")) ORDER BY payment_key", wanted) {
            let payment = try FactRows.payment(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.payments.append(payment)
            }
        }
        for row in try connection.query(
            """
            SELECT * FROM claim_fact
            WHERE \(selection.matching("customer_code"))
               -- Repeats the partial index's predicate so that the planner may use it (no code is empty).
               OR (policyholder_code <> '' AND \(selection.matching("policyholder_code")))
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
            "SELECT * FROM servicing_fact WHERE \(selection.matching("customer_code")) ORDER BY servicing_key",
            wanted) {
            let servicing = try FactRows.servicing(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.servicing.append(servicing)
            }
        }
        for row in try connection.query(
            "SELECT * FROM service_usage_fact WHERE \(selection.matching("customer_code")) ORDER BY usage_key",
            wanted) {
            let usage = try FactRows.serviceUsage(row)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.serviceUsage.append(usage)
            }
        }
        for row in try connection.query(
            "SELECT * FROM interaction_fact WHERE \(selection.matching("customer_code")) ORDER BY interaction_key",
            wanted) {
            let interaction = try FactRows.interaction(row, utcOffsetSeconds: utcOffsetSeconds)
            add(try row.decode(String.self, "customer_code"), position: try row.decode(Int64.self, "position")) {
                $0.interactions.append(interaction)
            }
        }
        return found
    }

    /// Every customer with a profile or a record: the book, in the database's order of codes.
    func allCodes() throws -> [String] {
        try connection.query("\(Self.bookCodes) ORDER BY 1").map { try $0.decode(String.self, at: 0) }
    }

    /// Every customer with a profile, a record or a score card, in the database's order of codes, and how many of
    /// them come up to `after` in that order (a full rescore resumed after that code).
    func allCodesAndCards(after: String) throws -> (codes: [String], upTo: Int) {
        var upTo = 0
        let codes = try connection.query(
            "SELECT code, code <= $1 AS done FROM (\(Self.bookCodes) UNION SELECT customer_code FROM score_card) "
                + "AS book (code) ORDER BY 1", [.text(after)]
        ).map { row in
            if try row.decode(Bool.self, "done") { upTo += 1 }
            return try row.decode(String.self, "code")
        }
        return (codes, upTo)
    }

    private static let bookCodes = """
        SELECT customer_code FROM customer_profile
        UNION SELECT customer_code FROM policy_party UNION SELECT customer_code FROM payment_fact
        UNION SELECT customer_code FROM claim_fact
        UNION SELECT policyholder_code FROM claim_fact WHERE policyholder_code <> ''
        UNION SELECT customer_code FROM servicing_fact UNION SELECT customer_code FROM service_usage_fact
        UNION SELECT customer_code FROM interaction_fact
        """

    /// Policies of the customers, one per policy and customer with all their roles on it.
    private func readPolicies(_ selection: FactSelection,
                              into add: (String, Int64, (inout CustomerFacts) -> Void) -> Void) throws {
        let rows = try connection.query(
            """
            SELECT pp.customer_code, array_to_string(array_agg(DISTINCT pp.role), ',') AS roles,
                   max(pp.position) AS party_position, f.*
            FROM policy_party pp JOIN policy_fact f ON f.policy_key = pp.policy_key
            WHERE \(selection.matching("pp.customer_code"))
            GROUP BY pp.customer_code, f.policy_key ORDER BY pp.customer_code, f.policy_key
            """, selection.parameters)
        for row in rows {
            let roles = Set(try row.decode(String.self, "roles").split(separator: ",").compactMap {
                FactVocabulary.role(String($0))
            })
            // A customer with only unspecified roles has no place on the policy.
            guard !roles.isEmpty else { continue }
            let policy = try FactRows.policy(row, roles: roles)
            let position = max(try row.decode(Int64.self, "party_position"), try row.decode(Int64.self, "position"))
            add(try row.decode(String.self, "customer_code"), position) { $0.policies.append(policy) }
        }
    }
}
