import CLMTesting
import Store
import Testing

/// Cells are found by their column's exact name, among names alike in length and first and last letters (which the
/// lookup sorts names by), the first of repeated names winning; a name the result lacks is an error naming it.
@Suite struct ColumnNameTests {
    @Test func everyColumnIsFoundByItsExactName() async throws {
        let (_, database) = try await StoreTestSupport.freshDatabase("columns")
        try await withPostgresPool(database.superuser) { pool in
            let row = try await pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT 1 AS abx, 2 AS acx, 3 AS adx, 4 AS "Abx", 5 AS abcx, 6 AS abx, 7 AS x,
                           9 AS customer_code, 10 AS customer_cod
                    """)[0]
            }
            let expected: [(String, Int32)] = [("abx", 1), ("acx", 2), ("adx", 3), ("Abx", 4), ("abcx", 5), ("x", 7),
                                               ("customer_code", 9), ("customer_cod", 10)]
            for (name, value) in expected {
                #expect(try row.decode(Int32.self, name) == value, "column \(name)")
            }
            for missing in ["aex", "ABX", "customer_codes", "y"] {
                #expect(throws: StoreError.self, "no column \(missing)") { try row.decode(Int32.self, missing) }
            }
        }
    }
}
