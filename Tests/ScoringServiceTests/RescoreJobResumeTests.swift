import CLMTesting
import Models
import RPC
import ScoringAPI
import Store
import Testing

/// A full rescore whose runner died is carried on by another replica from where it got to: the job row says it
/// was running, its heartbeat is an hour old, and it had committed the chunk up to the first customer. Both cards
/// are deleted first, so that what the resumed job scores shows: the service claims the job, scores only the
/// customers after the first (whose card comes back), and ends it with the whole book counted.
@Suite(.serialized) struct RescoreJobResumeTests {
    @Test func aJobWhoseRunnerDiedIsResumedAfterItsLastChunk() async throws {
        let (suite, database) = try await ScoringSupport.start(
            prefix: "scoring_resume", environment: RuleSetApplicationTests.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        let (cardA, cardB) = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        // Customer codes are sorted in the job's walk; the dead runner got as far as the first.
        let (first, second) = a < b ? (cardA, cardB) : (cardB, cardA)
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.execute("DELETE FROM scoring.score_card")
                try connection.execute(
                    """
                    INSERT INTO scoring.rescore_job (job_id, state, trigger, requested_by, items_total, items_done,
                                                     after_code, started_at, heartbeat_at)
                    VALUES ('rescore-dead-runner', 'JOB_STATE_RUNNING', 'SCORE_TRIGGER_RESCORE_ALL', 'ops-7', 2, 1,
                            $1, now() - interval '1 hour', now() - interval '1 hour')
                    """, [.text(first.value.customerCode)])
                try connection.execute("SELECT pg_notify('scoring_rescore_job', '')")
            }
        }
        let job = try await RuleSetApplicationTests.waitForJob("rescore-dead-runner", scoring)
        #expect(job.state == .succeeded, "\(job.message)")
        #expect(job.itemsDone == 2 && job.itemsTotal == 2)
        let cards = try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.query("SELECT customer_code FROM scoring.score_card").map {
                    try $0.decode(String.self, at: 0)
                }
            }
        }
        #expect(cards == [second.value.customerCode], "the committed chunk is not scored again; the rest is")
        let secondNow = try await scoring.call(ScoringAPI.getScoreCard,
                                               GetScoreCardRequest(customerCode: second.value.customerCode)).scoreCard
        #expect(secondNow.value.valueScore == second.value.valueScore && secondNow.metrics == second.metrics)
    }
}
