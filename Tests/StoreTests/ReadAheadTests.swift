import CLMTesting
import Store
import Testing

/// Cursors fetched ahead on a thread of their own (`PostgresConnection.readingAhead`): every batch in order, a
/// failed FETCH reported to the reader, and the connection the caller's again afterwards.
@Suite struct ReadAheadTests {
    /// Two cursors in one transaction: 1…`evens`×2 in even numbers, and 1…`odds` odd numbers, where `failAt` (if
    /// any) divides by zero in the odd cursor's row of that value.
    private static func declare(on connection: PostgresConnection, evens: Int, odds: Int, failAt: Int? = nil) throws {
        try connection.execute(
            "DECLARE evens NO SCROLL CURSOR FOR SELECT 2 * i AS n FROM generate_series(1, $1::int) AS i ORDER BY i",
            [.int(Int64(evens))])
        try connection.execute(
            """
            DECLARE odds NO SCROLL CURSOR FOR
            SELECT 2 * i - 1 + 0 * (1 / (2 * i - 1 - $2::int)) AS n
            FROM generate_series(1, $1::int) AS i ORDER BY i
            """, [.int(Int64(odds)), .int(Int64(failAt ?? -1))])
    }

    /// Reads the cursor at `index` to its end, batch by batch.
    private static func readAll(_ reader: PostgresReadAhead, _ index: Int, fetchSize: Int) throws -> [Int64] {
        var values: [Int64] = []
        while true {
            let batch = try reader.next(index)
            values += try batch.map { try $0.decode(Int64.self, "n") }
            if batch.count < fetchSize { return values }
        }
    }

    @Test func everyBatchOfEveryCursorArrivesInOrder() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("read_ahead")
        try await withPostgresPool(db.superuser) { pool in
            let (evens, odds) = try await pool.transaction { connection in
                try Self.declare(on: connection, evens: 1_000, odds: 750)
                return try connection.readingAhead(cursors: ["evens", "odds"], fetchSize: 64, depth: 3) { reader in
                    // Taken in turns, unevenly: one odd batch for every two even ones.
                    var evens: [Int64] = [], odds: [Int64] = []
                    var evensDone = false, oddsDone = false
                    while !evensDone || !oddsDone {
                        for _ in 0..<2 where !evensDone {
                            let batch = try reader.next(0)
                            evens += try batch.map { try $0.decode(Int64.self, "n") }
                            evensDone = batch.count < 64
                        }
                        if !oddsDone {
                            let batch = try reader.next(1)
                            odds += try batch.map { try $0.decode(Int64.self, "n") }
                            oddsDone = batch.count < 64
                        }
                    }
                    return (evens, odds)
                }
            }
            #expect(evens == (1...1_000).map { Int64(2 * $0) })
            #expect(odds == (1...750).map { Int64(2 * $0 - 1) })
        }
    }

    @Test func aFailedFetchReachesTheReaderAndTheConnectionServesAgain() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("read_ahead_fail")
        // A reader that never hears of the failure would wait for ever: bounded here.
        try await StoreTestSupport.withTimeout(60) { try await withPostgresPool(db.superuser) { pool in
            // The odd cursor fails at 301, in its fourth batch of 50 (after 150 odd numbers).
            let failure = await #expect(throws: StoreError.self) {
                try await pool.transaction(retries: 0) { connection in
                    try Self.declare(on: connection, evens: 10, odds: 500, failAt: 301)
                    return try connection.readingAhead(cursors: ["evens", "odds"], fetchSize: 50) { reader in
                        try Self.readAll(reader, 1, fetchSize: 50)
                    }
                }
            }
            #expect(failure?.message.contains("division by zero") == true, "\(String(describing: failure))")
            // The same pool's connection answers again.
            let answer = try await pool.withConnection { connection in
                try connection.query("SELECT 41 + 1 AS n").first?.decode(Int64.self, "n")
            }
            #expect(answer == 42)
        } }
    }

    @Test func aReaderThatStopsEarlyGetsItsConnectionBackAndAskingPastTheEndIsRefused() async throws {
        let (_, db) = try await StoreTestSupport.freshDatabase("read_ahead_stop")
        try await withPostgresPool(db.superuser) { pool in
            let (first, afterwards) = try await pool.transaction { connection in
                try Self.declare(on: connection, evens: 5_000, odds: 3)
                let first = try connection.readingAhead(cursors: ["evens", "odds"], fetchSize: 100) { reader in
                    let odds = try Self.readAll(reader, 1, fetchSize: 100)
                    #expect(odds == [1, 3, 5])
                    #expect(throws: StoreError.self) { try reader.next(1) }
                    return try reader.next(0).first?.decode(Int64.self, "n")
                }
                // The read-ahead has stopped: the connection is this transaction's again, and the cursor goes on
                // after the batches it fetched ahead (at most `depth` of 100 beyond the one taken).
                let afterwards = try connection.query("FETCH 1 FROM evens").first?.decode(Int64.self, "n")
                return (first, afterwards)
            }
            #expect(first == 2)
            let next = try #require(afterwards)
            #expect(next > 200 && next <= 2 * (3 * 100 + 1) && next % 2 == 0, "\(next)")
        }
    }
}
