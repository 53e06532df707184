import CLMTesting
import Models
import RPC
import ScoringAPI
import Testing

/// A card computed again from the same facts, under the same rule set and book, is not written again: a full
/// rescore of an unchanged book leaves every card as it was (the time it was scored included) and puts nothing on
/// the feed, and RescoreCustomer answers with the stored card.
@Suite(.serialized) struct UnchangedCardTests {
    @Test func rescoringAnUnchangedBookWritesNoCardAndNoEvent() async throws {
        let (suite, _) = try await ScoringSupport.start(
            prefix: "scoring_unchanged", environment: RuleSetApplicationTests.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        _ = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        // A card scored before the other customer's last facts arrived was scored against the book as it was then
        // (a small book is measured again on every change): one full rescore brings every card up to date.
        let first = try await scoring.call(ScoringAPI.startRescoreAll, StartRescoreAllRequest(operatorId: "ops-7", reason: "catch up")).job
        #expect(try await RuleSetApplicationTests.waitForJob(first.jobId, scoring).state == .succeeded)
        let cardA = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: a)).scoreCard
        let cardB = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: b)).scoreCard
        // Every event of the cards as they stand has reached the feed.
        let before = try await RuleSetApplicationTests.events(scoring) { events in
            [cardA, cardB].allSatisfy { card in
                events.contains { event in
                    event.type == "clm.scoring.v1.ScoreChanged"
                        && (try? RuleSetApplicationTests.decode(ScoreChanged.self, event).current) == card.value
                }
            }
        }

        let started = try await scoring.call(ScoringAPI.startRescoreAll,
                                             StartRescoreAllRequest(operatorId: "ops-7", reason: "nothing changed")).job
        let job = try await RuleSetApplicationTests.waitForJob(started.jobId, scoring)
        #expect(job.state == .succeeded && job.itemsDone == 2, "\(job.message)")
        #expect(job.message.contains("0 cards written"), "\(job.message)")

        let again = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: a))
        #expect(again.scoreCard.value.scoredAt == cardA.value.scoredAt, "answered with the stored card")
        #expect(!again.tierChanged)
        for card in [cardA, cardB] {
            let now = try await scoring.call(ScoringAPI.getScoreCard,
                                             GetScoreCardRequest(customerCode: card.value.customerCode)).scoreCard
            #expect(now == card, "the stored card stands, scored_at included")
        }
        // Time for the relay to publish anything the rescores appended.
        try await Task.sleep(for: .milliseconds(500))
        let after = try await RuleSetApplicationTests.events(scoring) { _ in true }
        let scoreEvents = Set(["clm.scoring.v1.ScoreChanged", "clm.scoring.v1.TierChanged",
                               "clm.scoring.v1.VipEntered", "clm.scoring.v1.VipLeft"])
        #expect(after.filter { scoreEvents.contains($0.type) }.count
            == before.filter { scoreEvents.contains($0.type) }.count, "no event for a card that did not change")
    }
}
