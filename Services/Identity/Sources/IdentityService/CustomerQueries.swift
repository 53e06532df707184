import Foundation
import IdentityAPI
import IdentityResolution
import Models
import RPC
import Store

/// GetCustomer, FindCustomerBySourceKey, ExportCrossReference and GetStatistics: reads.
struct CustomerQueries {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.getCustomer, roles: IdentityMethods.roles("GetCustomer")) { request, call in
            try await customer(request, call: call)
        }
        router.register(IdentityAPI.findCustomerBySourceKey, roles: IdentityMethods.roles("FindCustomerBySourceKey")) {
            request, _ in try await find(request)
        }
        router.register(IdentityAPI.exportCrossReference, roles: IdentityMethods.roles("ExportCrossReference")) {
            request, _ in try await export(request)
        }
        router.register(IdentityAPI.getStatistics, roles: IdentityMethods.roles("GetStatistics")) { _, _ in
            try await statistics()
        }
    }

    func customer(_ request: GetCustomerRequest, call: ServerContext) async throws -> GetCustomerResponse {
        let reveal = call.mayRevealPersonalData
        let context = self.context
        return try await context.pool.withConnection { connection in
            let canonical = try context.canonicalCode(request.customerCode, field: "customer_code", on: connection)
            let rows = try connection.query(
                """
                SELECT c.id, c.code, coalesce(s.id, c.id) FROM customer c LEFT JOIN customer s ON s.id = c.survivor_id
                WHERE c.code = $1
                """, [.text(canonical)])
            guard let row = rows.first else { throw RPCError(.notFound, "no customer \(canonical)") }
            let survivor = try row.decode(Int64.self, at: 2)
            var customer = try CustomerReader(context: context, connection: connection).customer(survivor)
            if !reveal { customer.golden.details = PartyMasking.masked(customer.golden.details) }
            return GetCustomerResponse(customer: customer, resolvedFromAlias: survivor != (try row.decode(Int64.self, at: 0)),
                                       personalDataMasked: !reveal)
        }
    }

    func find(_ request: FindCustomerBySourceKeyRequest) async throws -> FindCustomerBySourceKeyResponse {
        guard !request.ref.sourceSystem.isEmpty, !request.ref.sourceKey.isEmpty else {
            throw RPCError.invalidArgument(field: "ref", "source_system and source_key are both required")
        }
        return try await context.pool.withConnection { connection in
            guard let link = try PartyStore.link(of: request.ref, on: connection) else {
                throw RPCError(.notFound, "no party record \(request.ref.sourceSystem)/\(request.ref.sourceKey)")
            }
            guard let customer = link.customer else {
                return FindCustomerBySourceKeyResponse(customerCode: "", pending: true)
            }
            return FindCustomerBySourceKeyResponse(customerCode: try PartyStore.code(ofCustomer: customer, on: connection),
                                                   pending: false)
        }
    }

    static let maximumExportPage = 100_000

    func export(_ request: ExportCrossReferenceRequest) async throws -> ExportCrossReferenceResponse {
        let size = request.page.pageSize == 0 ? 10_000 : Int(request.page.pageSize)
        guard (1...Self.maximumExportPage).contains(size) else {
            throw RPCError.invalidArgument(field: "page.page_size", "\(request.page.pageSize); at most \(Self.maximumExportPage)")
        }
        let after = try PageToken.decode(request.page.pageToken)
        return try await context.pool.withConnection { connection in
            let rows = try connection.query(
                """
                SELECT p.source_system, p.source_key, coalesce(s.code, c.code, ''), coalesce(l.changed_at, p.received_at)
                FROM party_record p LEFT JOIN party_link l ON l.record_id = p.id
                LEFT JOIN customer c ON c.id = l.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
                WHERE (p.source_system, p.source_key) > ($1, $2) AND ($3 = '' OR p.source_system = $3)
                  AND ($4::timestamptz IS NULL OR coalesce(l.changed_at, p.received_at) >= $4::timestamptz)
                ORDER BY p.source_system, p.source_key LIMIT $5
                """,
                [.text(after.system), .text(after.key), .text(request.sourceSystem),
                 request.changedSince.map { .timestamp(microsSince1970: $0.unixMicros) } ?? .null, .int(Int64(size + 1))])
            var result: [CrossReferenceRow] = []
            for row in rows.prefix(size) {
                let time = try row.decode(PostgresTimestamp.self, at: 3)
                result.append(CrossReferenceRow(sourceSystem: try row.decode(String.self, at: 0),
                                                sourceKey: try row.decode(String.self, at: 1),
                                                customerCode: try row.decode(String.self, at: 2),
                                                changedAt: Timestamp(unixMicros: time.microsSince1970)))
            }
            let next = rows.count > size ? PageToken.encode(system: result.last!.sourceSystem, key: result.last!.sourceKey) : ""
            return ExportCrossReferenceResponse(rows: result, page: PageResponse(nextPageToken: next, totalCount: -1))
        }
    }

    func statistics() async throws -> GetStatisticsResponse {
        try await context.pool.withConnection { connection in
            let counts = try connection.query(
                """
                SELECT (SELECT count(*) FROM party_record),
                       (SELECT count(*) FROM customer WHERE status = 1),
                       (SELECT count(*) FROM customer WHERE status = 1 AND kind = 1),
                       (SELECT count(*) FROM customer WHERE status = 1 AND kind = 2),
                       (SELECT count(*) FROM party_link) - (SELECT count(DISTINCT customer_id) FROM party_link),
                       (SELECT count(*) FROM customer WHERE status = 2),
                       (SELECT count(*) FROM review_item WHERE status = 1),
                       (SELECT min(created_at) FROM review_item WHERE status = 1),
                       (SELECT count(*) FROM party_record) - (SELECT count(*) FROM party_link),
                       (SELECT count(DISTINCT bp.record_id) FROM business_party bp WHERE NOT EXISTS
                          (SELECT 1 FROM party_record p WHERE p.source_system = bp.party_system
                                                          AND p.source_key = bp.party_key)),
                       (SELECT count(*) FROM customer WHERE status = 3)
                """)[0]
            var response = GetStatisticsResponse()
            response.partyRecords = try counts.decode(Int64.self, at: 0)
            response.customers = try counts.decode(Int64.self, at: 1)
            response.individualCustomers = try counts.decode(Int64.self, at: 2)
            response.organisationCustomers = try counts.decode(Int64.self, at: 3)
            response.links = try counts.decode(Int64.self, at: 4)
            response.aliases = try counts.decode(Int64.self, at: 5)
            response.reviewBacklog = try counts.decode(Int64.self, at: 6)
            response.oldestPendingReview = try counts.decode(PostgresTimestamp?.self, at: 7)
                .map { Timestamp(unixMicros: $0.microsSince1970) }
            response.unresolvedRecords = try counts.decode(Int64.self, at: 8)
            response.recordsPendingParties = try counts.decode(Int64.self, at: 9)
            response.erasedCustomers = try counts.decode(Int64.self, at: 10)
            let bySystem = try connection.query(
                """
                SELECT s.system,
                       (SELECT count(*) FROM party_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 1) FROM business_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 2) FROM business_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 3) FROM business_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 4) FROM business_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 5) FROM business_record WHERE source_system = s.system),
                       (SELECT count(*) FILTER (WHERE kind = 6) FROM business_record WHERE source_system = s.system)
                FROM (SELECT DISTINCT source_system AS system FROM party_record
                      UNION SELECT DISTINCT source_system FROM business_record) s ORDER BY s.system
                """)
            response.bySourceSystem = try bySystem.map { row in
                SourceSystemCount(sourceSystem: try row.decode(String.self, at: 0),
                                  partyRecords: try row.decode(Int64.self, at: 1),
                                  policies: try row.decode(Int64.self, at: 2), payments: try row.decode(Int64.self, at: 3),
                                  claims: try row.decode(Int64.self, at: 4), servicing: try row.decode(Int64.self, at: 5),
                                  serviceUsage: try row.decode(Int64.self, at: 6),
                                  interactions: try row.decode(Int64.self, at: 7))
            }
            return response
        }
    }
}

/// A page token for listings ordered by (source system, source key): the last row's pair, base64 of JSON.
enum PageToken {
    static func encode(system: String, key: String) -> String {
        Data((try? JSONEncoder().encode([system, key])) ?? Data()).base64EncodedString()
    }

    static func decode(_ token: String) throws -> (system: String, key: String) {
        if token.isEmpty { return ("", "") }
        guard let data = Data(base64Encoded: token), let pair = try? JSONDecoder().decode([String].self, from: data),
            pair.count == 2
        else { throw RPCError.invalidArgument(field: "page.page_token", "not a token this service gave out") }
        return (pair[0], pair[1])
    }
}
