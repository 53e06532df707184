import CLMTesting
import Store
import Testing

@Suite struct ValueRoundTripTests {
    struct TypedRow: PostgresRowDecodable, Equatable {
        var flag: Bool
        var blob: [UInt8]
        var small: Int16
        var medium: Int32
        var large: Int64
        var plain: Int
        var note: String
        var ratio: Double
        var label: String
        var code: String
        var day: PostgresDate
        var at: PostgresTimestamp
        var local: PostgresTimestamp

        init(row: PostgresRow) throws {
            flag = try row.decode(Bool.self, "flag")
            blob = try row.decode([UInt8].self, "blob")
            small = try row.decode(Int16.self, "small")
            medium = try row.decode(Int32.self, "medium")
            large = try row.decode(Int64.self, "large")
            plain = try row.decode(Int.self, "medium")
            note = try row.decode(String.self, "note")
            ratio = try row.decode(Double.self, "ratio")
            label = try row.decode(String.self, "label")
            code = try row.decode(String.self, "code")
            day = try row.decode(PostgresDate.self, "day")
            at = try row.decode(PostgresTimestamp.self, "at")
            local = try row.decode(PostgresTimestamp.self, "local")
        }
    }

    static let createTable = """
        CREATE TABLE everything (
            id int4 PRIMARY KEY, flag bool, blob bytea, small int2, medium int4, large int8, note text,
            ratio float8, label varchar(40), code char(5), day date, at timestamptz, local timestamp)
        """
    static let insert = """
        INSERT INTO everything (id, flag, blob, small, medium, large, note, ratio, label, code, day, at, local)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        """

    @Test func everyValueTypeRoundTripsIncludingNullUnicodeAndZeroBytes() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("roundtrip")
        let note = "张伟 Zhang Wei — ünïcödé 🚀 'quoted' \\ back\tslash\nnewline"
        let blob: [UInt8] = [0, 1, 0, 255, 0, 92, 0]
        let (rows, nullRow) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript(Self.createTable)
                try connection.execute(Self.insert, [
                    1, true, .bytes(blob), .int(-32_768), .int(2_147_483_647), .int(.min), .text(note),
                    .double(3.141592653589793), "varchar", "ab", .date(year: 1969, month: 7, day: 20),
                    .timestamp(microsSince1970: -1), .timestamp(microsSince1970: 1_700_000_000_123_456),
                ])
                try connection.execute(Self.insert, [2] + Array(repeating: nil, count: 12))
                let typed = try connection.query(TypedRow.self, "SELECT * FROM everything WHERE id = 1")
                let nulls = try connection.query("SELECT * FROM everything WHERE id = 2")
                return (typed, try nulls.map { row in
                    try row.columns.dropFirst().map { try row.decode(PostgresValue.self, $0) }
                })
            }
        }
        let row = try #require(rows.first)
        #expect(row.flag == true)
        #expect(row.blob == blob)
        #expect(row.small == -32_768)
        #expect(row.medium == 2_147_483_647)
        #expect(row.plain == 2_147_483_647)
        #expect(row.large == .min)
        #expect(row.note == note)
        #expect(row.ratio == 3.141592653589793)
        #expect(row.label == "varchar")
        #expect(row.code == "ab   ")  // char(5) pads with spaces
        #expect(row.day == PostgresDate(year: 1969, month: 7, day: 20))
        #expect(row.at == PostgresTimestamp(microsSince1970: -1))
        #expect(row.local == PostgresTimestamp(microsSince1970: 1_700_000_000_123_456))
        #expect(nullRow == [Array(repeating: PostgresValue.null, count: 12)])
    }

    @Test func optionalsDecodeNullAsNilAndValuesAsValues() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("optionals")
        let decoded = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                let row = try #require(
                    try connection.query("SELECT NULL::text AS a, 'x'::text AS b, NULL::int8 AS c, 7::int8 AS d").first)
                return (try row.decode(String?.self, "a"), try row.decode(String?.self, "b"),
                        try row.decode(Int?.self, "c"), try row.decode(Int?.self, at: 3))
            }
        }
        #expect(decoded.0 == nil)
        #expect(decoded.1 == "x")
        #expect(decoded.2 == nil)
        #expect(decoded.3 == 7)
    }

    @Test func otherServerTypesDecodeByTheirTypeOID() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("oids")
        let values = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                let row = try #require(try connection.query("""
                    SELECT 'pg_class'::name AS n, 4294967295::oid AS o, '123'::xid8 AS x, 1.5::float4 AS f,
                           '{"a": 1}'::jsonb AS j, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u,
                           DATE '0001-01-01' AS first, $1::date AS echoed, $2::timestamptz AS ts
                    """,
                    [.date(year: 2024, month: 2, day: 29), .timestamp(microsSince1970: 951_782_400_000_001)]).first)
                return try row.columns.map { try row.decode(PostgresValue.self, $0) }
            }
        }
        #expect(values == [
            .text("pg_class"), .int(4_294_967_295), .int(123), .double(1.5), .text(#"{"a": 1}"#),
            .text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), .date(year: 1, month: 1, day: 1),
            .date(year: 2024, month: 2, day: 29), .timestamp(microsSince1970: 951_782_400_000_001),
        ])
    }

    @Test func decodingErrorsNameTheColumn() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("decoding")
        let messages = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                let row = try #require(try connection.query(
                    "SELECT 1::int4 AS amount, NULL::text AS nickname, 1.5::numeric AS premium, 70000 AS big").first)
                var messages: [String: String] = [:]
                func capture(_ key: String, _ decode: () throws -> Void) {
                    do {
                        try decode()
                    } catch let error as StoreError where error.code == .decodingFailed {
                        messages[key] = error.message
                    } catch {}
                }
                capture("amount") { _ = try row.decode(String.self, "amount") }
                capture("nickname") { _ = try row.decode(String.self, "nickname") }
                capture("premium") { _ = try row.decode(Int.self, "premium") }
                capture("big") { _ = try row.decode(Int16.self, "big") }
                capture("absent") { _ = try row.decode(Int.self, "absent") }
                return messages
            }
        }
        #expect(messages["amount"]?.contains("'amount'") == true)
        #expect(messages["nickname"]?.contains("'nickname'") == true)
        #expect(messages["nickname"]?.contains("NULL") == true)
        #expect(messages["premium"]?.contains("'premium'") == true)
        #expect(messages["premium"]?.contains("numeric") == true)
        #expect(messages["big"]?.contains("'big'") == true)
        #expect(messages["absent"]?.contains("'absent'") == true)
    }
}
