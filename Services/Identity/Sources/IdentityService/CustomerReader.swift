import IdentityAPI
import Models
import Store

/// Reads a customer as the wire shows it: golden record with lineage, aliases, counts and times.
struct CustomerReader {
    let context: IdentityContext
    let connection: PostgresConnection

    func customer(_ id: Int64) throws -> Customer {
        let rows = try connection.query(
            """
            SELECT c.code, c.status, c.golden, c.created_at, c.updated_at,
                   (SELECT count(*) FROM party_link l WHERE l.customer_id = c.id),
                   ARRAY(SELECT a.code FROM customer a WHERE a.survivor_id = c.id ORDER BY a.code)::text
            FROM customer c WHERE c.id = $1
            """, [.int(id)])
        guard let row = rows.first else { throw StoreError(.decodingFailed, message: "customer \(id) vanished") }
        let code = try row.decode(String.self, at: 0)
        let golden = try row.decode([UInt8]?.self, at: 2).map {
            try context.vault.open(GoldenRecord.self, $0, .golden, owner: code)
        } ?? GoldenRecord()
        return Customer(
            customerCode: code,
            status: CustomerStatus(protoNumber: Int(try row.decode(Int16.self, at: 1))) ?? .unspecified,
            golden: golden, aliases: SQLArray.parse(try row.decode(String.self, at: 6)),
            sourceRecordCount: Int32(try row.decode(Int64.self, at: 5)),
            createdAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, at: 3).microsSince1970),
            updatedAt: Timestamp(unixMicros: try row.decode(PostgresTimestamp.self, at: 4).microsSince1970))
    }
}
