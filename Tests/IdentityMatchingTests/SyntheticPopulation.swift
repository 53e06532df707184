import Foundation
import IdentityMatching
import Models

/// A synthetic population of people, each written one to three times with the errors real source systems make:
/// typos, nicknames and initials, day and month swapped, missing and shared (agent) phones, moved addresses.
struct SyntheticPopulation {
    var records: [MatchRecord] = []
    /// Person index by record id.
    var truth: [Int: Int] = [:]

    static let agentPhone = "13900000001"
    static let busyAgentPhone = "13900000002"

    static let nicknames: [String: String] = [
        "robert": "bob", "william": "bill", "elizabeth": "liz", "margaret": "peggy", "james": "jim",
        "john": "jack", "katherine": "kate", "michael": "mike", "richard": "rick", "thomas": "tom",
        "jennifer": "jen", "christopher": "chris", "patricia": "trish", "daniel": "dan", "susan": "sue",
    ]
    static let givenNames = Array(nicknames.keys).sorted() + [
        "olivia", "amelia", "isla", "ava", "mia", "grace", "chloe", "ella", "lucy", "ruby", "sophie", "zoe",
        "noah", "oliver", "jack", "leo", "henry", "charlie", "max", "lucas", "ethan", "liam", "oscar", "harry",
        "anna", "emma", "hannah", "laura", "sarah", "rachel", "claire", "helen", "julia", "karen", "linda",
        "mark", "paul", "peter", "simon", "steven", "andrew", "david", "george", "edward", "frank", "gary",
        "wei", "fang", "min", "jun", "ling", "hui", "yan", "xin", "priya", "arjun", "ravi", "anita", "omar",
    ]
    static let syllables = ["ka", "mor", "ten", "bri", "son", "ley", "har", "wick", "dal", "ton", "ber", "ing",
                            "ham", "ford", "ell", "ros", "vin", "gat", "lo", "mer", "stan", "ack", "cot", "nel"]
    static let streets = ["high", "station", "church", "park", "victoria", "green", "manor", "kings", "queens",
                          "mill", "school", "north", "south", "west", "east", "bridge", "albert", "london"]
    static let streetKinds = ["street", "road", "avenue", "lane", "close", "drive"]

    init(people: Int, seed: UInt64) {
        var random = TestRandom(seed: seed)
        // Surnames from syllables give a few thousand distinct names with a skewed (Zipf-like) use.
        let surnames = (0..<3_000).map { _ in
            (0..<random.int(2...3)).map { _ in Self.syllables[random.int(0..<Self.syllables.count)] }.joined()
        }
        var nextID = 1
        for person in 0..<people {
            let given = Self.givenNames[random.zipf(Self.givenNames.count)]
            let family = surnames[random.zipf(surnames.count)]
            let year = random.int(1940...2004), month = random.int(1...12), day = random.int(1...28)
            let birth = Self.date(year, month, day)
            let phone = "13" + String(random.int(100_000_000...999_999_999))
            let email = "\(given).\(family)\(random.int(1...99))@mail\(random.int(1...5)).example"
            let street = "\(random.int(1...250)) \(Self.streets.randomElement(using: &random.generator)!) "
                + Self.streetKinds.randomElement(using: &random.generator)!
            let postcode = String(random.int(2000...7999))
            let sex = random.chance(0.5) ? "f" : "m"
            let copies = random.int(1...3)
            for copy in 0..<copies {
                var fields: [String: [String]] = [:]
                let noisy = copy > 0
                fields["given_name"] = [noisy ? Self.varyGiven(given, &random) : given]
                fields["family_name"] = [noisy && random.chance(0.12) ? random.typo(family) : family]
                if !noisy || !random.chance(0.05) {
                    fields["birth_date"] = [noisy ? Self.varyDate(year, month, day, &random) : birth]
                }
                var phones: [String] = []
                if !noisy || !random.chance(0.25) { phones.append(noisy && random.chance(0.05) ? random.typo(phone) : phone) }
                // Agents often put their own phone on their customers' records.
                if random.chance(0.15) { phones.append(Self.busyAgentPhone) } else if random.chance(0.04) {
                    phones.append(Self.agentPhone)
                }
                fields["phone"] = phones
                if !noisy || random.chance(0.6) { fields["email"] = [email] }
                if !noisy || !random.chance(0.1) {
                    fields["address"] = [noisy && random.chance(0.15) ? random.typo(street) : street]
                    fields["postcode"] = [postcode]
                }
                fields["sex"] = [sex]
                records.append(MatchRecord(id: nextID, fields: fields))
                truth[nextID] = person
                nextID += 1
            }
        }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func varyGiven(_ given: String, _ random: inout TestRandom) -> String {
        let roll = random.double()
        if roll < 0.08, let nickname = nicknames[given] { return nickname }
        if roll < 0.12 { return String(given.prefix(1)) }
        if roll < 0.24 { return random.typo(given) }
        return given
    }

    static func varyDate(_ year: Int, _ month: Int, _ day: Int, _ random: inout TestRandom) -> String {
        let roll = random.double()
        if roll < 0.05, day <= 12 { return date(year, day, month) }
        if roll < 0.10 { return date(year, month, day % 9 + 1 == day ? day + 1 : day % 9 + 1) }
        if roll < 0.13 { return date(year + (random.chance(0.5) ? 1 : -1), month, day) }
        return date(year, month, day)
    }

    /// The settings a team would write for these fields; everything else is left at its default.
    static var settings: MatchSettings {
        MatchSettings(
            fields: [
                .name("given_name"), .name("family_name"), .date("birth_date"), .code("phone"), .code("email"),
                .text("address"), .code("postcode"), .category("sex"),
            ],
            blockingRules: [
                .on(.value("birth_date")), .on(.value("phone")), .on(.value("email")),
                .on(.value("family_name"), .year("birth_date")),
                .on(.value("postcode"), .prefix("given_name", 1)),
            ])
    }
}

/// A seeded generator and the draws the generator needs.
struct TestRandom {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func double() -> Double { Double.random(in: 0..<1, using: &generator) }
    mutating func chance(_ p: Double) -> Bool { double() < p }

    /// An index in 0..<n, small indices far more likely (roughly 1/rank).
    mutating func zipf(_ n: Int) -> Int {
        let x = double()
        return min(n - 1, Int(pow(Double(n + 1), x)) - 1)
    }

    /// One random edit: substitution, deletion, insertion or transposition of neighbours.
    mutating func typo(_ text: String) -> String {
        var characters = Array(text)
        guard characters.count > 2 else { return text }
        let at = int(1..<(characters.count - 1))
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        switch int(0..<4) {
        case 0: characters[at] = letters[int(0..<letters.count)]
        case 1: characters.remove(at: at)
        case 2: characters.insert(letters[int(0..<letters.count)], at: at)
        default: characters.swapAt(at, at - 1)
        }
        return String(characters)
    }
}
