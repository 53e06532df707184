/// The statements behind `BookScan`'s cursors, one per part.
extension BookScan.Part {
    /// The policy's fields a party row's facts need, out of its `policy` composite.
    private static let policyFields = [
        "policy_key", "product_line", "premium_minor", "premium_currency", "payment_mode", "annualised_minor",
        "annualised_currency", "premium_term_years", "issue_date", "effective_date", "end_date", "status",
        "status_date", "renewal_of", "group_policy", "source_version", "position",
    ].map { "(pp.policy).\($0)" }.joined(separator: ", ")

    /// The table's rows after the customer `$1`, sorted by customer and then as `FactReader` orders each
    /// customer's facts. Each fact table's query is read in that order straight off an index (migration 6), with no
    /// sort; the claims' two orders merge in a sort, as do the codes of the customers with claims.
    var query: String {
        switch self {
        case .profile:
            """
            SELECT customer_code, party_kind, birth_year, sex, occupation_class,
                   array_to_string(declared_habits, ',') AS habits, province, city, position
            FROM customer_profile WHERE customer_code > $1 ORDER BY customer_code
            """
        case .policies:
            // The party rows carry their policy's facts (migration 5): no join. Only the fields `FactRows.policy`
            // reads: the server takes each field out of the composite on its own, walking it from its start.
            """
            SELECT pp.customer_code, pp.role, pp.position AS party_position, \(Self.policyFields)
            FROM policy_party pp WHERE pp.customer_code > $1 ORDER BY pp.customer_code, pp.policy_key
            """
        case .payments:
            "SELECT * FROM payment_fact WHERE customer_code > $1 ORDER BY customer_code, payment_key"
        case .claims:
            // Kept for the claimant and for the policyholder: once for each, once when they are the same.
            """
            SELECT customer_code AS owner, * FROM claim_fact WHERE customer_code > $1
            UNION ALL
            SELECT policyholder_code AS owner, * FROM claim_fact
            WHERE policyholder_code > $1 AND policyholder_code <> customer_code
            ORDER BY owner, claim_key
            """
        case .servicing:
            "SELECT * FROM servicing_fact WHERE customer_code > $1 ORDER BY customer_code, servicing_key"
        case .serviceUsage:
            "SELECT * FROM service_usage_fact WHERE customer_code > $1 ORDER BY customer_code, usage_key"
        case .interactions:
            // Without topic and campaign code, which scoring does not read.
            """
            SELECT customer_code, interaction_key, interaction_type, channel, occurred_at, referred_customer_code,
                   resolved, source_version, position
            FROM interaction_fact WHERE customer_code > $1 ORDER BY customer_code, interaction_key
            """
        case .claimCustomers:
            """
            SELECT customer_code, 0::bigint AS position FROM claim_fact WHERE customer_code > $1
            UNION SELECT policyholder_code, 0 FROM claim_fact WHERE policyholder_code > $1
            ORDER BY 1
            """
        case .servicingCustomers:
            """
            SELECT DISTINCT customer_code, 0::bigint AS position FROM servicing_fact WHERE customer_code > $1
            ORDER BY 1
            """
        case .interactionCustomers:
            """
            SELECT DISTINCT customer_code, 0::bigint AS position FROM interaction_fact WHERE customer_code > $1
            ORDER BY 1
            """
        }
    }
}
