import EventFeed
import Foundation
import IdentityAPI
import Models
import RPC
import Store

/// MergeCustomers, SplitCustomer and UndoOperation: manual changes to customers, each with an operator and a reason,
/// audited with what reverses it, and announced on the feed (issue 3 item 5).
///
/// - A merge keeps the survivor's code; the other code becomes its alias and still resolves. Customers holding
///   different valid identifiers of one type are refused (the guard rail): split the wrong record out first.
/// - A split moves some of a customer's records to a new code and recomputes both customers.
/// - An undo reverses a MERGE, SPLIT or REVIEW_DECIDED (link) while it is the latest undoable change to its
///   customers: undoing a merge moves the records it moved back, makes the alias a customer again and points the
///   aliases it had before the merge back at it (read from the merges that absorbed them); records linked to the
///   survivor after the merge stay there. Undoing a split folds the new code back in as an alias of the original,
///   with every record it holds by then.
struct CustomerOperations {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.mergeCustomers, roles: IdentityMethods.roles("MergeCustomers")) { request, call in
            try await merge(request, call: call)
        }
        router.register(IdentityAPI.splitCustomer, roles: IdentityMethods.roles("SplitCustomer")) { request, call in
            try await split(request, call: call)
        }
        router.register(IdentityAPI.undoOperation, roles: IdentityMethods.roles("UndoOperation")) { request, call in
            try await undo(request, call: call)
        }
    }

    // MARK: Merge

    func merge(_ request: MergeCustomersRequest, call: ServerContext) async throws -> MergeCustomersResponse {
        _ = try CustomerChanges.required(request.survivorCode, field: "survivor_code", "the customer that keeps its code")
        _ = try CustomerChanges.required(request.mergedCode, field: "merged_code", "the customer that becomes an alias")
        let (operatorID, reason) = try CustomerChanges.operatorAndReason(request.operatorId, request.reason)
        let reveal = call.mayRevealPersonalData
        let context = self.context
        let caller = String(call.caller.uid)
        let response = try await context.pool.transaction { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let survivorCode = try changes.canonical(request.survivorCode, field: "survivor_code")
            let mergedCode = try changes.canonical(request.mergedCode, field: "merged_code")
            guard survivorCode != mergedCode else {
                throw RPCError.invalidArgument(field: "merged_code", "\(mergedCode) is also the survivor: name two customers")
            }
            let rows = try changes.lockActive([("survivor_code", survivorCode), ("merged_code", mergedCode)])
            let (survivor, absorbed) = (rows[0], rows[1])
            try changes.checkGuardRail(survivor, absorbed)
            let done = try changes.merge(absorbed, into: survivor, linkedBy: "merge")
            let operation = OperationRecord(
                type: .merge, operatorID: operatorID, caller: caller, reason: reason,
                customers: [survivor.id, absorbed.id], records: done.moved,
                detail: "absorbed \(absorbed.code) into \(survivor.code)",
                undo: UndoPlan.merge(survivor: survivor.id, absorbed: absorbed.id, records: done.moved).encoded)
            try changes.writer.record(operation)
            try changes.writer.emit(CustomersMerged(survivorCode: survivor.code, mergedCode: absorbed.code,
                                                    operationId: operation.id, operatorId: operatorID, reason: reason,
                                                    profile: done.profile), subject: survivor.code)
            try changes.resendBusinessRecords(done.moved)
            var customer = try CustomerReader(context: context, connection: connection).customer(survivor.id)
            if !reveal { customer.golden.details = PartyMasking.masked(customer.golden.details) }
            return MergeCustomersResponse(operationId: operation.id, survivor: customer)
        }
        context.relay.poke()
        return response
    }

    // MARK: Split

    func split(_ request: SplitCustomerRequest, call: ServerContext) async throws -> SplitCustomerResponse {
        _ = try CustomerChanges.required(request.customerCode, field: "customer_code", "the customer to split")
        guard !request.records.isEmpty else {
            throw RPCError.invalidArgument(field: "records", "required: at least one of the customer's records to move")
        }
        var seen = Set<SourceRef>()
        for (index, ref) in request.records.enumerated() {
            guard !ref.sourceSystem.isEmpty, !ref.sourceKey.isEmpty else {
                throw RPCError.invalidArgument(field: "records[\(index)]", "source_system and source_key are both required")
            }
            guard seen.insert(ref).inserted else {
                throw RPCError.invalidArgument(field: "records[\(index)]",
                                               "\(ref.sourceSystem)/\(ref.sourceKey) is named twice")
            }
        }
        let (operatorID, reason) = try CustomerChanges.operatorAndReason(request.operatorId, request.reason)
        let context = self.context
        let caller = String(call.caller.uid)
        let response = try await context.pool.transaction { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let code = try changes.canonical(request.customerCode, field: "customer_code")
            let from = try changes.lockActive([("customer_code", code)])[0]
            var moving: [Int64] = []
            for (index, ref) in request.records.enumerated() {
                guard let link = try PartyStore.link(of: ref, on: connection) else {
                    throw RPCError(.notFound, "records[\(index)]: no party record \(ref.sourceSystem)/\(ref.sourceKey)")
                }
                guard link.customer == from.id else {
                    throw RPCError(.failedPrecondition,
                                   "records[\(index)]: \(ref.sourceSystem)/\(ref.sourceKey) does not belong to \(from.code)")
                }
                moving.append(link.record)
            }
            moving.sort()
            let all = try changes.recordIDs(of: from.id)
            guard all.count > moving.count else {
                throw RPCError(.failedPrecondition,
                               "records: these are all \(all.count) records of \(from.code); a split must leave at least one")
            }
            var operation = OperationRecord(type: .split, operatorID: operatorID, caller: caller, reason: reason,
                                            records: moving)
            let (created, createdCode) = try changes.writer.create(kind: from.kind, identifiers: [:],
                                                                   operationID: operation.id)
            try changes.move(moving, to: created, linkedBy: "split")
            try changes.recomputeIdentifiers(from.id)
            try changes.recomputeIdentifiers(created)
            let kept = try changes.writer.refreshGolden(from.id, code: from.code)
            let new = try changes.writer.refreshGolden(created, code: createdCode)
            operation.customers = [from.id, created]
            operation.detail = "moved \(moving.count) of \(all.count) records from \(from.code) to \(createdCode)"
            operation.undo = UndoPlan.split(from: from.id, created: created, records: moving).encoded
            try changes.writer.record(operation)
            try changes.writer.emit(CustomerSplit(customerCode: from.code, newCustomerCode: createdCode,
                                                  movedRecords: try changes.refs(moving), operationId: operation.id,
                                                  operatorId: operatorID, reason: reason, profile: kept.profile,
                                                  newProfile: new.profile), subject: from.code)
            try changes.resendBusinessRecords(moving)
            return SplitCustomerResponse(operationId: operation.id, newCustomerCode: createdCode)
        }
        context.relay.poke()
        return response
    }

    // MARK: Undo

    /// The operation types UndoOperation reverses, and those a later one blocks it for.
    static let undoable: [OperationType] = [.merge, .split, .reviewDecided]

    func undo(_ request: UndoOperationRequest, call: ServerContext) async throws -> UndoOperationResponse {
        let operationID = try CustomerChanges.required(request.operationId, field: "operation_id", "the operation to undo")
        let (operatorID, reason) = try CustomerChanges.operatorAndReason(request.operatorId, request.reason)
        let context = self.context
        let caller = String(call.caller.uid)
        let response = try await context.pool.transaction { connection in
            let changes = CustomerChanges(context: context, connection: connection, traceID: call.traceID)
            let rows = try connection.query(
                "SELECT type, seq, undo, undone_by FROM operation WHERE id = $1 FOR UPDATE", [.text(operationID)])
            guard let row = rows.first else { throw RPCError(.notFound, "operation_id: no operation \(operationID)") }
            let type = OperationType(protoNumber: Int(try row.decode(Int16.self, at: 0))) ?? .unspecified
            guard Self.undoable.contains(type) else {
                throw RPCError(.failedPrecondition,
                               "\(operationID) is \(type.rawValue); only MERGE, SPLIT and REVIEW_DECIDED (link) can be undone")
            }
            if let undoneBy = try row.decode(String?.self, at: 3) {
                throw RPCError(.failedPrecondition, "\(operationID) is already undone (by \(undoneBy))")
            }
            guard let bytes = try row.decode([UInt8]?.self, at: 2), let plan = UndoPlan.decode(bytes) else {
                throw RPCError(.failedPrecondition,
                               "\(operationID) changed no customer (a NO_LINK decision, or a link within one customer): nothing to undo")
            }
            let sequence = try row.decode(Int64.self, at: 1)
            let involved: [Int64] = switch plan {
            case .merge(let survivor, let absorbed, _): [survivor, absorbed]
            case .split(let from, let created, _): [from, created]
            }
            let locked = try changes.lock(involved)
            try Self.refuseIfLater(than: sequence, customers: involved, changes: changes)

            var undo = OperationRecord(type: .undo, operatorID: operatorID, caller: caller, reason: reason,
                                       customers: involved)
            var active: [CustomerRow] = []
            switch plan {
            case .merge(let survivorID, let absorbedID, let records):
                guard let survivor = locked[survivorID], let absorbed = locked[absorbedID],
                    absorbed.status == .merged, absorbed.survivorID == survivorID, survivor.status == .active
                else {
                    throw RPCError(.failedPrecondition,
                                   "\(operationID): its customers are no longer as it left them; nothing was changed")
                }
                let aliases = try Self.aliasesToRestore(survivor: survivorID, absorbed: absorbedID, changes: changes)
                let back = try connection.query(
                    """
                    SELECT record_id FROM party_link WHERE record_id = ANY($1::bigint[]) AND customer_id = $2
                    ORDER BY record_id
                    """,
                    [SQLArray.integers(records), .int(survivorID)]).map { try $0.decode(Int64.self, at: 0) }
                try changes.move(back, to: absorbedID, linkedBy: "undo", onlyFrom: survivorID)
                try connection.execute(
                    "UPDATE customer SET status = 1, survivor_id = NULL, updated_at = now() WHERE id = $1",
                    [.int(absorbedID)])
                if !aliases.isEmpty {
                    try connection.execute(
                        "UPDATE customer SET survivor_id = $2, updated_at = now() WHERE id = ANY($1::bigint[]) AND survivor_id = $3",
                        [SQLArray.integers(aliases), .int(absorbedID), .int(survivorID)])
                }
                undo.customers = [survivorID, absorbedID] + aliases
                undo.records = back
                undo.detail = "undid \(operationID) (\(type.rawValue)): \(absorbed.code) is a customer again, "
                    + "\(back.count) records moved back from \(survivor.code)"
                active = [survivor, CustomerRow(id: absorbed.id, code: absorbed.code, status: .active, survivorID: nil,
                                                survivorCode: "", kind: absorbed.kind)]
                if type == .reviewDecided {
                    // The decision is reversed: the item waits for a person again.
                    try connection.execute(
                        """
                        UPDATE review_item SET status = $2, decided_by = '', decided_at = NULL, reason = '',
                               operation_id = NULL
                        WHERE operation_id = $1
                        """, [.text(operationID), .int(ReviewQueue.pending)])
                }
            case .split(let fromID, let createdID, _):
                guard let from = locked[fromID], let created = locked[createdID], from.status == .active,
                    created.status == .active
                else {
                    throw RPCError(.failedPrecondition,
                                   "\(operationID): its customers are no longer as it left them; nothing was changed")
                }
                let back = try changes.recordIDs(of: createdID)
                try changes.writer.merge(createdID, into: fromID, linkedBy: "undo")
                undo.records = back
                undo.detail = "undid \(operationID) (SPLIT): \(created.code) is an alias of \(from.code) again, "
                    + "\(back.count) records moved back"
                active = [from]
            }
            for customer in active { try changes.recomputeIdentifiers(customer.id) }
            var profiles: [(CustomerRow, CustomerUpdated)] = []
            for customer in active {
                let refreshed = try changes.writer.refreshGolden(customer.id, code: customer.code)
                profiles.append((customer, CustomerUpdated(
                    customerCode: customer.code, profile: refreshed.profile,
                    changedAttributes: GoldenDiff.changed(refreshed.previous?.details, refreshed.golden.details),
                    operationId: undo.id)))
            }
            try changes.writer.record(undo)
            try connection.execute("UPDATE operation SET undone_by = $2 WHERE id = $1",
                                   [.text(operationID), .text(undo.id)])
            let codes = active.map(\.code)
            try changes.writer.emit(OperationUndone(undoneOperationId: operationID, undoneType: type,
                                                    operationId: undo.id, customerCodes: codes,
                                                    operatorId: operatorID, reason: reason), subject: codes[0])
            for (customer, updated) in profiles { try changes.writer.emit(updated, subject: customer.code) }
            try changes.resendBusinessRecords(undo.records)
            return UndoOperationResponse(operationId: undo.id, customerCodes: codes)
        }
        context.relay.poke()
        return response
    }

    /// FAILED_PRECONDITION naming the latest later change to `customers` that is still in force and undoable (or an
    /// erasure, which nothing undoes). Record links, new customers and undos do not block.
    static func refuseIfLater(than sequence: Int64, customers: [Int64], changes: CustomerChanges) throws {
        let rows = try changes.connection.query(
            """
            SELECT id, type FROM operation
            WHERE seq > $1 AND customer_ids && $2::bigint[] AND undone_by IS NULL
              AND ((type = ANY($3::smallint[]) AND undo IS NOT NULL) OR type = $4)
            ORDER BY seq DESC LIMIT 1
            """,
            [.int(sequence), SQLArray.integers(customers), SQLArray.integers(undoable.map { Int64($0.protoNumber) }),
             .int(Int64(OperationType.erasure.protoNumber))])
        guard let row = rows.first else { return }
        let later = try row.decode(String.self, at: 0)
        let type = OperationType(protoNumber: Int(try row.decode(Int16.self, at: 1))) ?? .unspecified
        if type == .erasure {
            throw RPCError(.failedPrecondition, "a customer it touched was erased later (\(later)); an erasure cannot be undone")
        }
        throw RPCError(.failedPrecondition,
                       "undo \(later) (\(type.rawValue)) first: it changed the same customers later")
    }

    /// The aliases of `survivor` that the merge of `absorbed` re-pointed: those whose chain of merges (each alias's
    /// latest merge in force that absorbed it) passes through `absorbed`.
    static func aliasesToRestore(survivor: Int64, absorbed: Int64, changes: CustomerChanges) throws -> [Int64] {
        let aliases = try changes.connection.query(
            "SELECT id FROM customer WHERE survivor_id = $1 AND id <> $2 ORDER BY id", [.int(survivor), .int(absorbed)]
        ).map { try $0.decode(Int64.self, at: 0) }
        guard !aliases.isEmpty else { return [] }
        var parents: [Int64: Int64?] = [:]
        func parent(of alias: Int64) throws -> Int64? {
            if let known = parents[alias] { return known }
            let rows = try changes.connection.query(
                """
                SELECT undo FROM operation
                WHERE customer_ids @> ARRAY[$1::bigint] AND type = ANY($2::smallint[]) AND undo IS NOT NULL
                  AND undone_by IS NULL
                ORDER BY seq DESC
                """, [.int(alias), SQLArray.integers([OperationType.merge, .reviewDecided].map { Int64($0.protoNumber) })])
            var found: Int64?
            for row in rows {
                if case .merge(let into, let from, _)? = UndoPlan.decode(try row.decode([UInt8].self, at: 0)),
                    from == alias {
                    found = into
                    break
                }
            }
            parents[alias] = found
            return found
        }
        return try aliases.filter { alias in
            var current = alias, visited: Set<Int64> = [alias]
            while let next = try parent(of: current), visited.insert(next).inserted {
                if next == absorbed { return true }
                if next == survivor { return false }
                current = next
            }
            return false
        }
    }
}
