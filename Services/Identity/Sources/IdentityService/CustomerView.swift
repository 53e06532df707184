import Foundation
import IdentityAPI
import IdentityResolution
import Models
import NIOCore
import RPC
import Store
import WireCodec

/// GetCustomer360 and ListRelationships: everything identity knows of one customer.
struct CustomerView {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.getCustomer360, roles: IdentityMethods.roles("GetCustomer360")) { request, call in
            try await view(request, call: call)
        }
        router.register(IdentityAPI.listRelationships, roles: IdentityMethods.roles("ListRelationships")) {
            request, _ in try await relationships(request)
        }
    }

    func view(_ request: GetCustomer360Request, call: ServerContext) async throws -> GetCustomer360Response {
        guard (0...10_000).contains(request.maxItemsPerKind) else {
            throw RPCError.invalidArgument(field: "max_items_per_kind",
                                           "\(request.maxItemsPerKind); 0 to 10000 (0 means 1000)")
        }
        let limit = request.maxItemsPerKind == 0 ? 1_000 : Int(request.maxItemsPerKind)
        let reveal = call.mayRevealPersonalData
        let context = self.context
        return try await context.pool.withConnection { connection in
            let reader = Reader(context: context, connection: connection)
            let id = try reader.customerID(request.customerCode)
            var response = GetCustomer360Response(personalDataMasked: !reveal)
            response.customer = try CustomerReader(context: context, connection: connection).customer(id)
            if !reveal { response.customer.golden.details = PartyMasking.masked(response.customer.golden.details) }
            response.sourceRecords = try reader.sourceRecords(id, reveal: reveal)
            let records = try reader.businessRecords(of: id)
            var truncated = false
            func newest<T>(_ kind: BusinessKind, _ type: T.Type) throws -> [T] where T: WireMessage {
                let rows = records.filter { $0.kind == kind }
                if rows.count > limit { truncated = true }
                return try rows.prefix(limit).map { try WireCodec.decode(T.self, from: ByteBufferAllocator().buffer(bytes: $0.bytes)) }
            }
            let policies: [PolicyRecord] = try newest(.policy, PolicyRecord.self)
            response.policies = try policies.map { try reader.policyView($0, customer: id) }
            response.payments = try newest(.payment, PaymentRecord.self)
            response.claims = try newest(.claim, ClaimRecord.self)
            response.servicing = try newest(.servicing, ServicingRecord.self)
            response.servicesUsed = try newest(.serviceUsage, ServiceUsageRecord.self)
            response.interactions = try newest(.interaction, InteractionRecord.self)
            response.relationships = try reader.relationships(of: id, types: [])
            response.truncated = truncated
            return response
        }
    }

    func relationships(_ request: ListRelationshipsRequest) async throws -> ListRelationshipsResponse {
        let size = try NumberPageToken.size(request.page.pageSize, fallback: 100, maximum: 1_000)
        let after = try NumberPageToken.decode(request.page.pageToken) ?? -1
        let context = self.context
        return try await context.pool.withConnection { connection in
            let reader = Reader(context: context, connection: connection)
            let id = try reader.customerID(request.customerCode)
            let all = try reader.relationships(of: id, types: Set(request.types))
            let start = Int(after + 1)
            let page = Array(all.dropFirst(start).prefix(size))
            let next = start + page.count < all.count ? NumberPageToken.encode(Int64(start + page.count - 1)) : ""
            return ListRelationshipsResponse(relationships: page,
                                             page: PageResponse(nextPageToken: next, totalCount: Int64(all.count)))
        }
    }

    /// Queries for one customer's view, on one connection.
    struct Reader {
        let context: IdentityContext
        let connection: PostgresConnection

        /// The active customer a code (or alias) stands for.
        func customerID(_ code: String) throws -> Int64 {
            let canonical = try context.canonicalCode(code, field: "customer_code", on: connection)
            guard let row = try connection.query("SELECT coalesce(survivor_id, id) FROM customer WHERE code = $1",
                                                 [.text(canonical)]).first
            else { throw RPCError(.notFound, "no customer \(canonical)") }
            return try row.decode(Int64.self, at: 0)
        }

        func sourceRecords(_ customer: Int64, reveal: Bool) throws -> [SourceRecordView] {
            try connection.query(
                """
                SELECT p.source_system, p.source_key, p.record, p.normalised, l.linked_by, coalesce(l.link_weight, 0),
                       l.linked_at
                FROM party_record p JOIN party_link l ON l.record_id = p.id
                WHERE l.customer_id = $1 ORDER BY p.source_system, p.source_key
                """, [.int(customer)]).map { row in
                let ref = SourceRef(sourceSystem: try row.decode(String.self, at: 0),
                                    sourceKey: try row.decode(String.self, at: 1))
                var record = try context.vault.open(PartyRecord.self, try row.decode([UInt8].self, at: 2), .record,
                                                    owner: owner(of: ref))
                let normalised = try context.vault.open(GoldenRecord.self, try row.decode([UInt8].self, at: 3),
                                                        .normalised, owner: owner(of: ref))
                var details = normalised.details
                if !reveal {
                    record.details = PartyMasking.masked(record.details, normalised: details)
                    details = PartyMasking.masked(details)
                }
                return SourceRecordView(record: record, normalised: details, checks: normalised.checks,
                                        linkedBy: try row.decode(String.self, at: 4),
                                        linkWeight: try row.decode(Double.self, at: 5),
                                        linkedAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, at: 6)
                                            .microsSince1970))
            }
        }

        struct StoredBusiness {
            let kind: BusinessKind
            let bytes: [UInt8]
        }

        /// The customer's business records, newest first: those naming one of its party records, and the payments,
        /// claims and servicing of policies it holds that name no party of their own.
        func businessRecords(of customer: Int64) throws -> [StoredBusiness] {
            try connection.query(
                """
                WITH mine AS (
                    SELECT DISTINCT bp.record_id FROM business_party bp
                    JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
                    JOIN party_link l ON l.record_id = p.id
                    WHERE l.customer_id = $1
                ), held AS (
                    SELECT b.policy_key FROM business_record b JOIN business_party bp ON bp.record_id = b.id
                    JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
                    JOIN party_link l ON l.record_id = p.id
                    WHERE b.kind = 1 AND bp.role = 1 AND l.customer_id = $1
                )
                SELECT b.kind, b.record FROM business_record b
                WHERE b.id IN (SELECT record_id FROM mine)
                   OR (b.kind IN (2, 3, 4) AND b.policy_key IN (SELECT policy_key FROM held)
                       AND NOT EXISTS (SELECT 1 FROM business_party own WHERE own.record_id = b.id))
                ORDER BY b.occurred_on DESC NULLS LAST, b.id DESC
                """, [.int(customer)]).compactMap { row in
                guard let kind = BusinessKind(rawValue: Int(try row.decode(Int16.self, at: 0))) else { return nil }
                return StoredBusiness(kind: kind, bytes: try row.decode([UInt8].self, at: 1))
            }
        }

        /// The customers on a policy, with their roles and relations.
        func policyCustomers(_ policy: PolicyRecord) throws -> [(customer: Int64, code: String, role: PartyRole,
                                                                 relation: PolicyholderRelation)] {
            try connection.query(
                """
                SELECT coalesce(s.id, c.id), coalesce(s.code, c.code), bp.role, bp.relation
                FROM business_record b JOIN business_party bp ON bp.record_id = b.id
                JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
                JOIN party_link l ON l.record_id = p.id
                JOIN customer c ON c.id = l.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
                WHERE b.kind = 1 AND b.source_system = $1 AND b.source_key = $2
                ORDER BY bp.role, 2
                """, [.text(policy.ref.sourceSystem), .text(policy.ref.sourceKey)]).map { row in
                (try row.decode(Int64.self, at: 0), try row.decode(String.self, at: 1),
                 PartyRole(protoNumber: Int(try row.decode(Int16.self, at: 2))) ?? .unspecified,
                 PolicyholderRelation(protoNumber: Int(try row.decode(Int16.self, at: 3))) ?? .unspecified)
            }
        }

        func policyView(_ policy: PolicyRecord, customer: Int64) throws -> PolicyView {
            let onIt = try policyCustomers(policy)
            return PolicyView(
                policy: policy, customerRoles: onIt.filter { $0.customer == customer }.map(\.role),
                annualisedPremium: Premiums.annualised(policy),
                otherParties: onIt.filter { $0.customer != customer }.map {
                    PolicyPartyCustomer(customerCode: $0.code, role: $0.role, relationToPolicyholder: $0.relation)
                })
        }

        /// The customer's relationships, from the policies it is on (roles, and the relation to the policyholder the
        /// source recorded) and from its golden record's employer.
        func relationships(of customer: Int64, types: Set<RelationshipType>) throws -> [Relationship] {
            var found: [Relationship] = []
            var seen = Set<String>()
            func add(_ from: String, _ type: RelationshipType, _ to: String, _ evidence: String, _ since: Timestamp) {
                guard from != to, types.isEmpty || types.contains(type) else { return }
                // Symmetric types are kept once, whichever way round they were found.
                let key = [RelationshipType.spouse, .household].contains(type)
                    ? "\(type)|\(min(from, to))|\(max(from, to))" : "\(type)|\(from)|\(to)"
                if seen.insert(key).inserted {
                    found.append(Relationship(fromCode: from, type: type, toCode: to, evidence: evidence, since: since))
                }
            }
            let records = try businessRecords(of: customer).filter { $0.kind == .policy }
            for stored in records {
                let policy = try WireCodec.decode(PolicyRecord.self, from: ByteBufferAllocator().buffer(bytes: stored.bytes))
                let onIt = try policyCustomers(policy)
                guard onIt.contains(where: { $0.customer == customer }),
                    let holder = onIt.first(where: { $0.role == .policyholder })
                else { continue }
                let evidence = "policy:" + policyKey(system: policy.ref.sourceSystem, number: policy.ref.sourceKey)
                let since = (policy.issueDate ?? policy.effectiveDate).map(Self.timestamp) ?? Timestamp(unixMicros: 0)
                for party in onIt where party.customer != holder.customer {
                    guard party.customer == customer || holder.customer == customer else { continue }
                    add(holder.code, party.role == .beneficiary ? .policyholderOfBeneficiary : .policyholderOfInsured,
                        party.code, evidence, since)
                    switch party.relation {
                    case .spouse: add(holder.code, .spouse, party.code, evidence, since)
                    case .child: add(holder.code, .parentOf, party.code, evidence, since)
                    case .parent: add(party.code, .parentOf, holder.code, evidence, since)
                    case .otherFamily: add(holder.code, .household, party.code, evidence, since)
                    case .employee: add(holder.code, .employerOf, party.code, evidence, since)
                    case .self, .other, .unspecified: break
                    }
                }
            }
            // The employer named in the golden record.
            let own = try CustomerReader(context: context, connection: connection).customer(customer)
            if let employer = own.golden.details.employer,
                let employerID = try PartyStore.link(of: employer, on: connection)?.customer
            {
                add(try PartyStore.code(ofCustomer: employerID, on: connection), .employerOf, own.customerCode,
                    "employer", own.createdAt)
            }
            return found
        }

        /// Midnight UTC of a calendar day.
        static func timestamp(_ date: CalendarDate) -> Timestamp {
            let days = PostgresDate(year: Int(date.year), month: Int(date.month), day: Int(date.day)).daysSince1970
            return Timestamp(unixMicros: Int64(days) * 86_400_000_000)
        }
    }
}
