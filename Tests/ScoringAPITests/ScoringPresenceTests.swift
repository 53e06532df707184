import Models
import ScoringAPI
import Testing
import WireCodec

/// Where scoring.proto tells "absent" from "zero" (oneofs, message fields), the Swift types keep the difference
/// across the wire.
@Suite struct ScoringPresenceTests {
    @Test func renewalRateAndClaimsRatioOfZeroAreNotAbsent() throws {
        // 0 renewals taken of those due is not "no renewal fell due".
        let zero = try Self.overTheWire(CustomerMetrics(renewalRate: 0, claimsRatio: 0))
        #expect(zero.renewalRate == 0)
        #expect(zero.claimsRatio == 0)
        let absent = try Self.overTheWire(CustomerMetrics(renewalRate: nil, claimsRatio: nil, tenureMonths: 3))
        #expect(absent.renewalRate == nil)
        #expect(absent.claimsRatio == nil)
        #expect(absent.tenureMonths == 3)
    }

    @Test func listFiltersOfFalseOrZeroStillFilter() throws {
        let filtered = try Self.overTheWire(ListCustomersRequest(potential: false, vip: false, minValueScore: 0))
        #expect(filtered.potential == false)
        #expect(filtered.vip == false)
        #expect(filtered.minValueScore == 0)
        let any = try Self.overTheWire(ListCustomersRequest(order: .riskScoreDesc))
        #expect(any.potential == nil)
        #expect(any.vip == nil)
        #expect(any.minValueScore == nil)
        #expect(any.order == .riskScoreDesc)
    }

    @Test func thresholdKeepsWhichMemberIsSetEvenAtZero() throws {
        let number = try Self.overTheWire(Threshold(number: 0))
        #expect(number.number == 0)
        #expect(number.amount == nil)
        let amount = try Self.overTheWire(Threshold(amount: Money(minorUnits: 0, currency: "CNY")))
        #expect(amount.number == nil)
        #expect(amount.amount == Money(minorUnits: 0, currency: "CNY"))
        #expect(try Self.overTheWire(Threshold()) == Threshold())
    }

    @Test func thresholdWithBothMembersSendsTheAmountOnly() throws {
        // The proto's `oneof value` holds one member; the Swift type's documentation says which one survives.
        let money = Money(minorUnits: 1_000_000, currency: "CNY")
        let both = try Self.overTheWire(Threshold(number: 80, amount: money))
        #expect(both == Threshold(amount: money))
    }

    @Test func candidateIsTheMemberSetEvenWhenEmpty() throws {
        // An empty stored ref is a candidate (an empty id names the active rule set elsewhere); nil is none.
        let stored = try Self.overTheWire(ValidateRuleSetRequest(stored: RuleSetRef()))
        #expect(stored.stored == RuleSetRef())
        #expect(stored.ruleSet == nil)
        let unsaved = try Self.overTheWire(DryRunRuleSetRequest(ruleSet: RuleSet(), examplesPerCell: 3))
        #expect(unsaved.stored == nil)
        #expect(unsaved.ruleSet == RuleSet())
        #expect(unsaved.examplesPerCell == 3)
        let neither = try Self.overTheWire(ValidateRuleSetRequest())
        #expect(neither.stored == nil && neither.ruleSet == nil)
    }

    @Test func optionalMessagesStayAbsentOrPresent() throws {
        // "Present when asked for": an explanation asked for but empty is still there.
        let asked = try Self.overTheWire(ScoreCard(explanation: ScoreExplanation()))
        #expect(asked.explanation == ScoreExplanation())
        #expect(try Self.overTheWire(ScoreCard()).explanation == nil)
        // "Absent on the first score."
        let first = try Self.overTheWire(ScoreChanged(current: SampleBook.value, trigger: .event))
        #expect(first.previous == nil)
        #expect(first.current == SampleBook.value)
        // "Absent when deferred."
        #expect(try Self.overTheWire(ActivateRuleSetResponse(ruleSet: RuleSet(ruleSetId: "b"))).rescore == nil)
        // "Absent without claims."
        let noClaims = try Self.overTheWire(
            RiskAssessment(grade: .a, claimsPaid: Money(minorUnits: 0, currency: "CNY")))
        #expect(noClaims.claimSeverity == nil)
        // "Absent until saved": a template has no creation time.
        #expect(try Self.overTheWire(RuleSet(ruleSetId: "t", lookbackMonths: 12)).createdAt == nil)
    }

    /// `value` encoded with protobuf-c and decoded again.
    static func overTheWire<M: WireMessage>(_ value: M) throws -> M {
        try WireCodec.decode(M.self, from: WireCodec.encode(value))
    }
}
