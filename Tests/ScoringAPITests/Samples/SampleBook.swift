import Models

/// The values of common.proto types that scoring's samples hold: one gold customer of a sample book, the rule set
/// that scored them, and a full rescore. Every field is set to something other than its default.
enum SampleBook {
    static let customerCode = "C-2019-000417"
    /// ¥12 600.00 a year.
    static let annualisedPremium = Money(minorUnits: 1_260_000, currency: "CNY")
    /// A loss-making customer's CLV is negative: the sign must survive.
    static let negativeClv = Money(minorUnits: -3_150_075, currency: "CNY")
    static let firstPolicyDate = CalendarDate(year: 2018, month: 3, day: 15)
    static let vipSince = CalendarDate(year: 2023, month: 3, day: 15)
    static let lastInteraction = CalendarDate(year: 2025, month: 5, day: 30)
    static let scoredAt = Timestamp(unixMicros: 1_748_736_000_123_456)
    static let savedAt = Timestamp(unixMicros: 1_735_689_600_000_001)

    /// The customer's verdict under `book-2025` version 3.
    static let value = CustomerValue(customerCode: customerCode, valueScore: 81.75, tier: .gold, potential: true,
                                     layer: .middle, riskGrade: .b, loyaltyScore: 66.5, vip: true,
                                     annualisedPremium: annualisedPremium,
                                     clv: Money(minorUnits: 8_845_012, currency: "CNY"), ruleSetId: "book-2025",
                                     ruleSetVersion: 3, scoredAt: scoredAt)

    /// The same customer before the last rescore: standard, under last year's rule set.
    static let previousValue = CustomerValue(customerCode: customerCode, valueScore: 77.0, tier: .standard,
                                             potential: true, layer: .base, riskGrade: .c, loyaltyScore: 60.25,
                                             vip: true, annualisedPremium: Money(minorUnits: 820_000, currency: "CNY"),
                                             clv: negativeClv, ruleSetId: "book-2024", ruleSetVersion: 7,
                                             scoredAt: Timestamp(unixMicros: 1_717_200_000_000_000))

    /// A full rescore that started after an activation and is under way.
    static let rescoreJob = Job(jobId: "rescore-20250601-01", kind: "rescore-all", state: .running,
                                requestedBy: "ops-李四", createdAt: Timestamp(unixMicros: 1_748_736_000_000_000),
                                startedAt: Timestamp(unixMicros: 1_748_736_001_000_000),
                                finishedAt: Timestamp(unixMicros: 1_748_736_900_000_000), itemsTotal: 2_100,
                                itemsDone: 1_532, itemsFailed: 3, message: "3 customers without facts: 跳过")

    static let pageRequest = PageRequest(pageSize: 50, pageToken: "after:C-2019-000416")
    static let pageResponse = PageResponse(nextPageToken: "after:C-2019-000466", totalCount: 10_000_000_001)
    /// What an absent page decodes to: `PageResponse()` says -1 ("cannot tell"), which the wire carries only when
    /// set.
    static let absentPage = PageResponse(nextPageToken: "", totalCount: 0)
}
