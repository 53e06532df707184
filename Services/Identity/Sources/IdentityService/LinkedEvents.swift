import Foundation
import IdentityAPI
import Models
import NIOCore
import Store
import WireCodec

/// The `*Linked` feed events: each business record with the current customer codes of its parties, carrying the
/// facts scoring needs. Sent when a record is stored or changed, and again whenever its parties' customers change.
struct LinkedEvents {
    let connection: PostgresConnection
    let writer: CustomerWriter

    /// Re-sends the events of every business record that names one of `refs`, directly or through its policy.
    func emit(forParties refs: [SourceRef]) throws {
        guard !refs.isEmpty else { return }
        let ids = try connection.query(
            """
            WITH direct AS (
                SELECT bp.record_id FROM business_party bp
                WHERE (bp.party_system, bp.party_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))
            ), policies AS (
                SELECT b.policy_key FROM business_record b JOIN direct d ON d.record_id = b.id WHERE b.kind = 1
            )
            SELECT record_id FROM direct
            UNION SELECT b.id FROM business_record b JOIN policies p ON p.policy_key = b.policy_key
            WHERE b.kind IN (2, 3, 4) ORDER BY 1
            """, [PostgresValue.textArray(refs.map(\.sourceSystem)), PostgresValue.textArray(refs.map(\.sourceKey))])
        for row in ids { try emit(record: try row.decode(Int64.self, at: 0)) }
    }

    /// Re-sends the events of every business record of these customers' party records.
    func emit(forCustomers customers: [Int64]) throws {
        let rows = try connection.query(
            """
            SELECT p.source_system, p.source_key FROM party_record p JOIN party_link l ON l.record_id = p.id
            WHERE l.customer_id = ANY($1::bigint[])
            """,
            [SQLArray.integers(customers)])
        try emit(forParties: rows.map {
            SourceRef(sourceSystem: try $0.decode(String.self, at: 0), sourceKey: try $0.decode(String.self, at: 1))
        })
    }

    /// Sends the event of one stored business record, if at least one of its parties has a customer.
    func emit(record id: Int64) throws {
        let rows = try connection.query("SELECT kind, source_system, record, policy_key FROM business_record WHERE id = $1",
                                        [.int(id)])
        guard let row = rows.first, let kind = BusinessKind(rawValue: Int(try row.decode(Int16.self, at: 0))) else {
            return
        }
        let system = try row.decode(String.self, at: 1)
        let bytes = ByteBufferAllocator().buffer(bytes: try row.decode([UInt8].self, at: 2))
        let policy = try row.decode(String.self, at: 3)
        switch kind {
        case .policy:
            let record = try WireCodec.decode(PolicyRecord.self, from: bytes)
            let parties = try policyParties(id)
            guard let subject = parties.first(where: { $0.role == .policyholder })?.customerCode
                ?? parties.first?.customerCode
            else { return }
            try writer.emit(PolicyLinked(
                policyKey: policyKey(system: system, number: record.ref.sourceKey), productLine: record.productLine,
                productCode: record.productCode, parties: parties, premium: record.premium,
                paymentMode: record.paymentMode, annualisedPremium: Premiums.annualised(record),
                premiumTermYears: record.premiumTermYears, sumInsured: record.sumInsured, issueDate: record.issueDate,
                effectiveDate: record.effectiveDate, endDate: record.endDate, status: record.status,
                statusDate: record.statusDate, renewalOf: policyKey(system: system, number: record.renewalOf),
                groupPolicy: record.groupPolicy, agentCode: record.agentCode, sourceVersion: record.sourceVersion),
                subject: subject)
        case .payment:
            let record = try WireCodec.decode(PaymentRecord.self, from: bytes)
            guard let payer = try ownParty(id) ?? policyholder(policy) else { return }
            try writer.emit(PaymentLinked(
                paymentKey: system + "/" + record.ref.sourceKey, policyKey: policy, customerCode: payer,
                productLine: try productLine(policy), instalment: record.instalment, dueDate: record.dueDate,
                paidDate: record.paidDate, amount: record.amount, status: record.status,
                sourceVersion: record.sourceVersion), subject: payer)
        case .claim:
            let record = try WireCodec.decode(ClaimRecord.self, from: bytes)
            let holder = try policyholder(policy)
            guard let claimant = try ownParty(id) ?? holder else { return }
            try writer.emit(ClaimLinked(
                claimKey: system + "/" + record.ref.sourceKey, policyKey: policy, customerCode: claimant,
                policyholderCode: holder == claimant ? "" : holder ?? "", productLine: try productLine(policy),
                incidentDate: record.incidentDate, reportedDate: record.reportedDate, closedDate: record.closedDate,
                claimedAmount: record.claimedAmount, paidAmount: record.paidAmount, status: record.status,
                fraudFlag: record.fraudFlag, sourceVersion: record.sourceVersion), subject: claimant)
        case .servicing:
            let record = try WireCodec.decode(ServicingRecord.self, from: bytes)
            guard let requester = try ownParty(id) ?? policyholder(policy) else { return }
            try writer.emit(ServicingLinked(
                servicingKey: system + "/" + record.ref.sourceKey, policyKey: policy, customerCode: requester,
                productLine: try productLine(policy), type: record.type, status: record.status,
                requestedDate: record.requestedDate, closedDate: record.closedDate, amount: record.amount,
                sourceVersion: record.sourceVersion), subject: requester)
        case .serviceUsage:
            let record = try WireCodec.decode(ServiceUsageRecord.self, from: bytes)
            guard let user = try ownParty(id) else { return }
            try writer.emit(ServiceUsageLinked(
                usageKey: system + "/" + record.ref.sourceKey, customerCode: user, policyKey: policy,
                serviceCode: record.serviceCode, serviceName: record.serviceName, usedOn: record.usedOn,
                sourceVersion: record.sourceVersion), subject: user)
        case .interaction:
            let record = try WireCodec.decode(InteractionRecord.self, from: bytes)
            guard let party = try ownParty(id, role: 0) else { return }
            try writer.emit(InteractionLinked(
                interactionKey: system + "/" + record.ref.sourceKey, customerCode: party, type: record.type,
                channel: record.channel, occurredAt: record.occurredAt, topic: record.topic,
                campaignCode: record.campaignCode, referredCustomerCode: try ownParty(id, role: 1) ?? "",
                resolved: record.resolved, sourceVersion: record.sourceVersion), subject: party)
        }
    }

    /// The resolved parties of a policy with their roles.
    private func policyParties(_ id: Int64) throws -> [PolicyRole] {
        try connection.query(
            """
            SELECT coalesce(s.code, c.code), bp.role, bp.relation FROM business_party bp
            JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
            JOIN party_link l ON l.record_id = p.id
            JOIN customer c ON c.id = l.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
            WHERE bp.record_id = $1 ORDER BY bp.role, bp.party_system, bp.party_key
            """, [.int(id)]).map { row in
            PolicyRole(customerCode: try row.decode(String.self, at: 0),
                       role: PartyRole(protoNumber: Int(try row.decode(Int16.self, at: 1))) ?? .unspecified,
                       relationToPolicyholder: PolicyholderRelation(protoNumber: Int(try row.decode(Int16.self, at: 2)))
                           ?? .unspecified)
        }
    }

    /// The customer code of the record's own party with `role` (0: the one party of a non-policy record).
    private func ownParty(_ id: Int64, role: Int = 0) throws -> String? {
        try connection.query(
            """
            SELECT coalesce(s.code, c.code) FROM business_party bp
            JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
            JOIN party_link l ON l.record_id = p.id
            JOIN customer c ON c.id = l.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
            WHERE bp.record_id = $1 AND bp.role = $2 LIMIT 1
            """, [.int(id), .int(Int64(role))]).first?.decode(String.self, at: 0)
    }

    /// The customer code of a policy's policyholder.
    private func policyholder(_ policy: String) throws -> String? {
        guard !policy.isEmpty else { return nil }
        return try connection.query(
            """
            SELECT coalesce(s.code, c.code) FROM business_record b
            JOIN business_party bp ON bp.record_id = b.id AND bp.role = 1
            JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
            JOIN party_link l ON l.record_id = p.id
            JOIN customer c ON c.id = l.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
            WHERE b.kind = 1 AND b.policy_key = $1 LIMIT 1
            """, [.text(policy)]).first?.decode(String.self, at: 0)
    }

    private func productLine(_ policy: String) throws -> ProductLine {
        guard !policy.isEmpty,
            let row = try connection.query("SELECT record FROM business_record WHERE kind = 1 AND policy_key = $1",
                                           [.text(policy)]).first
        else { return .unspecified }
        let bytes = ByteBufferAllocator().buffer(bytes: try row.decode([UInt8].self, at: 0))
        return try WireCodec.decode(PolicyRecord.self, from: bytes).productLine
    }
}

/// Premium arithmetic, in minor units.
enum Premiums {
    /// Premium × instalments per year; a single premium as paid.
    static func annualised(_ policy: PolicyRecord) -> Money {
        let perYear: Int64 = switch policy.paymentMode {
        case .monthly: 12
        case .quarterly: 4
        case .semiAnnual: 2
        case .annual, .single, .unspecified: 1
        }
        return Money(minorUnits: policy.premium.minorUnits * perYear, currency: policy.premium.currency)
    }
}
