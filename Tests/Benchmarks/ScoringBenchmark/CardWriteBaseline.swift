import Models
import Store

/// A second baseline, for the write side of a rescore: the cards the rescore stored, written again inside the server
/// (`INSERT … SELECT`) into a fresh copy of `score_card` with all its indexes. No client round trips and no
/// encoding: the floor of what storing that many cards costs the database, to set beside the rescore's own split.
enum CardWriteBaseline {
    private static let copy = "public.scoring_bench_card_copy"

    /// What writing the cards again took.
    struct Outcome {
        var seconds: Double
        var cards: Int
    }

    static func measure(_ pool: PostgresPool) async throws -> Outcome {
        try await pool.withConnection { connection in
            try connection.executeScript("DROP TABLE IF EXISTS \(copy)")
            try connection.executeScript("CREATE TABLE \(copy) (LIKE scoring.score_card INCLUDING ALL)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let cards = try await pool.withConnection { connection in
            try connection.execute("INSERT INTO \(copy) SELECT * FROM scoring.score_card")
        }
        let seconds = (clock.now - started).inSeconds
        try await pool.withConnection { try $0.executeScript("DROP TABLE \(copy)") }
        return Outcome(seconds: seconds, cards: cards)
    }
}
