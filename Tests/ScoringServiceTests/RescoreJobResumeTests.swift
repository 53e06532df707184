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
        try await Self.leaveDeadJob("rescore-dead-runner", after: first.value.customerCode, in: database)
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

    /// Deletes every card and leaves a full rescore of the two-customer book as a dead runner would: running, its
    /// heartbeat an hour old, committed through the customer `after`; then wakes the service's job watcher.
    static func leaveDeadJob(_ id: String, after: String, in database: TestDatabase) async throws {
        try await ScoringSupport.withDatabase(database) { pool in
            try await pool.withConnection { connection in
                try connection.execute("DELETE FROM scoring.score_card")
                try connection.execute(
                    """
                    INSERT INTO scoring.rescore_job (job_id, state, trigger, requested_by, items_total, items_done,
                                                     after_code, started_at, heartbeat_at)
                    VALUES ($1, 'JOB_STATE_RUNNING', 'SCORE_TRIGGER_RESCORE_ALL', 'ops-7', 2, 1,
                            $2, now() - interval '1 hour', now() - interval '1 hour')
                    """, [.text(id), .text(after)])
                try connection.execute("SELECT pg_notify('scoring_rescore_job', '')")
            }
        }
    }
}

/// A resumed job still measures the whole book: percentile ranks count the customers scored before the resume.
/// Value by one PERCENTILE component of annualised premium (weight 1): A's 15,000.00 and B's 4,800.00 rank, by
/// mid-rank, (1 + ½) / 2 = 0.75 and (0 + ½) / 2 = 0.25, so value scores 75 and 25. Had the resumed job ranked only
/// the customers after its resume point, the one left would rank ½ and score 50.
@Suite(.serialized) struct ResumedPercentileTests {
    @Test func aResumedJobRanksAgainstTheWholeBook() async throws {
        let (suite, database) = try await ScoringSupport.start(
            prefix: "scoring_resume_rank", environment: RuleSetApplicationTests.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        _ = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        let template = try await scoring.call(ScoringAPI.getRuleSetTemplate,
                                              GetRuleSetTemplateRequest(productLine: .life)).ruleSet
        var candidate = RuleSetApplicationTests.premiumOnly(from: template)
        candidate.ruleSetId = "premium-rank"
        candidate.valueComponents = [WeightedComponent(metric: .annualisedPremium, weight: 1,
                                                       normalisation: Normalisation(method: .percentile))]
        let saved = try await scoring.call(ScoringAPI.saveRuleSet,
                                           SaveRuleSetRequest(ruleSet: candidate, operatorId: "ops-7", comment: "test"))
        let activation = try await scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
            ref: RuleSetRef(ruleSetId: "premium-rank", version: saved.ruleSet.version), operatorId: "ops-7",
            reason: "value by premium rank"))
        let activated = try await RuleSetApplicationTests.waitForJob(try #require(activation.rescore).jobId, scoring)
        #expect(activated.state == .succeeded, "\(activated.message)")
        let expected = [a: 75.0, b: 25.0]
        for code in [a, b] {
            let card = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: code))
            #expect(ScoringSupport.close(card.scoreCard.value.valueScore, try #require(expected[code])))
        }

        let (first, second) = a < b ? (a, b) : (b, a)
        try await RescoreJobResumeTests.leaveDeadJob("rescore-rank-runner", after: first, in: database)
        let resumed = try await RuleSetApplicationTests.waitForJob("rescore-rank-runner", scoring)
        #expect(resumed.state == .succeeded && resumed.itemsDone == 2, "\(resumed.message)")
        let card = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: second)).scoreCard
        #expect(ScoringSupport.close(card.value.valueScore, try #require(expected[second])),
                "ranked against both customers, not only those after the resume point")
    }
}
