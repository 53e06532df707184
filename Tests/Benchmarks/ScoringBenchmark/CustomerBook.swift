import IdentityAPI
import Models
import Store

/// A generated insurance book, customer by customer: what each customer's rows in scoring's fact tables look like
/// after identity's feed has been applied for years.
///
/// Customer `index` is a function of the seed and the index alone (`SeededGenerator(seed:index:)`), so chunks can be
/// generated in any order by any worker. Family members, beneficiaries and referred customers are other customers
/// of the same book (neighbouring indices), so every code a row names is a customer the book has.
///
/// The shape, per customer: 97% persons and 3% organisations; one to four products (50/30/14/6%) across life,
/// health, auto and property; life policies long-term, paid monthly, quarterly, annually or as a single premium,
/// some lapsed or surrendered; health, auto and property one-year terms renewed year after year (`renewal_of`),
/// some not renewed at the last end date; the premiums of the last thirteen months; a few claims, paid, declined or
/// open, some flagged as suspected fraud; policy servicing (保全); value-added services; interactions over app,
/// phone, web, agent, branch, WeChat, SMS, e-mail and post, referrals among them.
struct CustomerBook: Sendable {
    let customers: Int
    let seed: UInt64
    /// The day scored as of, in days since 1970.
    let asOf: Int

    /// One generated policy term, as the premium, claim and servicing generators need it.
    struct Policy {
        var key: String
        var line: ProductLine
        var holder: String
        /// The insured when it is another customer (a spouse, child or parent).
        var otherInsured: String?
        var mode: PaymentMode
        var premium: Int64
        var effective: Int
        var end: Int?
        var status: PolicyStatus
        var statusDate: Int?
        var shortTerm: Bool
    }

    /// Mutable state while one customer is generated: the generator, the rows' feed positions.
    struct Draft {
        let index: Int
        let code: String
        var random: SeededGenerator
        var position: Int64

        /// The next feed position: each row was written by an event of its own.
        mutating func nextPosition() -> Int64 {
            position += 1
            return position
        }
    }

    /// The customer code of customer `index`: identity's format (`C`, ten Crockford base-32 digits, a check
    /// character), scrambled by a bijection of the 50-bit index so that code order is not generation order.
    func code(_ index: Int) -> String {
        let wrapped = UInt64((index % customers + customers) % customers)
        let mask: UInt64 = (1 << 50) - 1
        var x = (wrapped &* 0x2545_F491_4F6C_DD1D) & mask
        x ^= x >> 23
        x = (x &* 0x1_0000_01B3) & mask
        return CustomerCodeText.code(digits: (0..<10).map { Int((x >> (45 - 5 * UInt64($0))) & 31) })
    }

    /// Adds customer `index`'s rows to `batch`.
    func generate(_ index: Int, into batch: inout FactBatch) {
        var draft = Draft(index: index, code: code(index), random: SeededGenerator(seed: seed, index: index),
                          position: Int64(index) * 1_000)
        let organisation = draft.random.chance(0.03)
        addProfile(&draft, organisation: organisation, into: &batch)
        let products = draft.random.pick([1: 0.50, 2: 0.30, 3: 0.14, 4: 0.06] as KeyValuePairs)
        var policies: [Policy] = []
        for product in 0..<products {
            policies += addPolicies(&draft, product: product, organisation: organisation, into: &batch)
        }
        for policy in policies {
            addPremiums(&draft, policy, into: &batch)
            addClaims(&draft, policy, into: &batch)
            addServicing(&draft, policy, into: &batch)
        }
        addServiceUsage(&draft, policies, into: &batch)
        addInteractions(&draft, into: &batch)
    }

    private func addProfile(_ draft: inout Draft, organisation: Bool, into batch: inout FactBatch) {
        var habits: [DeclaredHabit] = []
        if !organisation {
            if draft.random.chance(0.18) { habits.append(.smoking) }
            if draft.random.chance(0.05) { habits.append(.heavyDrinking) }
            if draft.random.chance(0.03) { habits.append(.hazardousSports) }
            if draft.random.chance(0.02) { habits.append(.hazardousTravel) }
        }
        let place = draft.random.any(Self.places)
        let occupation = organisation ? 0 : draft.random.pick([1: 0.35, 2: 0.25, 3: 0.18, 4: 0.12, 5: 0.06, 6: 0.04]
                                                                  as KeyValuePairs)
        let sex: Sex = organisation ? .unspecified : draft.random.chance(0.5) ? .male : .female
        batch.add(.profile, [
            .text(draft.code), .text((organisation ? PartyKind.organisation : .individual).rawValue),
            .int(organisation ? 0 : Int64(draft.random.int(1945...2005))), .text(sex.rawValue), .int(Int64(occupation)),
            .text("{" + habits.map(\.rawValue).joined(separator: ",") + "}"), .text(place.province), .text(place.city),
            .text(""), .int(draft.nextPosition()),
        ])
    }

    private static let places: [(province: String, city: String)] = [
        ("北京市", "北京市"), ("上海市", "上海市"), ("广东省", "广州市"), ("广东省", "深圳市"), ("浙江省", "杭州市"),
        ("江苏省", "南京市"), ("江苏省", "苏州市"), ("四川省", "成都市"), ("湖北省", "武汉市"), ("山东省", "青岛市"),
        ("陕西省", "西安市"), ("福建省", "厦门市"),
    ]
}
