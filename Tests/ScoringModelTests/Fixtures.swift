import Models
import ScoringModel

/// A date from "YYYY-MM-DD".
func day(_ text: String) -> CalendarDate {
    let parts = text.split(separator: "-").map { Int32($0)! }
    return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
}

/// An amount in 分 (CNY minor units).
func fen(_ minorUnits: Int64) -> Money {
    Money(minorUnits: minorUnits, currency: "CNY")
}

/// The hand-worked book the tests share. Everything is scored as of 2025-06-30 with a 12-month look-back, so the
/// window runs 2024-07-01 ... 2025-06-30: 365 days (no 29 February inside).
enum Fixture {
    static let asOf = day("2025-06-30")
    static let settings = MetricSettings(asOf: asOf, lookbackMonths: 12)
    static let window = settings.window

    /// 中年男客户 "C1", born 1980, occupation class 3, smokes.
    /// Policies (all "SYS/..."):
    /// - P1 life, annual 12,000.00 (annualised 1,200,000 分), 20-year premium term, in force since 2015-03-01.
    /// - P2 auto, one year 2024-09-01 ... 2025-08-31, 3,650.00, in force, renews P2prev.
    /// - P2prev auto, 2023-09-01 ... 2024-08-31, 3,285.00, expired.
    /// - P3 health, monthly 100.00 (annualised 120,000 分), since 2020-01-01, lapsed on 2024-10-01.
    /// - P4 life on which C1 is only the insured (annualised 500,000 分), in force since 2018-01-01.
    static func customer() -> CustomerFacts {
        CustomerFacts(
            customerCode: "C1",
            profile: DeclaredProfile(kind: .individual, birthYear: 1980, sex: .male, occupationClass: 3,
                                     declaredHabits: [.smoking], province: "广东", city: "广州"),
            policies: [
                PolicyFact(policyKey: "SYS/P1", productLine: .life, premium: fen(1_200_000), paymentMode: .annual,
                           annualisedPremium: fen(1_200_000), premiumTermYears: 20, effectiveDate: day("2015-03-01")),
                PolicyFact(policyKey: "SYS/P2", productLine: .auto, premium: fen(365_000), paymentMode: .annual,
                           annualisedPremium: fen(365_000), effectiveDate: day("2024-09-01"),
                           endDate: day("2025-08-31"), renewalOf: "SYS/P2prev"),
                PolicyFact(policyKey: "SYS/P2prev", productLine: .auto, premium: fen(328_500), paymentMode: .annual,
                           annualisedPremium: fen(328_500), effectiveDate: day("2023-09-01"),
                           endDate: day("2024-08-31"), status: .expired, statusDate: day("2024-09-01")),
                PolicyFact(policyKey: "SYS/P3", productLine: .health, premium: fen(10_000), paymentMode: .monthly,
                           annualisedPremium: fen(120_000), effectiveDate: day("2020-01-01"), status: .lapsed,
                           statusDate: day("2024-10-01")),
                PolicyFact(policyKey: "SYS/P4", productLine: .life, roles: [.insured], premium: fen(500_000),
                           annualisedPremium: fen(500_000), effectiveDate: day("2018-01-01")),
            ],
            payments: [
                PaymentFact(paymentKey: "SYS/P1-10", policyKey: "SYS/P1", instalment: 10, dueDate: day("2024-03-01"),
                            paidDate: day("2024-02-25"), amount: fen(1_200_000), status: .paid),
                PaymentFact(paymentKey: "SYS/P1-11", policyKey: "SYS/P1", instalment: 11, dueDate: day("2025-03-01"),
                            paidDate: day("2025-02-20"), amount: fen(1_200_000), status: .paid),
                PaymentFact(paymentKey: "SYS/P2-1", policyKey: "SYS/P2", instalment: 1, dueDate: day("2024-09-01"),
                            paidDate: day("2024-08-28"), amount: fen(365_000), status: .paid),
                PaymentFact(paymentKey: "SYS/P3-56", policyKey: "SYS/P3", instalment: 56, dueDate: day("2024-08-01"),
                            paidDate: day("2024-08-01"), amount: fen(10_000), status: .paid),
                PaymentFact(paymentKey: "SYS/P3-57", policyKey: "SYS/P3", instalment: 57, dueDate: day("2024-09-01"),
                            amount: fen(10_000), status: .overdue),
            ],
            claims: [
                // Paid on a held policy inside the window.
                ClaimFact(claimKey: "SYS/K1", policyKey: "SYS/P2", productLine: .auto, reportedDate: day("2024-12-20"),
                          closedDate: day("2025-01-15"), claimedAmount: fen(900_000), paidAmount: fen(800_000),
                          status: .paid),
                // Declined: pays nothing, still a claim made.
                ClaimFact(claimKey: "SYS/K2", policyKey: "SYS/P1", productLine: .life, reportedDate: day("2025-02-01"),
                          closedDate: day("2025-03-01"), claimedAmount: fen(5_000_000), status: .declined),
                // On P4, where C1 is only insured: risk counts it, the claims ratio does not.
                ClaimFact(claimKey: "SYS/K3", policyKey: "SYS/P4", productLine: .life, reportedDate: day("2025-03-01"),
                          closedDate: day("2025-03-10"), claimedAmount: fen(200_000), paidAmount: fen(200_000),
                          status: .paid),
                // Long before the window, flagged as suspected fraud.
                ClaimFact(claimKey: "SYS/K4", policyKey: "SYS/P3", productLine: .health,
                          reportedDate: day("2023-04-01"),
                          closedDate: day("2023-05-01"), claimedAmount: fen(100_000), paidAmount: fen(100_000),
                          status: .paid, fraudFlag: true),
            ],
            serviceUsage: [
                ServiceUsageFact(usageKey: "U1", serviceCode: "HC", serviceName: "health check-up",
                                 usedOn: day("2024-08-10")),
                ServiceUsageFact(usageKey: "U2", serviceCode: "HC", serviceName: "health check-up",
                                 usedOn: day("2025-04-02")),
                ServiceUsageFact(usageKey: "U3", serviceCode: "RA", serviceName: "roadside assistance",
                                 usedOn: day("2025-01-05")),
                ServiceUsageFact(usageKey: "U4", serviceCode: "GC", serviceName: "green channel",
                                 usedOn: day("2023-12-01")),
            ],
            interactions: [
                InteractionFact(interactionKey: "I1", kind: .appLogin, channel: .app, occurredOn: day("2025-06-01")),
                InteractionFact(interactionKey: "I2", kind: .callCentreContact, channel: .phone,
                                occurredOn: day("2025-02-10")),
                InteractionFact(interactionKey: "I3", kind: .referral, channel: .agent, occurredOn: day("2024-11-11"),
                                referredCustomerCode: "C9"),
                InteractionFact(interactionKey: "I4", kind: .referral, channel: .wechat, occurredOn: day("2025-05-05"),
                                referredCustomerCode: "C9"),
                InteractionFact(interactionKey: "I5", kind: .referral, channel: .agent, occurredOn: day("2025-03-03")),
                // One day before the window opens.
                InteractionFact(interactionKey: "I6", kind: .complaint, channel: .branch,
                                occurredOn: day("2024-06-30")),
            ])
    }

    /// "C2": one life policy, annualised 435,000 分.
    static func smallLifeCustomer() -> CustomerFacts {
        CustomerFacts(customerCode: "C2", policies: [
            PolicyFact(policyKey: "SYS/Q1", productLine: .life, premium: fen(435_000), annualisedPremium: fen(435_000),
                       effectiveDate: day("2022-05-01")),
        ])
    }

    /// "C4": one auto policy, annualised 500,000 分.
    static func autoCustomer() -> CustomerFacts {
        CustomerFacts(customerCode: "C4", policies: [
            PolicyFact(policyKey: "SYS/R1", productLine: .auto, premium: fen(500_000), annualisedPremium: fen(500_000),
                       effectiveDate: day("2025-01-01"), endDate: day("2025-12-31")),
        ])
    }

    /// "C3": known to identity, no business at all.
    static func prospect() -> CustomerFacts {
        CustomerFacts(customerCode: "C3", profile: DeclaredProfile(kind: .individual, birthYear: 1995, sex: .female))
    }
}
