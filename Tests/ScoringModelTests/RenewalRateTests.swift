import Models
import ScoringModel
import Testing

@Suite struct RenewalRateTests {
    @Test func countsTermRenewalsAndRenewalPremiumsAlike() {
        // 续保: P2prev ended 2024-08-31 (in the window) and P2 renews it → 1 due, 1 taken.
        // 续期: P1 #11 (due 2025-03-01, paid), P3 #56 (2024-08-01, paid), P3 #57 (2024-09-01, overdue)
        //       → 3 due, 2 taken. P1 #10 fell due before the window; P2 #1 is a one-year policy's premium.
        let count = Fixture.customer().renewalCount(in: Fixture.window)
        #expect(count == RenewalCount(termRenewalsDue: 1, termRenewalsTaken: 1, renewalPremiumsDue: 3,
                                      renewalPremiumsTaken: 2))
        #expect(Fixture.customer().renewalRate(in: Fixture.window) == Double(1 + 2) / Double(1 + 3))
    }

    @Test func instalmentsStillInGraceAreNotCountedYet() {
        // #2 paid, #3 waived (kept up), #4 refunded (not kept), #5 still due → (1 + 1) / 3.
        let policy = PolicyFact(policyKey: "SYS/M", productLine: .health, premium: fen(10_000), paymentMode: .monthly,
                                annualisedPremium: fen(120_000), effectiveDate: day("2025-02-01"))
        let payments: [PaymentFact] = [
            PaymentFact(paymentKey: "M1", policyKey: "SYS/M", instalment: 1, dueDate: day("2025-02-01"),
                        paidDate: day("2025-02-01"), amount: fen(10_000), status: .paid),
            PaymentFact(paymentKey: "M2", policyKey: "SYS/M", instalment: 2, dueDate: day("2025-03-01"),
                        paidDate: day("2025-03-01"), amount: fen(10_000), status: .paid),
            PaymentFact(paymentKey: "M3", policyKey: "SYS/M", instalment: 3, dueDate: day("2025-04-01"),
                        amount: fen(10_000), status: .waived),
            PaymentFact(paymentKey: "M4", policyKey: "SYS/M", instalment: 4, dueDate: day("2025-05-01"),
                        paidDate: day("2025-05-01"), amount: fen(10_000), status: .refunded),
            PaymentFact(paymentKey: "M5", policyKey: "SYS/M", instalment: 5, dueDate: day("2025-06-01"),
                        amount: fen(10_000), status: .due),
        ]
        let facts = CustomerFacts(customerCode: "M", policies: [policy], payments: payments)
        #expect(facts.renewalCount(in: Fixture.window)
            == RenewalCount(renewalPremiumsDue: 3, renewalPremiumsTaken: 2))
        #expect(facts.renewalRate(in: Fixture.window) == 2.0 / 3.0)
    }

    @Test func unknownInstalmentNumbersCountWhenDueAfterCoverBegan() {
        // Instalment 0 (unknown): due on the start day → the first premium; due a year later → a renewal premium.
        let policy = PolicyFact(policyKey: "SYS/U", productLine: .life, premium: fen(50_000),
                                annualisedPremium: fen(50_000), effectiveDate: day("2024-08-15"))
        let facts = CustomerFacts(customerCode: "U", policies: [policy], payments: [
            PaymentFact(paymentKey: "U1", policyKey: "SYS/U", instalment: 0, dueDate: day("2024-08-15"),
                        paidDate: day("2024-08-15"), amount: fen(50_000), status: .paid),
            PaymentFact(paymentKey: "U2", policyKey: "SYS/U", instalment: 0, dueDate: day("2025-06-15"),
                        amount: fen(50_000), status: .overdue),
        ])
        #expect(facts.renewalRate(in: Fixture.window) == 0)
    }

    @Test func oneYearPolicyEndedEarlyIsNoRenewalOpportunity() {
        // Surrendered before its end date: it never fell due for renewal.
        let facts = CustomerFacts(customerCode: "E", policies: [
            PolicyFact(policyKey: "SYS/E1", productLine: .property, premium: fen(80_000),
                       annualisedPremium: fen(80_000),
                       effectiveDate: day("2024-03-01"), endDate: day("2025-02-28"), status: .surrendered,
                       statusDate: day("2024-11-01")),
        ])
        #expect(facts.renewalRate(in: Fixture.window) == nil)
    }

    @Test func declinedRenewalIsNotTaken() {
        let facts = CustomerFacts(customerCode: "D", policies: [
            PolicyFact(policyKey: "SYS/D1", productLine: .auto, premium: fen(300_000), annualisedPremium: fen(300_000),
                       effectiveDate: day("2024-01-01"), endDate: day("2024-12-31"), status: .expired,
                       statusDate: day("2025-01-01")),
            PolicyFact(policyKey: "SYS/D2", productLine: .auto, premium: fen(300_000), annualisedPremium: fen(300_000),
                       effectiveDate: day("2025-01-01"), endDate: day("2025-12-31"), status: .declined,
                       statusDate: day("2024-12-20"), renewalOf: "SYS/D1"),
        ])
        #expect(facts.renewalRate(in: Fixture.window) == 0)
    }
}
