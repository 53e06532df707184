import IdentityAPI
import Models

/// The small book the end-to-end tests send to identity, and what scoring must make of it, scored as of
/// 2025-06-30 (`CLM_SCORING_AS_OF`) with the default twelve-month look-back, 2024-07-01 … 2025-06-30 (365 days).
///
/// Customer A (王芳, SALES/P1, with a resident ID):
/// - SALES/POL-A1, life, policyholder, 1,000.00 a month (12,000.00 a year), in force since 2020-01-15, whole life;
/// - SALES/POL-A2, health, policyholder, 3,000.00 a year, in force 2024-09-01 … 2025-08-31 (one year);
/// - SALES/PAY-A1 (instalment 60 of POL-A1, due 2025-01-15) paid, SALES/PAY-A2 (instalment 61, due 2025-02-15)
///   overdue;
/// - SALES/CLM-A1 on POL-A2, reported 2025-03-01, paid 1,500.00;
/// - SALES/SU-A1: health check-up HC01 used 2025-05-01; SALES/INT-A1: an app login on 2025-06-01.
///
/// Customer B (李雷, AUTO/P9, no identity document, so an operator may merge the two):
/// - AUTO/POL-B1, auto, policyholder, 4,800.00 a year, in force 2025-01-01 … 2025-12-31;
/// - AUTO/CLM-B1 on POL-B1, reported 2025-04-10, paid 6,000.00, flagged as suspected fraud.
enum ScoringBook {
    static let asOf = "2025-06-30"

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: "CNY") }
    static func day(_ year: Int32, _ month: Int32, _ day: Int32) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)
    }

    /// A valid 18-digit resident ID number: `prefix` (17 digits) and its ISO 7064 MOD 11-2 check character.
    static func residentID(_ prefix: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(prefix.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        return prefix + String(Array("10X98765432")[sum % 11])
    }

    static let partyA = PartyRecord(
        ref: SourceRef(sourceSystem: "SALES", sourceKey: "P1"), sourceVersion: 1,
        details: PartyDetails(kind: .individual, fullName: "王芳", documentType: .residentId,
                              documentNumber: residentID("11010519800315002"), birthDate: day(1980, 3, 15),
                              sex: .female, phones: ["13800138000"], addressLines: ["北京市朝阳区建国路88号"],
                              occupationClass: 2))
    static let partyB = PartyRecord(
        ref: SourceRef(sourceSystem: "AUTO", sourceKey: "P9"), sourceVersion: 1,
        details: PartyDetails(kind: .individual, fullName: "李雷", birthDate: day(1992, 11, 2), sex: .male,
                              phones: ["13912345678"], addressLines: ["上海市浦东新区世纪大道100号"]))

    static func holder(_ system: String, _ key: String) -> [PolicyParty] {
        [PolicyParty(party: SourceRef(sourceSystem: system, sourceKey: key), role: .policyholder,
                     relationToPolicyholder: .self)]
    }

    static let policies = [
        PolicyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-A1"), sourceVersion: 1, productLine: .life,
                     productCode: "WL01", parties: holder("SALES", "P1"), premium: cny(100_000), paymentMode: .monthly,
                     issueDate: day(2020, 1, 10), effectiveDate: day(2020, 1, 15), status: .inForce),
        PolicyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-A2"), sourceVersion: 1,
                     productLine: .health, productCode: "MED1", parties: holder("SALES", "P1"), premium: cny(300_000),
                     paymentMode: .annual, issueDate: day(2024, 8, 25), effectiveDate: day(2024, 9, 1),
                     endDate: day(2025, 8, 31), status: .inForce),
        PolicyRecord(ref: SourceRef(sourceSystem: "AUTO", sourceKey: "POL-B1"), sourceVersion: 1, productLine: .auto,
                     productCode: "CAR1", parties: holder("AUTO", "P9"), premium: cny(480_000), paymentMode: .annual,
                     issueDate: day(2024, 12, 20), effectiveDate: day(2025, 1, 1), endDate: day(2025, 12, 31),
                     status: .inForce),
    ]

    static let payments = [
        PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-A1"), sourceVersion: 1,
                      policyNumber: "POL-A1", instalment: 60, dueDate: day(2025, 1, 15), paidDate: day(2025, 1, 14),
                      amount: cny(100_000), status: .paid),
        PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-A2"), sourceVersion: 1,
                      policyNumber: "POL-A1", instalment: 61, dueDate: day(2025, 2, 15), amount: cny(100_000),
                      status: .overdue),
    ]

    static let claims = [
        ClaimRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "CLM-A1"), sourceVersion: 1,
                    policyNumber: "POL-A2", claimant: SourceRef(sourceSystem: "SALES", sourceKey: "P1"),
                    incidentDate: day(2025, 2, 20), reportedDate: day(2025, 3, 1), closedDate: day(2025, 3, 20),
                    claimedAmount: cny(180_000), paidAmount: cny(150_000), status: .paid),
        ClaimRecord(ref: SourceRef(sourceSystem: "AUTO", sourceKey: "CLM-B1"), sourceVersion: 1,
                    policyNumber: "POL-B1", claimant: SourceRef(sourceSystem: "AUTO", sourceKey: "P9"),
                    incidentDate: day(2025, 4, 8), reportedDate: day(2025, 4, 10), closedDate: day(2025, 5, 6),
                    claimedAmount: cny(650_000), paidAmount: cny(600_000), status: .paid, fraudFlag: true),
    ]

    static let serviceUsage = [
        ServiceUsageRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "SU-A1"), sourceVersion: 1,
                           party: SourceRef(sourceSystem: "SALES", sourceKey: "P1"), policyNumber: "POL-A2",
                           serviceCode: "HC01", serviceName: "health check-up", usedOn: day(2025, 5, 1)),
    ]

    /// 2025-06-01T02:00:00Z (1,748,736,000 s is 2025-06-01T00:00Z): 10:00 on 2025-06-01 in the book's UTC+8.
    static let interactions = [
        InteractionRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "INT-A1"), sourceVersion: 1,
                          party: SourceRef(sourceSystem: "SALES", sourceKey: "P1"), type: .appLogin, channel: .app,
                          occurredAt: Timestamp(unixMicros: (1_748_736_000 + 7_200) * 1_000_000)),
    ]
}
