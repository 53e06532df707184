import CLMTesting
import IdentityAPI
import Models
import RPC
import ScoringAPI
import Testing

/// Records sent to the real clm-identity become score cards in the real clm-scoring; a merge in identity makes one
/// combined card under the survivor, and undoing it makes two cards again.
///
/// Expected values are worked out by hand from `ScoringBook`, as of 2025-06-30, look-back 2024-07-01 … 2025-06-30:
/// - days of cover in the look-back: POL-A1 all 365; POL-A2 2024-09-01 … 2025-06-30, 30+31+30+31+31+28+31+30+31+30
///   = 303; POL-B1 2025-01-01 … 2025-06-30, 31+28+31+30+31+30 = 181;
/// - premium earned: A 12,000.00 × 365/365 + 3,000.00 × 303/365; B 4,800.00 × 181/365;
/// - tenure: A from 2020-01-15, 65 whole months to 2025-06-30 (continuous: POL-A1 has covered every day since),
///   so A is on the VIP list (60 months and more) since 2025-01-15; B from 2025-01-01, 5 months;
/// - renewal premiums of A due in the look-back: instalments 60 (paid) and 61 (overdue): 1 of 2; B none due;
/// - claim frequency: claims / max(1, policy-years of cover in the look-back): A 1 / (668/365), B 1 / 1.
@Suite(.serialized) struct ScoreCardEndToEndTests {
    /// Premium earned in the look-back, in fen: A 12,000.00 × 365/365 + 3,000.00 × 303/365; B 4,800.00 × 181/365.
    static let earnedA: Double = 1_200_000.0 + 300_000.0 * 303.0 / 365.0
    static let earnedB: Double = 480_000.0 * 181.0 / 365.0

    /// A's card before the merge.
    static func expectA(_ card: ScoreCard, code: String) {
        #expect(card.value.customerCode == code)
        #expect(card.value.annualisedPremium == ScoringBook.cny(1_200_000 + 300_000))
        #expect(card.metrics.policyCount == 2)
        #expect(card.metrics.productLines == [.life, .health])
        #expect(card.metrics.productLineCount == 2)
        #expect(card.metrics.tenureMonths == 65)
        #expect(card.metrics.continuousTenureMonths == 65)
        #expect(card.metrics.firstPolicyDate == ScoringBook.day(2020, 1, 15))
        #expect(card.metrics.renewalRate == 0.5)
        #expect(ScoringSupport.close(card.metrics.claimsRatio, 150_000.0 / earnedA))
        #expect(card.metrics.serviceUses == 1 && card.metrics.serviceUsageDepth == 1)
        #expect(card.metrics.interactionCount == 1 && card.metrics.engagementChannels == 1)
        #expect(card.metrics.channelsUsed == [.app])
        #expect(card.metrics.lastInteractionDate == ScoringBook.day(2025, 6, 1))
        #expect(card.risk.claimCount == 1 && card.risk.fraudFlags == 0)
        #expect(card.risk.claimsPaid == ScoringBook.cny(150_000))
        #expect(card.risk.claimSeverity == ScoringBook.cny(150_000))
        #expect(ScoringSupport.close(card.risk.claimFrequency, 365.0 / 668.0))
        #expect(card.risk.occupationClass == 2)
        #expect(card.loyalty.vip && card.loyalty.vipSince == ScoringBook.day(2025, 1, 15))
        #expect(card.value.vip)
        #expect(card.loyalty.continuousTenureMonths == 65)
        // Value score, tier and layer wait for rule sets.
        #expect(card.value.tier == .unspecified && card.value.valueScore == 0 && card.value.ruleSetId.isEmpty)
    }

    /// B's card (claims above premium, a fraud flag, no renewal due).
    static func expectB(_ card: ScoreCard, code: String) {
        #expect(card.value.customerCode == code)
        #expect(card.value.annualisedPremium == ScoringBook.cny(480_000))
        #expect(card.metrics.policyCount == 1 && card.metrics.productLines == [.auto])
        #expect(card.metrics.tenureMonths == 5 && card.metrics.continuousTenureMonths == 5)
        #expect(card.metrics.renewalRate == nil)
        #expect(ScoringSupport.close(card.metrics.claimsRatio, 600_000.0 / earnedB))
        #expect((card.metrics.claimsRatio ?? 0) > 1, "claims above premium")
        #expect(card.metrics.serviceUsageDepth == 0 && card.metrics.interactionCount == 0)
        #expect(card.risk.claimCount == 1 && card.risk.fraudFlags == 1)
        #expect(card.risk.claimsPaid == ScoringBook.cny(600_000))
        #expect(ScoringSupport.close(card.risk.claimFrequency, 1))
        #expect(!card.loyalty.vip && card.loyalty.vipSince == nil)
    }

    /// The survivor's card after the merge: both histories.
    static func expectMerged(_ card: ScoreCard, code: String) {
        #expect(card.value.customerCode == code)
        #expect(card.value.annualisedPremium == ScoringBook.cny(1_200_000 + 300_000 + 480_000))
        #expect(card.metrics.policyCount == 3)
        #expect(card.metrics.productLines == [.life, .health, .auto])
        #expect(card.metrics.tenureMonths == 65 && card.metrics.continuousTenureMonths == 65)
        #expect(card.metrics.renewalRate == 0.5)
        #expect(ScoringSupport.close(card.metrics.claimsRatio, 750_000.0 / (earnedA + earnedB)))
        #expect(card.risk.claimCount == 2 && card.risk.fraudFlags == 1)
        #expect(card.risk.claimsPaid == ScoringBook.cny(750_000))
        // (1,500.00 + 6,000.00) / 2 paid claims.
        #expect(card.risk.claimSeverity == ScoringBook.cny(375_000))
        #expect(ScoringSupport.close(card.risk.claimFrequency, 2.0 * 365.0 / 849.0))
        #expect(card.loyalty.vip)
    }

    @Test func recordsBecomeCardsAndAMergeCombinesThemUntilUndone() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_e2e")
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(identity)

        let cardA = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 2
            && $0.metrics.interactionCount == 1 && $0.risk.claimCount == 1 && $0.metrics.serviceUses == 1
            && $0.metrics.renewalRate == 0.5 }, "A never got its card:\n\(suite.logTail(.scoring))")
        Self.expectA(cardA, code: a)
        let cardB = try #require(try await ScoringSupport.card(b, scoring) { $0.risk.claimCount == 1 })
        Self.expectB(cardB, code: b)

        // Premium contribution is against the book's average of paying customers: (15,000 + 4,800) / 2 = 9,900.00.
        let rescoredA = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: a))
        #expect(rescoredA.scoreCard.metrics.segmentAveragePremium == ScoringBook.cny(990_000))
        #expect(ScoringSupport.close(rescoredA.scoreCard.metrics.premiumContribution, 3_000_000.0 / 1_980_000.0))
        #expect(!rescoredA.tierChanged)
        Self.expectA(rescoredA.scoreCard, code: a)
        let rescoredB = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: b))
        #expect(ScoringSupport.close(rescoredB.scoreCard.metrics.premiumContribution, 960_000.0 / 1_980_000.0))

        // An operator merges B into A: one card, under A, with both histories; B's code shows A's card.
        let merge = try await identity.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: a, mergedCode: b, operatorId: "ops-1", reason: "the same person in the auto system"))
        let merged = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 3
            && $0.risk.claimCount == 2 }, "A never showed the merged facts:\n\(suite.logTail(.scoring))")
        Self.expectMerged(merged, code: a)
        let viaAlias = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: b)).scoreCard
        #expect(viaAlias.value.customerCode == a)
        let listed = try await scoring.call(ScoringAPI.listCustomers,
                                            ListCustomersRequest(order: .customerCode)).customers.map(\.customerCode)
        #expect(listed == [a], "the merged code's card is gone")
        // With B folded in, A is the only paying customer: contribution 1.
        let rescoredMerged = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: b))
        #expect(rescoredMerged.scoreCard.value.customerCode == a)
        #expect(ScoringSupport.close(rescoredMerged.scoreCard.metrics.premiumContribution, 1))
        Self.expectMerged(rescoredMerged.scoreCard, code: a)

        // Undone: two cards again, each with its own facts.
        _ = try await identity.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: merge.operationId, operatorId: "ops-1", reason: "not the same person after all"))
        let backA = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 2
            && $0.risk.claimCount == 1 })
        Self.expectA(backA, code: a)
        let backB = try #require(try await ScoringSupport.card(b, scoring) { $0.value.customerCode == b
            && $0.risk.claimCount == 1 }, "B never got its own card back:\n\(suite.logTail(.scoring))")
        Self.expectB(backB, code: b)
        let relisted = try await scoring.call(ScoringAPI.listCustomers,
                                              ListCustomersRequest(order: .customerCode)).customers.map(\.customerCode)
        #expect(relisted == [a, b].sorted())
    }

    /// A's second record (the same person in the servicing system POS) with a property policy of its own,
    /// 2,000.00 a year, 2025-03-01 … 2026-02-28.
    static let partyA2 = PartyRecord(ref: SourceRef(sourceSystem: "POS", sourceKey: "Q1"), sourceVersion: 1,
                                     details: ScoringBook.partyA.details)
    static let policyQ = PolicyRecord(
        ref: SourceRef(sourceSystem: "POS", sourceKey: "POL-Q"), sourceVersion: 1, productLine: .property,
        productCode: "HOME", parties: ScoringBook.holder("POS", "Q1"), premium: ScoringBook.cny(200_000),
        paymentMode: .annual, issueDate: ScoringBook.day(2025, 2, 20), effectiveDate: ScoringBook.day(2025, 3, 1),
        endDate: ScoringBook.day(2026, 2, 28), status: .inForce)

    @Test func aSplitMovesFactsToTheNewCodeAndItsUndoFoldsThemBack() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_split")
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        let (a, _) = try await ScoringSupport.ingestBook(identity)
        let second = try await identity.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [Self.partyA2]))
        #expect(second.results.first?.customerCode == a, "the same person in POS links to A")
        _ = try await identity.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [Self.policyQ]))
        let withQ = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 3 })
        #expect(withQ.value.annualisedPremium == ScoringBook.cny(1_500_000 + 200_000))
        #expect(withQ.metrics.productLines == [.life, .health, .property])

        // The POS record goes to a customer of its own, and its policy with it.
        let split = try await identity.call(IdentityAPI.splitCustomer, SplitCustomerRequest(
            customerCode: a, records: [SourceRef(sourceSystem: "POS", sourceKey: "Q1")], operatorId: "ops-2",
            reason: "a namesake"))
        let new = split.newCustomerCode
        let cardNew = try #require(try await ScoringSupport.card(new, scoring) { $0.metrics.policyCount == 1 },
                                   "the new code never got its card:\n\(suite.logTail(.scoring))")
        #expect(cardNew.value.annualisedPremium == ScoringBook.cny(200_000))
        #expect(cardNew.metrics.productLines == [.property])
        // 2025-03-01 to 2025-06-30: 3 whole months.
        #expect(cardNew.metrics.tenureMonths == 3)
        let backA = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 2 })
        Self.expectA(backA, code: a)

        // Undone: the new code folds back into A, as an alias.
        let undo = try await identity.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: split.operationId, operatorId: "ops-2", reason: "the same person after all"))
        #expect(undo.customerCodes.first == a)
        let folded = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 3 })
        #expect(folded.value.annualisedPremium == ScoringBook.cny(1_700_000))
        let viaAlias = try #require(try await ScoringSupport.card(new, scoring) { $0.value.customerCode == a })
        #expect(viaAlias.metrics.policyCount == 3)
        let listed = try await scoring.call(ScoringAPI.listCustomers,
                                            ListCustomersRequest(order: .customerCode)).customers.map(\.customerCode)
        #expect(!listed.contains(new), "the folded code has no card of its own")
    }
}
