import Models
import ScoringAPI
import ScoringModel
import Testing

/// One person whose records identity first resolved to two customers: "A" holds an auto policy renewed every
/// year from 2019-10-01 to 2024-09-30 (A1 ... A5); "B" holds its renewal B1 (2024-10-01 ... 2025-09-30). Identity
/// then merges A into B mid-history.
@Suite struct MergeTests {
    private static func autoPolicy(_ key: String, from start: String, to end: String, status: PolicyFact.Status,
                                   renewing previous: String = "", roles: PolicyFact.Roles = [.policyholder])
        -> PolicyFact
    {
        PolicyFact(policyKey: key, productLine: .auto, roles: roles, premium: fen(400_000),
                   annualisedPremium: fen(400_000), effectiveDate: day(start), endDate: day(end), status: status,
                   renewalOf: previous)
    }

    private static func customerA() -> CustomerFacts {
        CustomerFacts(
            customerCode: "A",
            profile: DeclaredProfile(birthYear: 1985, sex: .female, occupationClass: 2),
            policies: [
                autoPolicy("SYS/A1", from: "2019-10-01", to: "2020-09-30", status: .expired),
                autoPolicy("SYS/A2", from: "2020-10-01", to: "2021-09-30", status: .expired, renewing: "SYS/A1"),
                autoPolicy("SYS/A3", from: "2021-10-01", to: "2022-09-30", status: .expired, renewing: "SYS/A2"),
                autoPolicy("SYS/A4", from: "2022-10-01", to: "2023-09-30", status: .expired, renewing: "SYS/A3"),
                autoPolicy("SYS/A5", from: "2023-10-01", to: "2024-09-30", status: .expired, renewing: "SYS/A4"),
                // A is the insured on a health policy B holds: the same policy seen from the other code.
                PolicyFact(policyKey: "SYS/H1", productLine: .health, roles: [.insured], premium: fen(60_000),
                           annualisedPremium: fen(60_000), effectiveDate: day("2023-01-01")),
            ],
            interactions: [
                InteractionFact(interactionKey: "IA", kind: .branchVisit, channel: .branch,
                                occurredOn: day("2024-08-01")),
                InteractionFact(interactionKey: "ISHARED", kind: .callCentreContact, channel: .phone,
                                occurredOn: day("2025-01-01"), sourceVersion: 1),
            ])
    }

    private static func customerB() -> CustomerFacts {
        CustomerFacts(
            customerCode: "B",
            policies: [
                autoPolicy("SYS/B1", from: "2024-10-01", to: "2025-09-30", status: .inForce, renewing: "SYS/A5"),
                PolicyFact(policyKey: "SYS/H1", productLine: .health, roles: [.policyholder], premium: fen(60_000),
                           annualisedPremium: fen(60_000), effectiveDate: day("2023-01-01")),
            ],
            interactions: [
                InteractionFact(interactionKey: "IB", kind: .appLogin, channel: .app, occurredOn: day("2025-05-01")),
                // A newer version of the record A also has: it moved to WeChat.
                InteractionFact(interactionKey: "ISHARED", kind: .callCentreContact, channel: .wechat,
                                occurredOn: day("2025-01-01"), sourceVersion: 2),
            ])
    }

    @Test func apartEachCodeSeesHalfTheHistory() {
        let a = Self.customerA()
        let b = Self.customerB()
        // A: A5 ended 2024-09-30 in the window and nothing A holds renews it → 0 of 1; no cover today.
        #expect(a.renewalRate(in: Fixture.window) == 0)
        #expect(a.continuousTenureMonths(asOf: Fixture.asOf) == 0)
        #expect(a.tenureMonths(asOf: Fixture.asOf) == 68)  // 2019-10-01 → 2025-06-30
        #expect(a.policyCount(asOf: Fixture.asOf) == 0)
        // B: H1 since 2023-01-01 and B1 since 2024-10-01 → continuous since 2023-01-01 = 29 months; B1 ends
        // after the window → no renewal due.
        #expect(b.renewalRate(in: Fixture.window) == nil)
        #expect(b.continuousTenureMonths(asOf: Fixture.asOf) == 29)
        #expect(b.annualisedPremium(asOf: Fixture.asOf, currency: "CNY") == fen(400_000 + 60_000))
    }

    @Test func mergedFactsGiveTheMetricsOfTheCombinedHistory() {
        let merged = Self.customerB().merged(with: Self.customerA())
        #expect(merged.customerCode == "B")
        // Seven distinct policies: A1–A5, B1, H1 (held by B, insured A: one person, both roles).
        #expect(merged.policies.count == 7)
        #expect(merged.policies.first { $0.policyKey == "SYS/H1" }?.roles == [.policyholder, .insured])
        // B1 renews A5 → 1 of 1.
        #expect(merged.renewalRate(in: Fixture.window) == 1)
        // A1 ... A5, B1 follow day after day (and H1 overlaps): unbroken since 2019-10-01 → 68 months, so the
        // customer is a VIP (≥ 60), since 2019-10-01 + 60 months = 2024-10-01.
        #expect(merged.continuousCoverStart(asOf: Fixture.asOf) == day("2019-10-01"))
        #expect(merged.continuousTenureMonths(asOf: Fixture.asOf) == 68)
        #expect(merged.tenureMonths(asOf: Fixture.asOf) == 68)
        let loyalty = LoyaltyAssessment(facts: merged, settings: Fixture.settings)
        #expect(loyalty.vip)
        #expect(loyalty.vipSince == day("2024-10-01"))
        // In force and held: B1 (auto 400,000) and H1 (health 60,000).
        #expect(merged.policyCount(asOf: Fixture.asOf) == 2)
        #expect(merged.annualisedPremium(asOf: Fixture.asOf, currency: "CNY") == fen(460_000))
        // Interactions: IA (branch), IB (app), ISHARED once at version 2 (WeChat, not phone) → 3 channels.
        #expect(merged.interactions.count == 3)
        #expect(merged.channelsUsed(in: Fixture.window) == [.app, .wechat, .branch])
        // Earned in the window: A5 2024-07-01 ... 2024-09-30 (92 days), B1 2024-10-01 ... 2025-06-30 (273 days),
        // H1 the whole window (365) → 400,000 × (92 + 273)/365 + 60,000 = 460,000.
        #expect(abs(merged.earnedPremium(in: Fixture.window, currency: "CNY") - 460_000) < 1e-6)
        // The survivor had no profile: the merged customer takes A's.
        #expect(merged.profile?.birthYear == 1985)
    }

    @Test func mergingIsTheSameAsHavingHeldEverythingUnderOneCode() {
        let merged = Self.customerB().merged(with: Self.customerA())
        let oneCode = CustomerFacts(
            customerCode: "B", profile: Self.customerA().profile,
            policies: Self.customerB().policies.map { policy in
                var policy = policy
                if policy.policyKey == "SYS/H1" { policy.roles = [.policyholder, .insured] }
                return policy
            } + Self.customerA().policies.filter { $0.policyKey != "SYS/H1" },
            interactions: [Self.customerB().interactions[0], Self.customerB().interactions[1],
                           Self.customerA().interactions[0]])
        let book = BookStatistics.measure([merged], settings: Fixture.settings)
        #expect(CustomerAssessment(facts: merged, settings: Fixture.settings, book: book)
            == CustomerAssessment(facts: oneCode, settings: Fixture.settings, book: book))
    }

    @Test func theSurvivorsProfileAfterTheMergeWins() {
        let profile = DeclaredProfile(birthYear: 1984, sex: .female, occupationClass: 1)
        let merged = Self.customerA().merged(with: Self.customerB(), profile: profile)
        #expect(merged.profile == profile)
        #expect(merged.customerCode == "A")
    }
}
