import CLMTesting
import Store
import Testing

@Suite struct CopyTests {
    /// Text that exercises every escape COPY needs, plus the literal two characters `\N`.
    static func note(_ id: Int) -> PostgresValue {
        switch id % 7 {
        case 0: .null
        case 1: .text("tab\there")
        case 2: .text("line\nbreak\r\nwindows")
        case 3: .text(#"back\slash \N and \\ double"#)
        case 4: .text("客户 \(id) — ünïcödé")
        case 5: .text("")
        default: .text("plain \(id)")
        }
    }

    static func row(_ id: Int) -> [PostgresValue] {
        [
            .int(Int64(id)), note(id), id % 3 == 0 ? .null : .bool(id % 2 == 0),
            id % 5 == 0 ? .null : .bytes([0, UInt8(id % 256), 0, 9, 10, 92]),
            .double(Double(id) / 8), .timestamp(microsSince1970: Int64(id) * 1_000_003 - 5_000_000_000),
            .date(year: 2000 + id % 30, month: 1 + id % 12, day: 1 + id % 28),
        ]
    }

    @Test func tenThousandAwkwardRowsCopyInAndOutUnchanged() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("copy")
        let count = 10_000
        let (copied, lines, decodedBytes) = try await withPostgresPool(db.superuser) { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("""
                    CREATE TABLE book (id int8 PRIMARY KEY, note text, flag bool, data bytea, amount float8,
                                       at timestamptz, day date)
                    """)
                let copied = try connection.copyIn(
                    "COPY book (id, note, flag, data, amount, at, day) FROM STDIN",
                    rows: (1...count).lazy.map(Self.row))
                var lines: [String] = []
                try connection.copyOut("""
                    COPY (SELECT id, note, flag, data, amount,
                                 (extract(epoch FROM at) * 1000000)::int8, day FROM book ORDER BY id) TO STDOUT
                    """) { lines.append($0) }
                let bytes = try connection.scalar([UInt8].self, "SELECT data FROM book WHERE id = 1")
                return (copied, lines, bytes)
            }
        }
        #expect(copied == count)
        #expect(lines.count == count)
        #expect(decodedBytes == [0, 1, 0, 9, 10, 92])
        var mismatches: [String] = []
        for (index, line) in lines.enumerated() {
            var expected = Self.row(index + 1)
            if case .timestamp(let micros) = expected[5] { expected[5] = .int(micros) }
            let fields = PostgresCopyText.fields(line)
            var wanted = expected.map(\.textRepresentation)
            // The server prints float8 its own way; compare those as numbers.
            if fields.count == 7, let server = fields[4].flatMap(Double.init),
               let mine = wanted[4].flatMap(Double.init), server == mine {
                wanted[4] = fields[4]
            }
            if fields != wanted { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(3))")
    }

    @Test func aFailedCopyReportsTheServersCodeAndLeavesTheConnectionUsable() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("copyfail")
        let (error, after) = try await withPostgresPool(db.superuser, label: "copy") { pool in
            try await pool.withConnection { connection in
                try connection.executeScript("CREATE TABLE book (id int8 PRIMARY KEY)")
                var failure: StoreError?
                do {
                    try connection.copyIn("COPY book (id) FROM STDIN", rows: [[1], [2], [1]])
                } catch let error as StoreError {
                    failure = error
                }
                return (failure, try connection.scalar(Int.self, "SELECT count(*) FROM book"))
            }
        }
        #expect(error?.code == .uniqueViolation)
        #expect(after == 0)
    }

    @Test func copyTextEscapesRoundTripWithoutAServer() {
        let row: [PostgresValue] = [.text("a\tb\nc\\d\re"), .null, .text(#"\N"#), .bytes([0, 255]), .int(-5), true]
        let line = PostgresCopyText.line(row)
        #expect(line == [#"a\tb\nc\\d\re"#, #"\N"#, #"\\N"#, #"\\x00ff"#, "-5", "t"].joined(separator: "\t"))
        #expect(PostgresCopyText.fields(line) == row.map(\.textRepresentation))
        #expect(PostgresCopyText.fields(#"\101\x42\\"#) == ["AB\\"])
    }
}
