import IdentityAPI
import Models
import Store

/// Writes identity's `*Linked` events into the fact tables: each event carries its record's whole current state,
/// which replaces what the table had for the record's key, unless a later event wrote that row already.
///
/// Returns the customers whose facts changed, before and after, for the rescore queue.
struct BusinessFactWriter {
    let connection: PostgresConnection
    /// The event's feed position: the row's writer from now on.
    let position: Int64

    func policy(_ event: PolicyLinked) throws -> [String] {
        let key = PostgresValue.text(event.policyKey)
        let current = try connection.query("SELECT position FROM policy_fact WHERE policy_key = $1 FOR UPDATE", [key])
        if let row = current.first, try row.decode(Int64.self, "position") >= position { return [] }
        let before = try connection.query("SELECT customer_code FROM policy_party WHERE policy_key = $1", [key])
            .map { try $0.decode(String.self, "customer_code") }
        try replace(table: "policy_fact", key: ("policy_key", event.policyKey), columns: [
            ("product_line", .text(event.productLine.rawValue)),
            ("product_code", .text(event.productCode)),
            ("premium_minor", .int(event.premium.minorUnits)),
            ("premium_currency", .text(event.premium.currency)),
            ("payment_mode", .text(event.paymentMode.rawValue)),
            ("annualised_minor", .int(event.annualisedPremium.minorUnits)),
            ("annualised_currency", .text(event.annualisedPremium.currency)),
            ("premium_term_years", .int(Int64(event.premiumTermYears))),
            ("sum_insured_minor", SQLValues.minorUnits(event.sumInsured)),
            ("sum_insured_currency", SQLValues.currency(event.sumInsured)),
            ("issue_date", SQLValues.date(event.issueDate)),
            ("effective_date", SQLValues.date(event.effectiveDate)),
            ("end_date", SQLValues.date(event.endDate)),
            ("status", .text(event.status.rawValue)),
            ("status_date", SQLValues.date(event.statusDate)),
            ("renewal_of", .text(event.renewalOf)),
            ("group_policy", .bool(event.groupPolicy)),
            ("agent_code", .text(event.agentCode)),
            ("source_version", .int(event.sourceVersion)),
        ])
        try connection.execute("DELETE FROM policy_party WHERE policy_key = $1", [key])
        let parties = event.parties.filter { !$0.customerCode.isEmpty }
        if !parties.isEmpty {
            try connection.execute(
                """
                INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
                SELECT $1, ordinal, code, role, relation, $5
                FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p (code, role, relation, ordinal)
                """,
                [key, PostgresValue.textArray(parties.map(\.customerCode)), PostgresValue.textArray(parties.map(\.role.rawValue)),
                 PostgresValue.textArray(parties.map(\.relationToPolicyholder.rawValue)), .int(position)])
        }
        return before + parties.map(\.customerCode)
    }

    func payment(_ event: PaymentLinked) throws -> [String] {
        try replace(table: "payment_fact", key: ("payment_key", event.paymentKey), owners: ["customer_code"], columns: [
            ("customer_code", .text(event.customerCode)),
            ("policy_key", .text(event.policyKey)),
            ("product_line", .text(event.productLine.rawValue)),
            ("instalment", .int(Int64(event.instalment))),
            ("due_date", SQLValues.date(event.dueDate)),
            ("paid_date", SQLValues.date(event.paidDate)),
            ("amount_minor", .int(event.amount.minorUnits)),
            ("amount_currency", .text(event.amount.currency)),
            ("status", .text(event.status.rawValue)),
            ("source_version", .int(event.sourceVersion)),
        ])
    }

    func claim(_ event: ClaimLinked) throws -> [String] {
        try replace(table: "claim_fact", key: ("claim_key", event.claimKey),
                    owners: ["customer_code", "policyholder_code"], columns: [
            ("customer_code", .text(event.customerCode)),
            ("policyholder_code", .text(event.policyholderCode == event.customerCode ? "" : event.policyholderCode)),
            ("policy_key", .text(event.policyKey)),
            ("product_line", .text(event.productLine.rawValue)),
            ("incident_date", SQLValues.date(event.incidentDate)),
            ("reported_date", SQLValues.date(event.reportedDate)),
            ("closed_date", SQLValues.date(event.closedDate)),
            ("claimed_minor", .int(event.claimedAmount.minorUnits)),
            ("claimed_currency", .text(event.claimedAmount.currency)),
            ("paid_minor", SQLValues.minorUnits(event.paidAmount)),
            ("paid_currency", SQLValues.currency(event.paidAmount)),
            ("status", .text(event.status.rawValue)),
            ("fraud_flag", .bool(event.fraudFlag)),
            ("source_version", .int(event.sourceVersion)),
        ])
    }

    func servicing(_ event: ServicingLinked) throws -> [String] {
        try replace(table: "servicing_fact", key: ("servicing_key", event.servicingKey), owners: ["customer_code"],
                    columns: [
            ("customer_code", .text(event.customerCode)),
            ("policy_key", .text(event.policyKey)),
            ("product_line", .text(event.productLine.rawValue)),
            ("servicing_type", .text(event.type.rawValue)),
            ("status", .text(event.status.rawValue)),
            ("requested_date", SQLValues.date(event.requestedDate)),
            ("closed_date", SQLValues.date(event.closedDate)),
            ("amount_minor", SQLValues.minorUnits(event.amount)),
            ("amount_currency", SQLValues.currency(event.amount)),
            ("source_version", .int(event.sourceVersion)),
        ])
    }

    func serviceUsage(_ event: ServiceUsageLinked) throws -> [String] {
        try replace(table: "service_usage_fact", key: ("usage_key", event.usageKey), owners: ["customer_code"],
                    columns: [
            ("customer_code", .text(event.customerCode)),
            ("policy_key", .text(event.policyKey)),
            ("service_code", .text(event.serviceCode)),
            ("service_name", .text(event.serviceName)),
            ("used_on", SQLValues.date(event.usedOn)),
            ("source_version", .int(event.sourceVersion)),
        ])
    }

    func interaction(_ event: InteractionLinked) throws -> [String] {
        try replace(table: "interaction_fact", key: ("interaction_key", event.interactionKey),
                    owners: ["customer_code"], columns: [
            ("customer_code", .text(event.customerCode)),
            ("interaction_type", .text(event.type.rawValue)),
            ("channel", .text(event.channel.rawValue)),
            ("occurred_at", .timestamp(microsSince1970: event.occurredAt.unixMicros)),
            ("topic", .text(event.topic)),
            ("campaign_code", .text(event.campaignCode)),
            ("referred_customer_code", .text(event.referredCustomerCode)),
            ("resolved", .bool(event.resolved)),
            ("source_version", .int(event.sourceVersion)),
        ])
    }

    /// Inserts the row for `key`, or replaces it when its writer came earlier in the feed; returns the customers
    /// named in the `owners` columns before and after (nothing when a later event wrote the row already).
    @discardableResult
    private func replace(table: String, key: (column: String, value: String), owners: [String] = [],
                         columns: [(name: String, value: PostgresValue)]) throws -> [String] {
        var before: [String] = []
        if !owners.isEmpty {
            let rows = try connection.query(
                "SELECT \(owners.joined(separator: ", ")) FROM \(table) WHERE \(key.column) = $1 AND position < $2",
                [.text(key.value), .int(position)])
            for row in rows {
                for owner in owners { before.append(try row.decode(String.self, owner)) }
            }
        }
        let names = [key.column] + columns.map(\.name) + ["position"]
        let values = [PostgresValue.text(key.value)] + columns.map(\.value) + [.int(position)]
        let placeholders = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        let updates = (columns.map(\.name) + ["position"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let written = try connection.query(
            """
            INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT (\(key.column)) DO UPDATE SET \(updates) WHERE \(table).position < excluded.position
            RETURNING 1
            """, values)
        guard !written.isEmpty else { return [] }
        let after = owners.compactMap { owner in columns.first { $0.name == owner }?.value }.compactMap { value in
            if case .text(let code) = value { code } else { nil }
        }
        return before + after
    }
}
