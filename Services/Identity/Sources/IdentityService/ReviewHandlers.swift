import EventFeed
import Foundation
import IdentityAPI
import Models
import RPC
import Store

/// ListReviewItems and DecideReviewItem: the clerical review queue (issue 3 item 6).
///
/// LINK merges the record's current customer into the candidate record's current customer, audited as
/// REVIEW_DECIDED with an undo plan (UndoOperation reverses it and puts the item back in the queue); the guard rail
/// refuses it when the two customers hold different valid identifiers of one type. NO_LINK only records the decision;
/// the item row keeps it, and the resolver does not queue the pair again (`ReviewQueue.isDecidedOrQueued`).
struct ReviewHandlers {
    let context: IdentityContext
    static let defaultPage = 50
    static let maximumPage = 1_000

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.listReviewItems, roles: IdentityMethods.roles("ListReviewItems")) { request, call in
            try await list(request, call: call)
        }
        router.register(IdentityAPI.decideReviewItem, roles: IdentityMethods.roles("DecideReviewItem")) { request, call in
            try await decide(request, call: call)
        }
    }

    func list(_ request: ListReviewItemsRequest, call: ServerContext) async throws -> ListReviewItemsResponse {
        let size = try NumberPageToken.size(request.page.pageSize, fallback: Self.defaultPage, maximum: Self.maximumPage)
        let after = try NumberPageToken.decode(request.page.pageToken) ?? 0
        let status = request.status == .unspecified ? ReviewStatus.pending : request.status
        let reveal = call.mayRevealPersonalData
        let context = self.context
        let asked = request.customerCode
        return try await context.pool.withConnection { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            var customer: Int64?
            if !asked.trimmingCharacters(in: .whitespaces).isEmpty {
                let code = try changes.canonical(asked, field: "customer_code")
                guard let row = try changes.row(code: code) else {
                    throw RPCError(.notFound, "customer_code: no customer \(code)")
                }
                customer = row.survivorID ?? row.id
            }
            let items = try Self.items(
                "r.status = $1 AND r.id > $2 AND ($3::bigint IS NULL OR ql.customer_id = $3::bigint) ORDER BY r.id LIMIT $4",
                [.int(Int64(status.protoNumber)), .int(after), customer.map { .int($0) } ?? .null, .int(Int64(size + 1))],
                context: context, connection: connection, reveal: reveal)
            let page = Array(items.prefix(size))
            let next = items.count > size ? NumberPageToken.encode(page.last!.id) : ""
            return ListReviewItemsResponse(items: page.map(\.item), page: PageResponse(nextPageToken: next, totalCount: -1),
                                           personalDataMasked: !reveal)
        }
    }

    func decide(_ request: DecideReviewItemRequest, call: ServerContext) async throws -> DecideReviewItemResponse {
        let reviewText = try CustomerChanges.required(request.reviewId, field: "review_id", "the review item's id")
        guard let reviewID = Int64(reviewText), reviewID > 0 else {
            throw RPCError.invalidArgument(field: "review_id", "'\(reviewText)' is not a review item id")
        }
        guard request.decision != .unspecified else {
            throw RPCError.invalidArgument(field: "decision", "required: LINK or NO_LINK")
        }
        let (operatorID, reason) = try CustomerChanges.operatorAndReason(request.operatorId, request.reason)
        let reveal = call.mayRevealPersonalData
        let context = self.context
        let decision = request.decision
        let caller = String(call.caller.uid)
        let response = try await context.pool.transaction { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let rows = try connection.query(
                "SELECT status, record_id, candidate_record_id, decided_by FROM review_item WHERE id = $1 FOR UPDATE",
                [.int(reviewID)])
            guard let row = rows.first else { throw RPCError(.notFound, "review_id: no review item \(reviewID)") }
            let status = ReviewStatus(protoNumber: Int(try row.decode(Int16.self, at: 0))) ?? .unspecified
            switch status {
            case .pending: break
            case .superseded:
                throw RPCError(.failedPrecondition,
                               "review item \(reviewID) was superseded (a newer version of a record, or a merge, settled it)")
            default:
                throw RPCError(.failedPrecondition,
                               "review item \(reviewID) is already decided (\(status.rawValue) by \(try row.decode(String.self, at: 3)))")
            }
            let record = try row.decode(Int64.self, at: 1), candidate = try row.decode(Int64.self, at: 2)
            let refs = try changes.refs([record, candidate])
            let names = refs.map { "\($0.sourceSystem)/\($0.sourceKey)" }.joined(separator: " and ")
            var owners: [Int64: Int64] = [:]
            for owner in try connection.query(
                """
                SELECT p.id, l.customer_id FROM party_record p LEFT JOIN party_link l ON l.record_id = p.id
                WHERE p.id = ANY($1::bigint[])
                """, [SQLArray.integers([record, candidate])]) {
                guard let customer = try owner.decode(Int64?.self, at: 1) else {
                    throw RPCError(.failedPrecondition, "record \(try owner.decode(Int64.self, at: 0)) is not resolved yet")
                }
                owners[try owner.decode(Int64.self, at: 0)] = customer
            }
            guard let recordOwner = owners[record], let candidateOwner = owners[candidate] else {
                throw RPCError(.failedPrecondition, "review item \(reviewID) names a record that is no longer stored")
            }
            let locked = try changes.lock([recordOwner, candidateOwner])
            guard let absorbed = locked[recordOwner], let survivor = locked[candidateOwner] else {
                throw RPCError(.failedPrecondition, "the customers of review item \(reviewID) are gone")
            }
            try CustomerChanges.requireActive(absorbed, field: "review_id")
            try CustomerChanges.requireActive(survivor, field: "review_id")

            var operation = OperationRecord(type: .reviewDecided, operatorID: operatorID, caller: caller, reason: reason,
                                            customers: [survivor.id], records: [record, candidate])
            var merged: (moved: [Int64], profile: CustomerProfile)?
            switch decision {
            case .link where absorbed.id == survivor.id:
                operation.detail = "review \(reviewID): link \(names); already one customer \(survivor.code)"
            case .link:
                try changes.checkGuardRail(survivor, absorbed)
                let done = try changes.merge(absorbed, into: survivor, linkedBy: "review")
                merged = done
                operation.customers = [survivor.id, absorbed.id]
                operation.records = done.moved
                operation.detail = "review \(reviewID): link \(names); absorbed \(absorbed.code) into \(survivor.code)"
                operation.undo = UndoPlan.merge(survivor: survivor.id, absorbed: absorbed.id, records: done.moved).encoded
            default:
                operation.customers = Array(Set([absorbed.id, survivor.id])).sorted()
                operation.detail = "review \(reviewID): no link between \(names)"
            }
            try changes.writer.record(operation)
            try connection.execute(
                """
                UPDATE review_item SET status = $2, decided_by = $3, decided_at = now(), reason = $4, operation_id = $5
                WHERE id = $1
                """,
                [.int(reviewID), .int(decision == .link ? ReviewQueue.decidedLink : ReviewQueue.decidedNoLink),
                 .text(operatorID), .text(reason), .text(operation.id)])
            if let merged {
                // The feed says "matcher" for merges a review decision made (identity.proto, CustomersMerged); the
                // person is in the audit trail.
                try changes.writer.emit(CustomersMerged(survivorCode: survivor.code, mergedCode: absorbed.code,
                                                        operationId: operation.id, operatorId: "matcher",
                                                        reason: reason, profile: merged.profile),
                                        subject: survivor.code)
                try changes.resendBusinessRecords(merged.moved)
            }
            let item = try Self.items("r.id = $1", [.int(reviewID)], context: context, connection: connection,
                                      reveal: reveal)
            return DecideReviewItemResponse(item: item.first?.item ?? ReviewItem(), operationId: operation.id,
                                            customerCode: try changes.code(of: recordOwner))
        }
        context.relay.poke()
        return response
    }

    /// Review items matching `condition` (on `review_item r`, the candidate's `party_record q` and its `party_link ql`),
    /// with the sealed candidate opened, its customer code brought up to date, and its compared values masked unless
    /// `reveal`.
    static func items(_ condition: String, _ params: [PostgresValue], context: IdentityContext,
                      connection: PostgresConnection, reveal: Bool) throws -> [(id: Int64, item: ReviewItem)] {
        let rows = try connection.query(
            """
            SELECT r.id, r.status, p.source_system, p.source_key, r.candidate, r.created_at, r.decided_by, r.decided_at,
                   r.reason, coalesce(s.code, c.code, ''), q.source_system, q.source_key
            FROM review_item r JOIN party_record p ON p.id = r.record_id JOIN party_record q ON q.id = r.candidate_record_id
            LEFT JOIN party_link ql ON ql.record_id = q.id
            LEFT JOIN customer c ON c.id = ql.customer_id LEFT JOIN customer s ON s.id = c.survivor_id
            WHERE
            """ + " " + condition, params)
        let explanations = Explanations(context: context, connection: connection, reveal: reveal)
        return try rows.map { row in
            let id = try row.decode(Int64.self, at: 0)
            var candidate = try context.vault.open(MatchCandidate.self, try row.decode([UInt8].self, at: 4),
                                                   .reviewCandidate, owner: "review")
            candidate.customerCode = try row.decode(String.self, at: 9)
            candidate.bestRecord = SourceRef(sourceSystem: try row.decode(String.self, at: 10),
                                             sourceKey: try row.decode(String.self, at: 11))
            if !reveal {
                for index in candidate.comparisons.indices {
                    let field = candidate.comparisons[index].field
                    candidate.comparisons[index].queryValue = Self.mask(candidate.comparisons[index].queryValue,
                                                                        field: field, explanations)
                    candidate.comparisons[index].candidateValue = Self.mask(candidate.comparisons[index].candidateValue,
                                                                            field: field, explanations)
                }
            }
            let item = ReviewItem(
                reviewId: String(id),
                status: ReviewStatus(protoNumber: Int(try row.decode(Int16.self, at: 1))) ?? .unspecified,
                record: SourceRef(sourceSystem: try row.decode(String.self, at: 2), sourceKey: try row.decode(String.self, at: 3)),
                candidate: candidate,
                createdAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, at: 5).microsSince1970),
                decidedBy: try row.decode(String.self, at: 6),
                decidedAt: try row.decode(PostgresTimestamp?.self, at: 7).map { Timestamp(unixMicros: $0.microsSince1970) },
                reason: try row.decode(String.self, at: 8))
            return (id, item)
        }
    }

    /// A stored (unmasked) comparison value, masked by its match field's rule; values are joined by " | ".
    private static func mask(_ text: String, field: String, _ explanations: Explanations) -> String {
        guard !text.isEmpty else { return text }
        return explanations.show(text.components(separatedBy: " | "), field: field)
    }
}
