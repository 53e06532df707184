import CLMTesting
import Store
import Testing

/// `PostgresVocabulary`: stored names matched on their bytes, as a `switch` on the String would match them.
@Suite struct VocabularyTests {
    enum Status: Equatable {
        case paid, overdue, due, unknown
    }

    /// Names of one length that differ in their first byte only, one that is another's prefix, and one repeated.
    static let statuses = PostgresVocabulary<Status>(
        [("STATUS_PAID", .paid), ("STATUS_DUE", .due), ("XTATUS_PAID", .overdue), ("STATUS_OVERDUE", .overdue),
         ("STATUS_PAID", .due)],
        otherwise: .unknown)

    @Test func namesAreMatchedWholeAndFirstWins() {
        #expect(Self.statuses.value(of: "STATUS_PAID") == .paid)
        #expect(Self.statuses.value(of: "XTATUS_PAID") == .overdue)
        #expect(Self.statuses.value(of: "STATUS_DUE") == .due)
        #expect(Self.statuses.value(of: "STATUS_OVERDUE") == .overdue)
        #expect(Self.statuses.value(of: "STATUS_PAI") == .unknown)
        #expect(Self.statuses.value(of: "STATUS_PAID ") == .unknown)
        #expect(Self.statuses.value(of: "status_paid") == .unknown)
        #expect(Self.statuses.value(of: "") == .unknown)
    }

    @Test func cellsAreMatchedAndNullOrNonTextIsAnError() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("vocabulary")
        let rows = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.query("""
                    SELECT s AS status, s::varchar AS varying, NULL::text AS missing, 7 AS number
                    FROM unnest(ARRAY['STATUS_DUE', 'XTATUS_PAID', 'STATUS_PAID', 'other', '客户']) WITH ORDINALITY
                         AS t(s, n) ORDER BY n
                    """)
            }
        }
        #expect(try rows.map { try $0.decode(Self.statuses, "status") } == [.due, .overdue, .paid, .unknown, .unknown])
        #expect(try rows[0].decode(Self.statuses, "varying") == .due)
        #expect(throws: StoreError.self) { try rows[0].decode(Self.statuses, "missing") }
        #expect(throws: StoreError.self) { try rows[0].decode(Self.statuses, "number") }
        #expect(throws: StoreError.self) { try rows[0].decode(Self.statuses, "no_such_column") }
    }
}
