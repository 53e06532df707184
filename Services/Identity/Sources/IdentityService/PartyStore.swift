import IdentityAPI
import IdentityResolution
import Models
import Store

/// The party row a new version finds.
struct StoredPartyRow {
    let id: Int64
    let version: Int64
    let customerID: Int64?
    let matchKeys: [Int64]
}

/// SQL on party records: versioned upsert and lookups.
enum PartyStore {
    /// The stored row of `ref`, locked for the rest of the transaction.
    static func lockedRow(_ ref: SourceRef, on c: PostgresConnection) throws -> StoredPartyRow? {
        let rows = try c.query(
            """
            SELECT p.id, p.source_version, l.customer_id, coalesce(l.match_keys, '{}')::text
            FROM party_record p LEFT JOIN party_link l ON l.record_id = p.id
            WHERE p.source_system = $1 AND p.source_key = $2 FOR UPDATE OF p
            """, [.text(ref.sourceSystem), .text(ref.sourceKey)])
        guard let row = rows.first else { return nil }
        return StoredPartyRow(id: try row.decode(Int64.self, at: 0), version: try row.decode(Int64.self, at: 1),
                              customerID: try row.decode(Int64?.self, at: 2),
                              matchKeys: SQLArray.parse(try row.decode(String.self, at: 3)).compactMap { Int64($0) })
    }

    /// The SQL condition, on `party_record p`, that a record's resolution is deferred: it has no link yet.
    static let deferred = "NOT EXISTS (SELECT 1 FROM party_link l WHERE l.record_id = p.id)"

    /// The stored record `ref` and the customer it is linked to (nil while its resolution is deferred); nil when no
    /// such record is stored.
    static func link(of ref: SourceRef, on c: PostgresConnection) throws -> (record: Int64, customer: Int64?)? {
        let rows = try c.query(
            """
            SELECT p.id, l.customer_id FROM party_record p LEFT JOIN party_link l ON l.record_id = p.id
            WHERE p.source_system = $1 AND p.source_key = $2
            """, [.text(ref.sourceSystem), .text(ref.sourceKey)])
        guard let row = rows.first else { return nil }
        return (try row.decode(Int64.self, at: 0), try row.decode(Int64?.self, at: 1))
    }

    /// The id of the stored record `ref`, if any.
    static func row(_ ref: SourceRef, on c: PostgresConnection) throws -> Int64? {
        try c.query("SELECT id FROM party_record WHERE source_system = $1 AND source_key = $2",
                    [.text(ref.sourceSystem), .text(ref.sourceKey)]).first?.decode(Int64.self, at: 0)
    }

    /// Inserts a new record, unresolved.
    static func insert(_ party: PreparedParty, on c: PostgresConnection) throws -> Int64 {
        let rows = try c.query(
            """
            INSERT INTO party_record (source_system, source_key, source_version, source_updated_at, kind, record,
                                      normalised, match_fields)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, values(party))
        return try rows[0].decode(Int64.self, at: 0)
    }

    /// Replaces a stored record with a newer version and takes it out of the blocking index until re-resolved.
    static func replace(_ row: StoredPartyRow, with party: PreparedParty, on c: PostgresConnection) throws {
        try c.execute(
            """
            UPDATE party_record SET source_version = $3, source_updated_at = $4, kind = $5, record = $6,
                   normalised = $7, match_fields = $8, received_at = now()
            WHERE source_system = $1 AND source_key = $2
            """, values(party))
        if !row.matchKeys.isEmpty {
            try c.execute("UPDATE party_link SET match_keys = '{}' WHERE record_id = $1", [.int(row.id)])
            try c.execute("DELETE FROM match_key WHERE key = ANY($1::bigint[]) AND record_id = $2",
                          [SQLArray.integers(row.matchKeys), .int(row.id)])
        }
    }

    /// The columns of an insert, in the order `insert` and the bulk COPY name them.
    static func values(_ party: PreparedParty) -> [PostgresValue] {
        [.text(party.record.ref.sourceSystem), .text(party.record.ref.sourceKey), .int(party.record.sourceVersion),
         .timestamp(microsSince1970: party.updatedAt.unixMicros), .int(Int64(party.normalized.details.kind.protoNumber)),
         .bytes(party.sealedRecord), .bytes(party.sealedNormalised), .bytes(party.sealedMatchFields)]
    }

    /// The code of a customer id, following merges to the survivor.
    static func code(ofCustomer id: Int64, on c: PostgresConnection) throws -> String {
        let rows = try c.query(
            """
            SELECT coalesce(s.code, c.code) FROM customer c LEFT JOIN customer s ON s.id = c.survivor_id
            WHERE c.id = $1
            """, [.int(id)])
        return try rows.first?.decode(String.self, at: 0) ?? ""
    }
}
