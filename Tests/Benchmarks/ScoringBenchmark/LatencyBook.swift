import Foundation
import IdentityAPI
import Models

/// The customers of the feed-latency part, as source records for identity: `count` distinct persons of source
/// system BENCH, each with a valid resident ID of their own (two different valid ID numbers never merge, so every
/// record becomes a customer), and one whole-life policy each, paid monthly, so that every customer has a card
/// before the timed stream starts.
struct LatencyBook: Sendable {
    let count: Int
    /// The day scored as of, in days since 1970.
    let asOf: Int

    static let system = "BENCH"

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    private static let givenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
                                     "秀英", "建华", "志强", "晓东", "丽娟", "海燕"]
    private static let regions = ["110105", "310115", "440106", "440305", "330106", "320102", "510107", "420106",
                                  "370202", "610113"]

    /// The party record of customer `k`.
    func party(_ k: Int) -> PartyRecord {
        let male = k % 2 == 1
        let birth = BenchDay.days(year: 1960, month: 1, day: 1) + (k / 10) % 15_000
        let date = BenchDay.calendar(birth)
        let sequence = 2 * ((k / 150_000) % 500) + (male ? 1 : 0)
        let prefix = Self.regions[k % 10]
            + String(format: "%04d%02d%02d%03d", date.year, date.month, date.day, sequence)
        let name = String(Self.surnames[k % Self.surnames.count])
            + Self.givenNames[(k / Self.surnames.count) % Self.givenNames.count]
        return PartyRecord(
            ref: SourceRef(sourceSystem: Self.system, sourceKey: "P\(k)"), sourceVersion: 1,
            details: PartyDetails(kind: .individual, fullName: name, documentType: .residentId,
                                  documentNumber: Self.residentID(prefix), birthDate: date,
                                  sex: male ? .male : .female, phones: [String(format: "139%08d", k % 100_000_000)],
                                  addressLines: ["测试路\(k % 999 + 1)号"], occupationClass: Int32(k % 4 + 1)))
    }

    /// The policy every customer holds before the stream starts.
    func basePolicy(_ k: Int) -> PolicyRecord {
        let effective = asOf - 400 - (k % 3_000)
        return PolicyRecord(
            ref: SourceRef(sourceSystem: Self.system, sourceKey: "POL\(k)"), sourceVersion: 1, productLine: .life,
            productCode: "WL20", parties: holder(k), premium: Money(minorUnits: 50_000, currency: "CNY"),
            paymentMode: .monthly, issueDate: BenchDay.calendar(effective - 5),
            effectiveDate: BenchDay.calendar(effective), status: .inForce)
    }

    /// Customer `k` as the policyholder.
    func holder(_ k: Int) -> [PolicyParty] {
        [PolicyParty(party: SourceRef(sourceSystem: Self.system, sourceKey: "P\(k)"), role: .policyholder,
                     relationToPolicyholder: .self)]
    }

    /// A valid 18-digit resident ID number: `prefix` (17 digits) and its ISO 7064 MOD 11-2 check character.
    static func residentID(_ prefix: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(prefix.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        return prefix + String(Array("10X98765432")[sum % 11])
    }
}
