import Foundation
import IdentityAPI
import Models
import RPC
import Store

/// ListAuditTrail: the operations that touched a customer or any of its aliases, newest first (issue 3 item 5).
/// An alias's code lists its survivor's trail.
struct AuditTrail {
    let context: IdentityContext
    static let defaultPage = 50
    static let maximumPage = 1_000

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.listAuditTrail, roles: IdentityMethods.roles("ListAuditTrail")) { request, call in
            try await list(request, call: call)
        }
    }

    func list(_ request: ListAuditTrailRequest, call: ServerContext) async throws -> ListAuditTrailResponse {
        let size = try NumberPageToken.size(request.page.pageSize, fallback: Self.defaultPage, maximum: Self.maximumPage)
        let before = try NumberPageToken.decode(request.page.pageToken)
        if let start = request.occurred?.start, let end = request.occurred?.end, end < start {
            throw RPCError.invalidArgument(field: "occurred", "end is before start")
        }
        let context = self.context
        return try await context.pool.withConnection { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let code = try changes.canonical(request.customerCode, field: "customer_code")
            guard let customer = try changes.row(code: code) else {
                throw RPCError(.notFound, "customer_code: no customer \(code)")
            }
            let root = customer.survivorID ?? customer.id
            let family = try connection.query("SELECT id FROM customer WHERE id = $1 OR survivor_id = $1", [.int(root)])
                .map { try $0.decode(Int64.self, at: 0) }
            let rows = try connection.query(
                """
                SELECT seq, id, type, occurred_at, operator_id, caller, reason, customer_ids::text, record_ids::text,
                       detail, coalesce(undone_by, '')
                FROM operation
                WHERE customer_ids && $1::bigint[] AND ($2::bigint IS NULL OR seq < $2::bigint)
                  AND ($3::timestamptz IS NULL OR occurred_at >= $3::timestamptz)
                  AND ($4::timestamptz IS NULL OR occurred_at < $4::timestamptz)
                ORDER BY seq DESC LIMIT $5
                """,
                [SQLArray.integers(family), before.map { .int($0) } ?? .null,
                 request.occurred?.start.map { .timestamp(microsSince1970: $0.unixMicros) } ?? .null,
                 request.occurred?.end.map { .timestamp(microsSince1970: $0.unixMicros) } ?? .null,
                 .int(Int64(size + 1))])
            let page = Array(rows.prefix(size))
            let customerIDs = try page.map { SQLArray.parse(try $0.decode(String.self, at: 7)).compactMap { Int64($0) } }
            let recordIDs = try page.map { SQLArray.parse(try $0.decode(String.self, at: 8)).compactMap { Int64($0) } }
            let codes = try changes.codes(Array(Set(customerIDs.joined())))
            var refs: [Int64: SourceRef] = [:]
            let allRecords = Array(Set(recordIDs.joined()))
            if !allRecords.isEmpty {
                for row in try connection.query(
                    "SELECT id, source_system, source_key FROM party_record WHERE id = ANY($1::bigint[])",
                    [SQLArray.integers(allRecords)]) {
                    refs[try row.decode(Int64.self, at: 0)] = SourceRef(sourceSystem: try row.decode(String.self, at: 1),
                                                                       sourceKey: try row.decode(String.self, at: 2))
                }
            }
            var entries: [AuditEntry] = []
            for (index, row) in page.enumerated() {
                entries.append(AuditEntry(
                    operationId: try row.decode(String.self, at: 1),
                    type: OperationType(protoNumber: Int(try row.decode(Int16.self, at: 2))) ?? .unspecified,
                    occurredAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, at: 3).microsSince1970),
                    operatorId: try row.decode(String.self, at: 4), caller: try row.decode(String.self, at: 5),
                    reason: try row.decode(String.self, at: 6), customerCodes: customerIDs[index].compactMap { codes[$0] },
                    records: recordIDs[index].compactMap { refs[$0] }, detail: try row.decode(String.self, at: 9),
                    undoneBy: try row.decode(String.self, at: 10)))
            }
            let next = rows.count > size ? NumberPageToken.encode(try page.last!.decode(Int64.self, at: 0)) : ""
            return ListAuditTrailResponse(entries: entries, page: PageResponse(nextPageToken: next, totalCount: -1))
        }
    }
}
