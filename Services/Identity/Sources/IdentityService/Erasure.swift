import EventFeed
import IdentityAPI
import IdentityResolution
import Models
import RPC
import Store

/// EraseCustomer: a data subject's personal data removed on request (DESIGN.md §3), irreversibly and audited.
///
/// Every party record of the customer keeps its source reference and version (so the cross-reference and the business
/// records still hold together) but loses its content: the sealed source record, normalised form and match fields are
/// replaced with empty ones, its blocking keys and guard-rail identifiers go, pending review items about it are
/// superseded and their explanations emptied. The customer keeps its code, with status ERASED and an empty golden
/// record. Business records (policies, claims…) are kept: they are the insurer's records, not personal data.
struct Erasure {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.eraseCustomer, roles: IdentityMethods.roles("EraseCustomer")) { request, call in
            try await erase(request, call: call)
        }
    }

    func erase(_ request: EraseCustomerRequest, call: ServerContext) async throws -> EraseCustomerResponse {
        let (operatorID, reason) = try CustomerChanges.operatorAndReason(request.operatorId, request.reason)
        let reference = try CustomerChanges.required(request.requestReference, field: "request_reference",
                                                     "the data subject's request this fulfils, e.g. a ticket number")
        let context = self.context
        let operationID = try await context.pool.transaction { connection -> String in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let code = try changes.canonical(request.customerCode, field: "customer_code")
            guard let row = try changes.row(code: code) else { throw RPCError(.notFound, "no customer \(code)") }
            guard row.status == .active else {
                let why = row.status == .merged ? "is an alias of \(row.survivorCode); erase that customer"
                    : "is erased already"
                throw RPCError(.failedPrecondition, "\(code) \(why)")
            }
            _ = try changes.lock([row.id])
            let records = try connection.query(
                """
                SELECT p.id, p.source_system, p.source_key, p.source_version, p.kind, l.match_keys::text
                FROM party_record p JOIN party_link l ON l.record_id = p.id WHERE l.customer_id = $1
                """,
                [.int(row.id)])
            for record in records {
                let id = try record.decode(Int64.self, at: 0)
                let ref = SourceRef(sourceSystem: try record.decode(String.self, at: 1),
                                    sourceKey: try record.decode(String.self, at: 2))
                let kind = PartyKind(protoNumber: Int(try record.decode(Int16.self, at: 4))) ?? .unspecified
                let emptied = PartyRecord(ref: ref, sourceVersion: try record.decode(Int64.self, at: 3),
                                          details: PartyDetails(kind: kind))
                let keys = SQLArray.parse(try record.decode(String.self, at: 5)).compactMap { Int64($0) }
                if !keys.isEmpty {
                    try connection.execute("DELETE FROM match_key WHERE key = ANY($1::bigint[]) AND record_id = $2",
                                           [SQLArray.integers(keys), .int(id)])
                }
                try connection.execute(
                    """
                    UPDATE party_record SET record = $2, normalised = $3, match_fields = $4 WHERE id = $1
                    """,
                    [.int(id), .bytes(try context.vault.seal(message: emptied, .record, owner: owner(of: ref))),
                     .bytes(try context.vault.seal(message: GoldenRecord(details: PartyDetails(kind: kind)),
                                                   .normalised, owner: owner(of: ref))),
                     .bytes(try context.vault.seal(MatchFieldsCoding.encode(fields: [:], identifiers: [:]),
                                                   .matchFields, owner: owner(of: ref)))])
                try connection.execute("UPDATE party_link SET match_keys = '{}', changed_at = now() WHERE record_id = $1",
                                       [.int(id)])
                try connection.execute(
                    """
                    UPDATE review_item SET candidate = $2,
                           status = CASE WHEN status = 1 THEN 4 ELSE status END
                    WHERE record_id = $1 OR candidate_record_id = $1
                    """, [.int(id), .bytes(try context.vault.seal(message: MatchCandidate(), .reviewCandidate,
                                                                  owner: "review"))])
            }
            let golden = GoldenRecord(details: PartyDetails(kind: row.kind))
            try connection.execute(
                """
                UPDATE customer SET status = 3, identifiers = '{}', golden = $2, profile = NULL, updated_at = now()
                WHERE id = $1
                """, [.int(row.id), .bytes(try context.vault.seal(message: golden, .golden, owner: code))])
            let operation = OperationRecord(type: .erasure, operatorID: operatorID, caller: "uid:\(call.caller.uid)",
                                            reason: reason, customers: [row.id],
                                            records: try records.map { try $0.decode(Int64.self, at: 0) },
                                            detail: "erasure request \(reference)")
            try changes.writer.record(operation)
            try changes.writer.emit(CustomerErased(customerCode: code, operationId: operation.id), subject: code)
            return operation.id
        }
        context.relay.poke()
        return EraseCustomerResponse(operationId: operationID)
    }
}
