import CLMTesting
import Store
import Testing

/// `copyInBinary`: every field kind against a real server, read back with SELECT and compared with the values
/// written; and the ways a binary COPY can go wrong.
@Suite struct BinaryCopyTests {
    /// One awkward row: NULLs, bytes with zeros and a backslash, text with tabs and newlines, days and instants on both
    /// sides of 1970 and 2000, arrays empty, with quotes and with unicode.
    struct Row {
        var id: Int64
        var small: Int32
        var note: String?
        var flag: Bool
        var data: [UInt8]
        var amount: Double
        var at: Int64
        var day: PostgresDate?
        var tags: [String]

        init(_ id: Int) {
            self.id = Int64(id) * 1_000_000_007
            small = Int32(id % 3 == 0 ? -id : id)
            note = id % 4 == 0 ? nil : ["", "tab\there\nnext", #"back\slash "quoted""#, "客户 \(id)"][id % 4]
            flag = id % 2 == 0
            data = [0, UInt8(id % 256), 0, 92, 10]
            amount = id % 5 == 0 ? -0.1 * Double(id) : Double(id) / 3
            at = Int64(id - 50) * 86_400_000_003  // some before 1970
            day = id % 6 == 0 ? nil : PostgresDate(year: 1950 + id % 80, month: 1 + id % 12, day: 1 + id % 28)
            tags = id % 3 == 0 ? [] : ["a,b", #"q"uote"#, "{brace}", "NULL", "日本", "back\\slash"].suffix(id % 6 + 1)
        }

        func write(_ row: inout PostgresBinaryRow) {
            row.int8(id)
            row.int4(small)
            if let note { row.text(note) } else { row.null() }
            row.bool(flag)
            row.bytes(data)
            row.float8(amount)
            row.timestamp(microsSince1970: at)
            if let day { row.date(day) } else { row.null() }
            row.textArray(tags)
        }
    }

    static let table = """
        CREATE TABLE book (id int8 PRIMARY KEY, small int4, note text, flag bool, data bytea, amount float8,
                           at timestamptz, day date, tags text[])
        """

    @Test func everyFieldKindArrivesAsWritten() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("bincopy")
        let count = 2_000
        let (copied, rows) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript(Self.table)
                let copied = try connection.copyInBinary(
                    "COPY book (id, small, note, flag, data, amount, at, day, tags) FROM STDIN (FORMAT binary)",
                    columns: 9, rows: (1...count).lazy.map(Row.init)) { $0.write(&$1) }
                return (copied, try connection.query("SELECT *, array_to_json(tags)::text AS tags_text FROM book ORDER BY id"))
            }
        }
        #expect(copied == count)
        #expect(rows.count == count)
        var mismatches: [Int] = []
        for (index, row) in rows.enumerated() {
            let expected = Row(index + 1)
            let tags = try row.decode(String.self, "tags_text")
            let same = try row.decode(Int64.self, "id") == expected.id
                && row.decode(Int32.self, "small") == expected.small
                && row.decode(String?.self, "note") == expected.note
                && row.decode(Bool.self, "flag") == expected.flag
                && row.decode([UInt8].self, "data") == expected.data
                && row.decode(Double.self, "amount") == expected.amount
                && row.decode(PostgresTimestamp.self, "at").microsSince1970 == expected.at
                && row.decode(PostgresDate?.self, "day") == expected.day
                && tags == Self.arrayText(expected.tags)
            if !same { mismatches.append(index + 1) }
        }
        #expect(mismatches.isEmpty, "rows that differ: \(mismatches.prefix(5))")
    }

    /// Runs `copy` against the table `create` makes on a fresh database, and answers the error it threw (nil when it
    /// threw none) and the rows the table holds afterwards, counted on the same connection, which must still serve.
    private static func attempt(_ prefix: String, _ create: String, counting table: String,
                                _ copy: @escaping @Sendable (PostgresConnection) throws -> Void) async throws
        -> (failure: StoreError?, rows: Int?)
    {
        let (_, db) = try await StoreTestSupport.freshDatabase(prefix)
        return try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript(create)
                var failure: StoreError?
                do {
                    try copy(connection)
                } catch let error as StoreError {
                    failure = error
                }
                return (failure, try connection.scalar(Int.self, "SELECT count(*) FROM \(table)"))
            }
        }
    }

    @Test func aRowWithTheWrongFieldCountStopsTheCopyWithNothingCopied() async throws {
        let (failure, after) = try await Self.attempt("bincopyshort", "CREATE TABLE pair (a int8, b text)",
                                                      counting: "pair") { connection in
            try connection.copyInBinary("COPY pair (a, b) FROM STDIN (FORMAT binary)", columns: 2,
                                        rows: [Int64(1), 2, 3]) { value, row in
                row.int8(value)
                if value != 2 { row.text("x") }
            }
        }
        #expect(failure?.code == .copyFailed)
        #expect(failure?.message.contains("1 fields for 2 columns") == true)
        #expect(after == 0)
    }

    @Test func aFieldOfTheWrongTypeIsRefusedByTheServerAndTheConnectionStaysUsable() async throws {
        let (failure, after) = try await Self.attempt("bincopytype", "CREATE TABLE counter (n int4)",
                                                      counting: "counter") { connection in
            // An int8 for an int4 column: eight bytes where the server reads four.
            try connection.copyInBinary("COPY counter (n) FROM STDIN (FORMAT binary)", columns: 1,
                                        rows: [Int64(7)]) { $1.int8($0) }
        }
        #expect(failure != nil)
        #expect(failure?.message.contains("binary") == true, "\(String(describing: failure))")
        #expect(after == 0)
    }

    @Test func aTextFormatCopyIsRefusedBeforeAnyRowIsSent() async throws {
        let (failure, after) = try await Self.attempt("bincopytext", "CREATE TABLE counter (n int8)",
                                                      counting: "counter") { connection in
            try connection.copyInBinary("COPY counter (n) FROM STDIN", columns: 1, rows: [Int64(7)]) {
                $1.int8($0)
            }
        }
        #expect(failure?.code == .copyFailed)
        #expect(failure?.message.contains("FORMAT binary") == true)
        #expect(after == 0)
    }

    @Test func anEmptyCopySendsOnlyTheHeaderAndTrailer() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("bincopyempty")
        let copied = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("CREATE TABLE counter (n int8)")
                return try connection.copyInBinary("COPY counter (n) FROM STDIN (FORMAT binary)", columns: 1,
                                                   rows: [Int64]()) { $1.int8($0) }
            }
        }
        #expect(copied == 0)
    }

    /// The array as `array_to_json` prints it, worked out by hand: each element a JSON string (the elements here
    /// need only `\` and `"` escaped).
    private static func arrayText(_ values: [String]) -> String {
        "[" + values.map { value in
            "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "]"
    }
}
