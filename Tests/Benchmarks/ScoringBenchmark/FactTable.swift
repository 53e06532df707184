import Store

/// Scoring's fact tables as the loader fills them (ScoringSchema, migration 2), each with the columns a row gives in
/// order. Values are stored as the feed applier stores them: proto enum names as text, money as minor units and a
/// currency, days as `date`, and the feed position of the (here: imagined) event that wrote the row.
enum FactTable: Int, CaseIterable, Sendable {
    case profile, policy, party, payment, claim, servicing, usage, interaction

    /// The table, qualified by scoring's schema.
    var name: String {
        switch self {
        case .profile: "scoring.customer_profile"
        case .policy: "scoring.policy_fact"
        case .party: "scoring.policy_party"
        case .payment: "scoring.payment_fact"
        case .claim: "scoring.claim_fact"
        case .servicing: "scoring.servicing_fact"
        case .usage: "scoring.service_usage_fact"
        case .interaction: "scoring.interaction_fact"
        }
    }

    var columns: [String] {
        switch self {
        case .profile:
            ["customer_code", "party_kind", "birth_year", "sex", "occupation_class", "declared_habits", "province",
             "city", "employer_code", "position"]
        case .policy:
            ["policy_key", "product_line", "product_code", "premium_minor", "premium_currency", "payment_mode",
             "annualised_minor", "annualised_currency", "premium_term_years", "sum_insured_minor",
             "sum_insured_currency", "issue_date", "effective_date", "end_date", "status", "status_date", "renewal_of",
             "group_policy", "agent_code", "source_version", "position"]
        case .party: ["policy_key", "ordinal", "customer_code", "role", "relation", "position"]
        case .payment:
            ["payment_key", "customer_code", "policy_key", "product_line", "instalment", "due_date", "paid_date",
             "amount_minor", "amount_currency", "status", "source_version", "position"]
        case .claim:
            ["claim_key", "customer_code", "policyholder_code", "policy_key", "product_line", "incident_date",
             "reported_date", "closed_date", "claimed_minor", "claimed_currency", "paid_minor", "paid_currency",
             "status", "fraud_flag", "source_version", "position"]
        case .servicing:
            ["servicing_key", "customer_code", "policy_key", "product_line", "servicing_type", "status",
             "requested_date", "closed_date", "amount_minor", "amount_currency", "source_version", "position"]
        case .usage:
            ["usage_key", "customer_code", "policy_key", "service_code", "service_name", "used_on", "source_version",
             "position"]
        case .interaction:
            ["interaction_key", "customer_code", "interaction_type", "channel", "occurred_at", "topic",
             "campaign_code", "referred_customer_code", "resolved", "source_version", "position"]
        }
    }

    /// The COPY statement that loads the table.
    var copyStatement: String { "COPY \(name) (\(columns.joined(separator: ", "))) FROM STDIN" }
}

/// The rows of a chunk of generated customers, table by table.
struct FactBatch: Sendable {
    private(set) var rows: [[[PostgresValue]]] = Array(repeating: [], count: FactTable.allCases.count)

    /// Adds one row to `table`; `row` has a value for each of the table's columns.
    mutating func add(_ table: FactTable, _ row: [PostgresValue]) {
        assert(row.count == table.columns.count, "\(table.name): \(row.count) values, \(table.columns.count) columns")
        rows[table.rawValue].append(row)
    }

    /// The rows of `table`.
    subscript(table: FactTable) -> [[PostgresValue]] { rows[table.rawValue] }

    /// Rows in all tables.
    var count: Int { rows.reduce(0) { $0 + $1.count } }
}
