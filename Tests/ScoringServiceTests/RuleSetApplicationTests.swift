import CLMTesting
import IdentityAPI
import Models
import NIOCore
import RPC
import ScoringAPI
import ServiceAPI
import Testing
import WireCodec

/// Rule sets applied end to end: the initial template tiers and explains the book's customers, the feed says so,
/// a dry run shows what a candidate would change without changing it, and activating the candidate rescores the
/// whole book under it.
///
/// By hand, from `ScoringBook`: A's annualised premium is 15,000.00 (POL-A1 12,000.00 + POL-A2 3,000.00), B's
/// 4,800.00; the book's average over paying customers is (15,000 + 4,800) / 2 = 9,900.00, so A's premium
/// contribution is 1.52 (the templates' MIDDLE layer, 1–3×) and B's 0.48 (BASE, under 1×). A has held cover for
/// 65 months without a gap, so is VIP.
@Suite(.serialized) struct RuleSetApplicationTests {
    static let initial = ["CLM_SCORING_INITIAL_RULE_SET": "life"]

    /// Tiers by premium alone: DIAMOND from 10,000.00 a year, BASIC under it. A → DIAMOND, B → BASIC.
    static func premiumOnly(from template: RuleSet) -> RuleSet {
        var candidate = template
        candidate.ruleSetId = "premium-only"
        let bound = Threshold(amount: ScoringBook.cny(1_000_000))
        candidate.tierRules = [
            TierRule(ruleId: "diamond-by-premium", tier: .diamond,
                     conditions: [Condition(metric: .annualisedPremium, comparison: .atLeast, threshold: bound)],
                     description: "10,000 a year or more"),
            TierRule(ruleId: "basic-by-premium", tier: .basic,
                     conditions: [Condition(metric: .annualisedPremium, comparison: .lessThan, threshold: bound)],
                     description: "under 10,000 a year"),
        ]
        return candidate
    }

    @Test func theInitialRuleSetTiersAndExplainsEveryCardAndTheFeedSaysSo() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_rules", environment: Self.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)

        let (cardA, cardB) = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template")
        #expect(cardA.value.ruleSetVersion == 1)
        #expect(cardA.value.tier != .unspecified && cardB.value.tier != .unspecified)
        #expect(cardA.value.layer == .middle, "contribution 1.52")
        #expect(cardB.value.layer == .base, "contribution 0.48")
        #expect(cardA.explanation == nil, "explanations only when asked for")

        let explained = try await scoring.call(ScoringAPI.getScoreCard,
                                               GetScoreCardRequest(customerCode: a, includeExplanation: true)).scoreCard
        let explanation = try #require(explained.explanation)
        let value = explanation.components.filter { $0.scorecard == "value" }
        #expect(!value.isEmpty)
        // Each value component adds normalised × weight × 100 points; together they are the value score.
        for component in value {
            #expect(abs(component.contribution - component.normalised * component.weight * 100) < 1e-9)
        }
        #expect(abs(value.map(\.contribution).reduce(0, +) - explained.value.valueScore) < 1e-6)
        #expect(explanation.rulesFired.contains { $0.ruleId == "middle-by-premium" })
        #expect(explanation.rulesFired.contains { $0.ruleId == "vip" })
        #expect(!explanation.summary.isEmpty)

        let events = try await Self.events(scoring, until: { events in
            events.contains { $0.type == "clm.scoring.v1.VipEntered" && $0.subject == a }
        })
        let activated = try #require(events.first { $0.type == "clm.scoring.v1.RuleSetActivated" })
        #expect(try Self.decode(RuleSetActivated.self, activated).ruleSet
            == RuleSetRef(ruleSetId: "life-template", version: 1))
        let firstTier = try #require(events.first { $0.type == "clm.scoring.v1.TierChanged" && $0.subject == a })
        let change = try Self.decode(TierChanged.self, firstTier)
        #expect(change.fromTier == .unspecified && change.toTier != .unspecified)
        #expect(change.reason.hasPrefix("first tier"), "\(change.reason)")
        #expect(events.contains { $0.type == "clm.scoring.v1.ScoreChanged" && $0.subject == b })
        #expect(!events.contains { $0.type == "clm.scoring.v1.VipEntered" && $0.subject == b }, "B is not VIP")
    }

    @Test func aDryRunChangesNothingAndActivationRescoresTheBook() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_activation", environment: Self.initial)
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)
        let tierB = try await ScoringSupport.bookCards(a, b, scoring, ruleSetID: "life-template").b.value.tier

        let template = try await scoring.call(ScoringAPI.getRuleSetTemplate,
                                              GetRuleSetTemplateRequest(productLine: .life)).ruleSet
        let candidate = Self.premiumOnly(from: template)
        let dryRun = try await scoring.call(ScoringAPI.dryRunRuleSet,
                                            DryRunRuleSetRequest(ruleSet: candidate, examplesPerCell: 5))
        #expect(dryRun.problems.allSatisfy { $0.severity != .error }, "\(dryRun.problems)")
        #expect(dryRun.active == RuleSetRef(ruleSetId: "life-template", version: 1))
        #expect(dryRun.customersScored == 2)
        let toA = try #require(dryRun.matrix.first { $0.exampleCustomerCodes.contains(a) })
        let toB = try #require(dryRun.matrix.first { $0.exampleCustomerCodes.contains(b) })
        #expect(toA.toTier == .diamond && toB.toTier == .basic)
        #expect(toB.fromTier == tierB)
        let diamond = try #require(dryRun.tiersAfter.first { $0.tier == .diamond })
        #expect(diamond.customers == 1 && diamond.annualisedPremium == ScoringBook.cny(1_500_000))
        #expect(abs(diamond.premiumShare - 1_500_000.0 / 1_980_000.0) < 1e-9 && diamond.customerShare == 0.5)
        #expect(dryRun.tiersAfter.first?.tier == .diamond, "highest tier first")

        // Nothing changed: B keeps its tier under the active set.
        let stillB = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: b)).scoreCard
        #expect(stillB.value.ruleSetId == "life-template" && stillB.value.tier == tierB)

        let saved = try await scoring.call(ScoringAPI.saveRuleSet,
                                           SaveRuleSetRequest(ruleSet: candidate, operatorId: "ops-7", comment: "test"))
        let ref = RuleSetRef(ruleSetId: "premium-only", version: saved.ruleSet.version)
        let activation = try await scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
            ref: ref, operatorId: "ops-7", reason: "tiers by premium for the test"))
        #expect(activation.ruleSet.status == .active && activation.ruleSet.activatedBy == "ops-7")
        let job = try #require(activation.rescore)
        let finished = try await Self.waitForJob(job.jobId, scoring)
        #expect(finished.state == .succeeded, "\(finished.message)")
        #expect(finished.itemsTotal == 2 && finished.itemsDone == 2)

        let newA = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: a)).scoreCard
        let newB = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: b)).scoreCard
        #expect(newA.value.tier == .diamond && newB.value.tier == .basic)
        #expect(newA.value.ruleSetId == "premium-only" && newB.value.ruleSetVersion == ref.version)
        let retired = try await scoring.call(ScoringAPI.getRuleSet, GetRuleSetRequest(
            ref: RuleSetRef(ruleSetId: "life-template", version: 1))).ruleSet
        #expect(retired.status == .retired)

        let events = try await Self.events(scoring) { events in
            events.contains { $0.type == "clm.scoring.v1.RuleSetActivated" && $0.subject == "premium-only" }
        }
        let announced = try Self.decode(RuleSetActivated.self, try #require(events.last {
            $0.type == "clm.scoring.v1.RuleSetActivated" }))
        #expect(announced.previous == RuleSetRef(ruleSetId: "life-template", version: 1))
        #expect(announced.operatorId == "ops-7" && announced.reason == "tiers by premium for the test")
    }

    @Test func badRequestsAreRefusedWithTheFieldAndWhatToDo() async throws {
        let (suite, _) = try await ScoringSupport.start(
            prefix: "scoring_rules_bad", environment: Self.initial.merging(["CLM_SCORING_RESCORE_AT": "03:30"]) { a, _ in a })
        defer { Task { await suite.stopAll() } }
        let scoring = suite.client(.scoring)
        let template = try await scoring.call(ScoringAPI.getRuleSetTemplate,
                                              GetRuleSetTemplateRequest(productLine: .life)).ruleSet

        let tooMany = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.dryRunRuleSet,
                                       DryRunRuleSetRequest(ruleSet: template, examplesPerCell: 101))
        }
        #expect(tooMany?.status == .invalidArgument && tooMany?.message.contains("examples_per_cell") == true)

        var unweighted = Self.premiumOnly(from: template)
        unweighted.ruleSetId = "unweighted"
        unweighted.valueComponents[0].weight += 0.5
        let refused = try await scoring.call(ScoringAPI.dryRunRuleSet, DryRunRuleSetRequest(ruleSet: unweighted))
        #expect(refused.problems.contains { $0.kind == .weightsNotOne && $0.severity == .error })
        #expect(refused.matrix.isEmpty && refused.customersScored == 0, "no dry run with errors")

        let saved = try await scoring.call(ScoringAPI.saveRuleSet,
                                           SaveRuleSetRequest(ruleSet: unweighted, operatorId: "ops-7"))
        let invalid = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
                ref: RuleSetRef(ruleSetId: "unweighted", version: saved.ruleSet.version), operatorId: "ops-7",
                reason: "should not go live"))
        }
        #expect(invalid?.status == .failedPrecondition && invalid?.message.contains("WEIGHTS_NOT_ONE") == true,
                "\(String(describing: invalid))")
        let active = try await scoring.call(ScoringAPI.getRuleSet, GetRuleSetRequest(ref: RuleSetRef())).ruleSet
        #expect(active.ruleSetId == "life-template", "the refused activation left the active set alone")

        let noReason = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
                ref: RuleSetRef(ruleSetId: "life-template"), operatorId: "ops-7"))
        }
        #expect(noReason?.status == .invalidArgument && noReason?.message.contains("reason") == true)
        let unknown = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
                ref: RuleSetRef(ruleSetId: "no-such-set"), operatorId: "ops-7", reason: "r"))
        }
        #expect(unknown?.status == .notFound)
        let anonymous = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.startRescoreAll, StartRescoreAllRequest(reason: "r"))
        }
        #expect(anonymous?.status == .invalidArgument && anonymous?.message.contains("operator_id") == true)
        let noJob = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest(jobId: "rescore-nope"))
        }
        #expect(noJob?.status == .notFound)

        // One full rescore at a time: asking twice while one is queued or running answers with the same job.
        let first = try await scoring.call(ScoringAPI.startRescoreAll,
                                           StartRescoreAllRequest(operatorId: "ops-7", reason: "first")).job
        let second = try await scoring.call(ScoringAPI.startRescoreAll,
                                            StartRescoreAllRequest(operatorId: "ops-8", reason: "second")).job
        let done = try await Self.waitForJob(first.jobId, scoring)
        #expect(done.state == .succeeded, "\(done.message)")
        #expect(second.jobId == first.jobId || second.createdAt >= done.createdAt)
        let status = try await scoring.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest())
        // 03:30 in the book's time zone (UTC+8) is 19:30 UTC, within the next day.
        let next = try #require(status.nextScheduledAt).unixMicros / 1_000_000
        let now = Timestamp.now.unixMicros / 1_000_000
        #expect(next > now && next <= now + 86_400)
        #expect((next + 8 * 3600) % 86_400 == 3 * 3600 + 30 * 60)
    }

    /// The job once it has ended, polling for up to 60 s.
    static func waitForJob(_ id: String, _ scoring: RPCClient) async throws -> Job {
        let giveUp = ContinuousClock.now + .seconds(60)
        while true {
            let job = try await scoring.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest(jobId: id)).job
            if [.succeeded, .failed, .cancelled].contains(job.state) || ContinuousClock.now > giveUp { return job }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Scoring's feed from the start, read again until `until` holds (up to 20 s).
    static func events(_ scoring: RPCClient, until: ([FeedEvent]) -> Bool) async throws -> [FeedEvent] {
        let giveUp = ContinuousClock.now + .seconds(20)
        while true {
            var events: [FeedEvent] = []
            var after: Int64 = 0
            while true {
                let page = try await scoring.call(CommonAPI.listEvents, ListEventsRequest(after: after, limit: 10_000))
                events += page.events
                guard let last = page.events.last else { break }
                after = last.position
            }
            if until(events) || ContinuousClock.now > giveUp { return events }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func decode<Message: WireMessage>(_ type: Message.Type, _ event: FeedEvent) throws -> Message {
        try WireCodec.decode(type, from: ByteBufferAllocator().buffer(bytes: event.payload))
    }
}
