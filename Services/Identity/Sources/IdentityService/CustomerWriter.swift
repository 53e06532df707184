import EventFeed
import Foundation
import NIOCore
import IdentityAPI
import IdentityResolution
import Models
import Store
import WireCodec

/// Creates customers, merges them, recomputes golden records and records operations, inside the caller's
/// transaction; every change appends its feed event to the outbox in the same transaction.
struct CustomerWriter {
    let context: IdentityContext
    let connection: PostgresConnection
    var traceID: String = ""

    /// A new customer for a record; returns its id and code.
    func create(kind: PartyKind, identifiers: [String: String], operationID: String) throws -> (Int64, String) {
        let id = try connection.query("SELECT nextval(pg_get_serial_sequence('customer', 'id'))")[0]
            .decode(Int64.self, at: 0)
        let code = try context.codes(on: connection).code(for: id)
        try connection.execute(
            "INSERT INTO customer (id, code, kind, identifiers, created_by) VALUES ($1, $2, $3, $4::text[], $5)",
            [.int(id), .text(code), .int(Int64(kind.protoNumber)), PostgresValue.textArray(Self.stored(identifiers)),
             .text(operationID)])
        return (id, code)
    }

    /// Adds identifiers to a customer's guard-rail set.
    func addIdentifiers(_ identifiers: [String: String], to customer: Int64) throws {
        guard !identifiers.isEmpty else { return }
        try connection.execute(
            """
            UPDATE customer SET identifiers = ARRAY(SELECT DISTINCT x FROM unnest(identifiers || $2::text[]) x ORDER BY x)
            WHERE id = $1
            """, [.int(customer), PostgresValue.textArray(Self.stored(identifiers))])
    }

    /// Moves every record of `absorbed` into `survivor` and leaves `absorbed` as its alias (with any aliases it had).
    func merge(_ absorbed: Int64, into survivor: Int64, linkedBy: String) throws {
        try connection.execute(
            "UPDATE party_link SET customer_id = $2, linked_by = $3, changed_at = now() WHERE customer_id = $1",
            [.int(absorbed), .int(survivor), .text(linkedBy)])
        try connection.execute("UPDATE customer SET survivor_id = $2 WHERE survivor_id = $1",
                               [.int(absorbed), .int(survivor)])
        try connection.execute(
            "UPDATE customer SET status = 2, survivor_id = $2, updated_at = now() WHERE id = $1",
            [.int(absorbed), .int(survivor)])
        try connection.execute(
            """
            UPDATE customer SET identifiers = ARRAY(SELECT DISTINCT x FROM unnest(identifiers ||
                   (SELECT identifiers FROM customer WHERE id = $2)) x ORDER BY x), updated_at = now()
            WHERE id = $1
            """, [.int(survivor), .int(absorbed)])
    }

    /// Recomputes a customer's golden record and profile from its records; returns the new golden record, the
    /// old one (nil for a customer that had none) and the profile.
    @discardableResult
    func refreshGolden(_ customer: Int64, code: String) throws
        -> (golden: GoldenRecord, previous: GoldenRecord?, profile: CustomerProfile)
    {
        let current = try connection.query("SELECT golden FROM customer WHERE id = $1", [.int(customer)])
        let previous = try current.first?.decode([UInt8]?.self, at: 0).map {
            try context.vault.open(GoldenRecord.self, $0, .golden, owner: code)
        }
        let rows = try connection.query(
            """
            SELECT p.source_system, p.source_key, p.source_updated_at, p.normalised
            FROM party_record p JOIN party_link l ON l.record_id = p.id
            WHERE l.customer_id = $1 ORDER BY p.id
            """, [.int(customer)])
        var sources: [Survivorship.Source] = []
        for row in rows {
            let ref = SourceRef(sourceSystem: try row.decode(String.self, at: 0),
                                sourceKey: try row.decode(String.self, at: 1))
            let normalised = try context.vault.open(GoldenRecord.self, try row.decode([UInt8].self, at: 3),
                                                    .normalised, owner: owner(of: ref))
            let time = try row.decode(PostgresTimestamp.self, at: 2)
            sources.append(Survivorship.Source(ref: ref, updatedAt: Timestamp(unixMicros: time.microsSince1970),
                                               details: normalised.details, checks: normalised.checks))
        }
        let golden = context.survivorship.golden(sources)
        let employerCode = try employerCode(golden.details.employer)
        let profile = Survivorship.profile(golden, employerCustomerCode: employerCode)
        try connection.execute(
            "UPDATE customer SET golden = $2, profile = $3, kind = $4, updated_at = now() WHERE id = $1",
            [.int(customer), .bytes(try context.vault.seal(message: golden, .golden, owner: code)),
             .bytes(Array(try WireCodec.encode(profile).readableBytesView)), .int(Int64(golden.details.kind.protoNumber))])
        return (golden, previous, profile)
    }

    /// The customer code of an employer's party record, when it is stored and resolved.
    private func employerCode(_ ref: SourceRef?) throws -> String {
        guard let ref else { return "" }
        guard let id = try PartyStore.link(of: ref, on: connection)?.customer else { return "" }
        return try PartyStore.code(ofCustomer: id, on: connection)
    }

    /// Records an operation in the audit trail.
    func record(_ operation: OperationRecord) throws {
        try connection.execute(
            """
            INSERT INTO operation (id, type, operator_id, caller, reason, customer_ids, record_ids, detail, undo)
            VALUES ($1, $2, $3, $4, $5, $6::bigint[], $7::bigint[], $8, $9)
            """,
            [.text(operation.id), .int(Int64(operation.type.protoNumber)), .text(operation.operatorID),
             .text(operation.caller), .text(operation.reason), SQLArray.integers(operation.customers),
             SQLArray.integers(operation.records), .text(operation.detail), operation.undo.map { .bytes($0) } ?? .null])
    }

    /// Appends a feed event about `subject` to the outbox.
    func emit<Event: WireMessage>(_ event: Event, subject: String) throws {
        try context.outbox.append(event, subject: subject, traceID: traceID, on: connection)
    }

    static func stored(_ identifiers: [String: String]) -> [String] {
        identifiers.map { $0.key + "=" + $0.value }.sorted()
    }

    static func parseIdentifiers(_ stored: [String]) -> [String: String] {
        var identifiers: [String: String] = [:]
        for entry in stored {
            guard let cut = entry.firstIndex(of: "=") else { continue }
            identifiers[String(entry[..<cut])] = String(entry[entry.index(after: cut)...])
        }
        return identifiers
    }
}

/// One audit-trail entry to write.
struct OperationRecord {
    var id: String = OperationRecord.newID()
    var type: OperationType
    var operatorID: String = "matcher"
    var caller: String = ""
    var reason: String = ""
    var customers: [Int64] = []
    var records: [Int64] = []
    var detail: String = ""
    var undo: [UInt8]?

    static func newID() -> String { "op-" + UUID().uuidString.lowercased() }
}
