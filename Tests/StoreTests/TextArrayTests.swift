import CLMTesting
import Store
import Testing

/// A `text[]` parameter reaches the server as the very values sent, whatever characters they hold.
@Suite struct TextArrayTests {
    @Test func everyValueArrivesAsSent() async throws {
        let (_, database) = try await StoreTestSupport.freshDatabase("textarray")
        let values = ["plain", "", "with \"quotes\"", #"back\slash"#, #"\""#, "a,b", "{braces}", "NULL", " spaced ",
                      "汉字", "tab\there"]
        try await withPostgresPool(database.superuser) { pool in
            let back = try await pool.withConnection { connection in
                try connection.query("SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n",
                                     [PostgresValue.textArray(values)]).map { try $0.decode(String?.self, "v") }
            }
            #expect(back == values.map { Optional($0) })
            let none = try await pool.withConnection { connection in
                try connection.query("SELECT cardinality($1::text[]) AS n", [PostgresValue.textArray([])])[0]
                    .decode(Int32.self, "n")
            }
            #expect(none == 0)
        }
    }
}
