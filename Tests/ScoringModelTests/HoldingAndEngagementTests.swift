import Models
import ScoringModel
import Testing

@Suite struct HoldingAndEngagementTests {
    @Test func policyCountAndProductLinesOfHeldPoliciesInForce() {
        // In force and held: P1 (life), P2 (auto). P4 is life too but C1 is only its insured.
        let facts = Fixture.customer()
        #expect(facts.policyCount(asOf: Fixture.asOf) == 2)
        #expect(facts.productLines(asOf: Fixture.asOf) == [.life, .auto])
        #expect(facts.productLineCount(asOf: Fixture.asOf) == 2)
    }

    @Test func serviceUsageDepthCountsDistinctServicesInTheWindow() {
        // In the window: U1 HC, U2 HC, U3 RA (U4 was in 2023) → 3 uses of 2 services.
        let facts = Fixture.customer()
        #expect(facts.serviceUses(in: Fixture.window) == 3)
        #expect(facts.serviceUsageDepth(in: Fixture.window) == 2)
    }

    @Test func serviceWithoutCodeIsKnownByName() {
        let facts = CustomerFacts(customerCode: "S", serviceUsage: [
            ServiceUsageFact(usageKey: "a", serviceCode: "", serviceName: "dental", usedOn: day("2025-01-01")),
            ServiceUsageFact(usageKey: "b", serviceCode: "", serviceName: "dental", usedOn: day("2025-02-01")),
            ServiceUsageFact(usageKey: "c", serviceCode: "", serviceName: "eye test", usedOn: day("2025-03-01")),
        ])
        #expect(facts.serviceUsageDepth(in: Fixture.window) == 2)
    }

    @Test func referralsCountEachReferredCustomerOnce() {
        // I3 and I4 both refer C9 → 1; I5 names nobody → 1 more.
        #expect(Fixture.customer().referralCount(in: Fixture.window) == 2)
    }

    @Test func engagementCountsDistinctChannelsInTheWindow() {
        // I1 app, I2 phone, I3 agent, I4 WeChat, I5 agent; I6 (branch) is a day before the window.
        let facts = Fixture.customer()
        #expect(facts.interactionCount(in: Fixture.window) == 5)
        #expect(facts.channelsUsed(in: Fixture.window) == [.phone, .app, .wechat, .agent])
        #expect(facts.engagementChannels(in: Fixture.window) == 4)
    }

    @Test func monthsSinceTheLastInteraction() {
        // Last: 2025-06-01 → 2025-06-30 is under a month.
        #expect(Fixture.customer().lastInteractionDate(asOf: Fixture.asOf) == day("2025-06-01"))
        #expect(Fixture.customer().monthsSinceInteraction(asOf: Fixture.asOf) == 0)
        // Only I6 (2024-06-30): exactly 12 months.
        let onlyComplaint = CustomerFacts(customerCode: "Q", interactions: [Fixture.customer().interactions[5]])
        #expect(onlyComplaint.monthsSinceInteraction(asOf: Fixture.asOf) == 12)
        #expect(Fixture.prospect().monthsSinceInteraction(asOf: Fixture.asOf) == nil)
    }
}
