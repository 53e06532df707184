import Foundation
import IdentityAPI
import IdentityResolution
import Models
import RPC
import Store

/// A customer code's row, as manual operations read it.
struct CustomerRow: Sendable, Hashable {
    let id: Int64
    let code: String
    let status: CustomerStatus
    /// The survivor's id and code when this code is an alias.
    let survivorID: Int64?
    let survivorCode: String
    let kind: PartyKind
}

/// What manual operations (merge, split, undo, review decisions) do to customers, inside the caller's transaction:
/// locking, the guard rail, moving records, recomputing guard-rail identifiers and golden records.
///
/// Customers are locked `FOR UPDATE` in id order before anything is checked, so two operations on the same customers
/// run one after the other and see each other's result; a deadlock with the online resolver (which locks records,
/// then customers) rolls back and the pool retries the transaction.
struct CustomerChanges {
    let context: IdentityContext
    let connection: PostgresConnection
    let writer: CustomerWriter

    init(context: IdentityContext, connection: PostgresConnection, traceID: String) {
        self.context = context
        self.connection = connection
        self.writer = CustomerWriter(context: context, connection: connection, traceID: traceID)
    }

    // MARK: Requests

    /// `value` trimmed, or INVALID_ARGUMENT naming `field` when it is empty.
    static func required(_ value: String, field: String, _ what: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw RPCError.invalidArgument(field: field, "required: \(what)") }
        return trimmed
    }

    /// The person and the reason every manual change needs.
    static func operatorAndReason(_ operatorID: String, _ reason: String) throws -> (operatorID: String, reason: String) {
        (try required(operatorID, field: "operator_id", "the person making the change"),
         try required(reason, field: "reason", "why the change is made (it goes to the audit trail)"))
    }

    /// A customer code in canonical form, or INVALID_ARGUMENT naming `field`.
    func canonical(_ code: String, field: String) throws -> String {
        try context.canonicalCode(code, field: field, on: connection)
    }

    // MARK: Customers

    private static let columns = """
        SELECT c.id, c.code, c.status, c.survivor_id, coalesce(s.code, ''), c.kind
        FROM customer c LEFT JOIN customer s ON s.id = c.survivor_id
        """

    private static func decode(_ row: PostgresRow) throws -> CustomerRow {
        CustomerRow(id: try row.decode(Int64.self, at: 0), code: try row.decode(String.self, at: 1),
                    status: CustomerStatus(protoNumber: Int(try row.decode(Int16.self, at: 2))) ?? .unspecified,
                    survivorID: try row.decode(Int64?.self, at: 3), survivorCode: try row.decode(String.self, at: 4),
                    kind: PartyKind(protoNumber: Int(try row.decode(Int16.self, at: 5))) ?? .unspecified)
    }

    /// The row of a canonical code, unlocked.
    func row(code: String) throws -> CustomerRow? {
        try connection.query(Self.columns + " WHERE c.code = $1", [.text(code)]).first.map(Self.decode)
    }

    /// Rows by id, locked for the rest of the transaction (in id order).
    func lock(_ ids: [Int64]) throws -> [Int64: CustomerRow] {
        let rows = try connection.query(Self.columns + " WHERE c.id = ANY($1::bigint[]) ORDER BY c.id FOR UPDATE OF c",
                                        [SQLArray.integers(Set(ids).sorted())])
        var result: [Int64: CustomerRow] = [:]
        for row in rows {
            let decoded = try Self.decode(row)
            result[decoded.id] = decoded
        }
        return result
    }

    /// The named customers (canonical codes), locked, each an active customer; else NOT_FOUND, or
    /// FAILED_PRECONDITION naming the survivor of an alias, each naming its request field.
    func lockActive(_ named: [(field: String, code: String)]) throws -> [CustomerRow] {
        var ids: [Int64] = []
        for (field, code) in named {
            guard let row = try row(code: code) else {
                throw RPCError(.notFound, "\(field): no customer \(code)")
            }
            ids.append(row.id)
        }
        let locked = try lock(ids)
        return try zip(named, ids).map { name, id in
            guard let row = locked[id] else { throw RPCError(.notFound, "\(name.field): no customer \(name.code)") }
            try Self.requireActive(row, field: name.field)
            return row
        }
    }

    static func requireActive(_ row: CustomerRow, field: String) throws {
        switch row.status {
        case .active: return
        case .merged:
            throw RPCError(.failedPrecondition,
                           "\(field): \(row.code) is an alias of \(row.survivorCode) since a merge; name \(row.survivorCode) instead")
        case .erased:
            throw RPCError(.failedPrecondition, "\(field): \(row.code) was erased")
        case .unspecified:
            throw RPCError(.failedPrecondition, "\(field): \(row.code) is in no known state")
        }
    }

    /// The code of a customer id, following a merge to its survivor.
    func code(of customer: Int64) throws -> String { try PartyStore.code(ofCustomer: customer, on: connection) }

    /// The codes of customer ids, as they are (aliases not followed).
    func codes(_ ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var codes: [Int64: String] = [:]
        for row in try connection.query("SELECT id, code FROM customer WHERE id = ANY($1::bigint[])",
                                        [SQLArray.integers(ids)]) {
            codes[try row.decode(Int64.self, at: 0)] = try row.decode(String.self, at: 1)
        }
        return codes
    }

    // MARK: Records

    /// The ids of a customer's records, in id order.
    func recordIDs(of customer: Int64) throws -> [Int64] {
        try connection.query("SELECT record_id FROM party_link WHERE customer_id = $1 ORDER BY record_id",
                             [.int(customer)])
            .map { try $0.decode(Int64.self, at: 0) }
    }

    /// The source references of records by id, in id order (records no longer stored are left out).
    func refs(_ ids: [Int64]) throws -> [SourceRef] {
        guard !ids.isEmpty else { return [] }
        return try connection.query(
            "SELECT source_system, source_key FROM party_record WHERE id = ANY($1::bigint[]) ORDER BY id",
            [SQLArray.integers(ids)]
        ).map { SourceRef(sourceSystem: try $0.decode(String.self, at: 0), sourceKey: try $0.decode(String.self, at: 1)) }
    }

    /// Moves records to `customer`, marking how they got there.
    func move(_ records: [Int64], to customer: Int64, linkedBy: String, onlyFrom: Int64? = nil) throws {
        guard !records.isEmpty else { return }
        try connection.execute(
            """
            UPDATE party_link SET customer_id = $2, linked_by = $3, link_weight = NULL, linked_at = now(),
                   changed_at = now()
            WHERE record_id = ANY($1::bigint[]) AND ($4::bigint IS NULL OR customer_id = $4::bigint)
            """, [SQLArray.integers(records), .int(customer), .text(linkedBy), onlyFrom.map { .int($0) } ?? .null])
    }

    // MARK: Guard rail

    /// A customer's guard-rail identifiers: type → keyed hashes.
    func identifiers(of customer: Int64) throws -> [String: Set<String>] {
        let rows = try connection.query("SELECT identifiers::text FROM customer WHERE id = $1", [.int(customer)])
        guard let row = rows.first else { return [:] }
        return Self.grouped(SQLArray.parse(try row.decode(String.self, at: 0)))
    }

    static func grouped(_ stored: [String]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for entry in stored {
            guard let cut = entry.firstIndex(of: "=") else { continue }
            result[String(entry[..<cut]), default: []].insert(String(entry[entry.index(after: cut)...]))
        }
        return result
    }

    /// The identifier type on which two customers disagree: both hold valid numbers of that type and share none.
    static func conflict(_ a: [String: Set<String>], _ b: [String: Set<String>]) -> String? {
        a.keys.sorted().first { type in
            guard let mine = a[type], let theirs = b[type], !mine.isEmpty, !theirs.isEmpty else { return false }
            return mine.isDisjoint(with: theirs)
        }
    }

    /// FAILED_PRECONDITION when the two customers hold different valid identifiers of one type.
    func checkGuardRail(_ a: CustomerRow, _ b: CustomerRow) throws {
        if let type = Self.conflict(try identifiers(of: a.id), try identifiers(of: b.id)) {
            throw RPCError(.failedPrecondition,
                           "\(a.code) and \(b.code) hold different valid \(type) numbers, so they are not one person: "
                               + "split the record that does not belong out first")
        }
    }

    /// Sets a customer's guard-rail identifiers to those its records hold (read from their sealed match fields).
    func recomputeIdentifiers(_ customer: Int64) throws {
        let rows = try connection.query(
            """
            SELECT p.source_system, p.source_key, p.match_fields
            FROM party_record p JOIN party_link l ON l.record_id = p.id WHERE l.customer_id = $1
            """,
            [.int(customer)])
        var stored = Set<String>()
        for row in rows {
            let ref = SourceRef(sourceSystem: try row.decode(String.self, at: 0), sourceKey: try row.decode(String.self, at: 1))
            let bytes = try context.vault.open(try row.decode([UInt8].self, at: 2), .matchFields, owner: owner(of: ref))
            for (type, hash) in try MatchFieldsCoding.decode(bytes).identifiers { stored.insert(type + "=" + hash) }
        }
        try connection.execute("UPDATE customer SET identifiers = $2::text[], updated_at = now() WHERE id = $1",
                               [.int(customer), PostgresValue.textArray(stored.sorted())])
    }

    // MARK: Merging

    /// Merges `absorbed` into `survivor` (both locked, active, checked by the guard rail): moves its records, leaves it
    /// an alias, refreshes the survivor's identifiers and golden record, and supersedes review items the merge
    /// settled. Returns the records moved and the survivor's profile.
    func merge(_ absorbed: CustomerRow, into survivor: CustomerRow, linkedBy: String) throws
        -> (moved: [Int64], profile: CustomerProfile)
    {
        let moved = try recordIDs(of: absorbed.id)
        try writer.merge(absorbed.id, into: survivor.id, linkedBy: linkedBy)
        try recomputeIdentifiers(survivor.id)
        let refreshed = try writer.refreshGolden(survivor.id, code: survivor.code)
        try ReviewQueue.supersedeSettled(customer: survivor.id, on: connection)
        return (moved, refreshed.profile)
    }

    /// Re-sends the business-record events of `records`' parties (their customer codes changed).
    func resendBusinessRecords(_ records: [Int64]) throws {
        try LinkedEvents(connection: connection, writer: writer).emit(forParties: try refs(records))
    }
}

/// Page tokens for listings ordered by a number (review item id, operation sequence): the last row's number.
enum NumberPageToken {
    static func encode(_ number: Int64) -> String { Data("n\(number)".utf8).base64EncodedString() }

    /// The number after (or before) which the page starts; nil for the first page.
    static func decode(_ token: String) throws -> Int64? {
        if token.isEmpty { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("n"), let number = Int64(text.dropFirst())
        else { throw RPCError.invalidArgument(field: "page.page_token", "not a token this service gave out") }
        return number
    }

    /// The page size asked for: `fallback` for 0, else 1…`maximum`.
    static func size(_ asked: Int32, fallback: Int, maximum: Int) throws -> Int {
        let size = asked == 0 ? fallback : Int(asked)
        guard (1...maximum).contains(size) else {
            throw RPCError.invalidArgument(field: "page.page_size", "\(asked); 1 to \(maximum) (0 means \(fallback))")
        }
        return size
    }
}
