@testable import BookGenerator
import Foundation
import IdentityNormalization
import Models
import Testing

@Suite struct BookGeneratorTests {
    @Test func theSameSeedGivesByteIdenticalFilesWhateverTheThreads() throws {
        let configuration = BookConfiguration(persons: 2500, organisations: 150, seed: 99, blockSize: 400, threads: 2)
        var single = configuration
        single.threads = 1
        let (a, _) = Fixture.generate("same-a", configuration)
        let (b, _) = Fixture.generate("same-b", single)
        var other = configuration
        other.seed = 100
        let (c, _) = Fixture.generate("same-c", other)
        for file in RecordFile.allCases {
            let name = file.fileName(.csv)
            let first = try Data(contentsOf: a.appendingPathComponent(name))
            #expect(first == (try Data(contentsOf: b.appendingPathComponent(name))), "\(name) differs")
            if file != .entities {
                #expect(first != (try Data(contentsOf: c.appendingPathComponent(name))), "\(name) ignores the seed")
            }
        }
    }

    @Test func residentIDsAreValidUnlessDeliberatelyCorrupted() throws {
        let (url, _) = Fixture.small
        let parties = try CSV.table(url.appendingPathComponent("parties.csv"))
        let truth = try CSV.table(url.appendingPathComponent("truth.csv"))
        let errors = Dictionary(uniqueKeysWithValues: truth.map { ($0["source_system"]! + "/" + $0["source_key"]!, Set($0["errors"]!.split(separator: "|").map(String.init))) })
        var checked = (valid: 0, corrupted: 0, legacy: 0, codes: 0)
        for party in parties {
            let applied = errors[party["source_system"]! + "/" + party["source_key"]!]!
            let number = party["id_number"]!
            if applied.contains("id_missing") {
                #expect(number.isEmpty)
                continue
            }
            if party["party_kind"] == "organisation" {
                let result = UnifiedSocialCreditCodeNormalizer.normalize(number)
                #expect((result.value == nil) == applied.contains("id_transposed"), "\(number) \(applied)")
                checked.codes += 1
                continue
            }
            #expect(DocumentType(code: party["id_type"]!) == .residentID, "\(party["id_type"]!)")
            let result = ResidentIDNormalizer.normalize(number, today: CalendarDate(year: 2025, month: 6, day: 30))
            if applied.contains("id_transposed") {
                #expect(result.value == nil, "\(number) should fail")
                checked.corrupted += 1
            } else {
                #expect(result.value != nil, "\(number) should pass: \(result.problems)")
                #expect(result.value?.upgradedFromLegacy == applied.contains("id_legacy15"))
                if applied.contains("id_legacy15") { checked.legacy += 1 }
                checked.valid += 1
            }
            if applied.contains("full_width_digits") { #expect(number.unicodeScalars.contains { $0.value >= 0xFF10 && $0.value <= 0xFF19 }) }
        }
        #expect(checked.valid > 4000 && checked.corrupted > 10 && checked.legacy > 50 && checked.codes > 200)
    }

    @Test func theTrueValuesAreConsistent() throws {
        // With no errors, every ID encodes the record's own birth date and sex, and names, phones and e-mails are
        // as plain as a clean source would have them.
        let (url, _) = Fixture.generate("clean", BookConfiguration(persons: 1500, organisations: 100, seed: 3, errorRates: .none))
        let parties = try CSV.table(url.appendingPathComponent("parties.csv"))
        let truth = try CSV.table(url.appendingPathComponent("truth.csv"))
        #expect(truth.allSatisfy { $0["errors"]!.isEmpty })
        var ids = Set<String>()
        var perEntity: [String: String] = [:]
        for (party, row) in zip(parties, truth) where party["party_kind"] == "individual" {
            let birth = BirthDateParser.parse(party["birth_date"]!).value
            let id = ResidentIDNormalizer.normalize(party["id_number"]!, declaredBirthDate: birth,
                                                    declaredSex: Sex(code: party["sex"]!), today: CalendarDate(year: 2025, month: 6, day: 30))
            #expect(id.value != nil && id.problems.isEmpty, "\(party)")
            #expect(PhoneNormalizer.normalize(party["phone"]!).value?.kind == .mobile)
            let number = id.value!.number
            if let earlier = perEntity[row["entity_id"]!] { #expect(earlier == number) } else {
                #expect(ids.insert(number).inserted, "\(number) issued twice")
                perEntity[row["entity_id"]!] = number
            }
            let year = id.value!.birthDate.year
            #expect(year >= 1940 && year <= 2005)
        }
    }

    @Test func everyEntityIsInOneToFourSystemsAndTruthCoversEveryRecordOnce() throws {
        let (url, summary) = Fixture.small
        let parties = try CSV.table(url.appendingPathComponent("parties.csv"))
        let truth = try CSV.table(url.appendingPathComponent("truth.csv"))
        let entities = try CSV.table(url.appendingPathComponent("entities.csv"))
        #expect(entities.count == 3200)
        let keys = parties.map { $0["source_system"]! + "/" + $0["source_key"]! }
        #expect(Set(keys).count == keys.count, "duplicate (system, key)")
        let truthKeys = truth.map { $0["source_system"]! + "/" + $0["source_key"]! }
        #expect(truthKeys.count == keys.count && Set(truthKeys) == Set(keys))
        var systems: [String: Set<String>] = [:]
        for row in truth { systems[row["entity_id"]!, default: []].insert(row["source_system"]!) }
        #expect(Set(systems.keys) == Set(entities.map { $0["entity_id"]! }))
        var histogram = [0, 0, 0, 0, 0]
        for set in systems.values {
            #expect((1...4).contains(set.count))
            histogram[set.count] += 1
        }
        #expect(histogram[1] > histogram[4] && histogram[2] > histogram[4] && histogram[4] > 0)
        #expect(summary.rows[.parties] == parties.count)
    }

    @Test func errorRatesOnTwentyThousandPersonsAreWithinTolerance() throws {
        let (url, summary) = Fixture.large
        let rates = ErrorRates.defaults
        for kind in ErrorKind.allCases {
            let tally = summary.errors[kind] ?? ErrorTally()
            #expect(tally.eligible > 500, "\(kind): only \(tally.eligible) eligible")
            let p = rates[kind]
            let sigma = (p * (1 - p) / Double(max(1, tally.eligible))).squareRoot()
            #expect(abs(tally.rate - p) <= 4 * sigma + 0.002, "\(kind): \(tally.rate) against \(p)")
        }
        // The labels in truth.csv are exactly the errors applied, and they show in the data.
        let truth = try CSV.table(url.appendingPathComponent("truth.csv"))
        let parties = try CSV.table(url.appendingPathComponent("parties.csv"))
        var counts: [String: Int] = [:]
        for (row, party) in zip(truth, parties) {
            #expect(row["source_key"] == party["source_key"])
            let applied = row["errors"]!.split(separator: "|").map(String.init)
            for label in applied { counts[label, default: 0] += 1 }
            let set = Set(applied)
            if set.contains("phone_missing") { #expect(party["phone"]!.isEmpty) }
            if set.contains("birth_missing") { #expect(party["birth_date"]!.isEmpty) }
            if set.contains("address_missing") { #expect(party["address_line"]!.isEmpty) }
            if set.contains("address_one_line") { #expect(party["province"]!.isEmpty && !party["address_line"]!.isEmpty) }
            if set.contains("name_space") { #expect((party["full_name"]! + party["given_name"]!).contains(" ")) }
            if set.contains("id_legacy15") && !set.contains("full_width_digits") { #expect(party["id_number"]!.count == 15) }
            if set.contains("birth_placeholder") { #expect(party["birth_date"]!.hasPrefix("1900")) }
            if set.isEmpty && party["party_kind"] == "individual" {
                #expect(!party["id_number"]!.isEmpty && !party["phone"]!.isEmpty && !party["birth_date"]!.isEmpty)
            }
        }
        for kind in ErrorKind.allCases {
            #expect(counts[kind.rawValue, default: 0] == summary.errors[kind]?.applied ?? 0, "\(kind)")
        }
        // An agent's phone is shared by many customers.
        let agentPhones = zip(truth, parties).filter { $0.0["errors"]!.contains("agent_phone") && !$0.0["errors"]!.contains("full_width") }
            .map { $0.1["phone"]! }
        let sharing = Dictionary(grouping: agentPhones, by: { $0 }).values.map(\.count).max() ?? 0
        #expect(sharing >= 3)
    }

    @Test func businessRecordsReferenceOnlyExistingRecords() throws {
        let (url, summary) = Fixture.small
        func table(_ file: RecordFile) throws -> [[String: String]] { try CSV.table(url.appendingPathComponent(file.fileName(.csv))) }
        let parties = Set(try table(.parties).map { $0["source_system"]! + "/" + $0["source_key"]! })
        let policies = try table(.policies)
        let policyKeys = Set(policies.map { $0["source_system"]! + "/" + $0["policy_number"]! })
        #expect(policyKeys.count == policies.count)
        for renewal in policies where !renewal["renewal_of"]!.isEmpty {
            #expect(policyKeys.contains(renewal["source_system"]! + "/" + renewal["renewal_of"]!))
        }
        let references: [(RecordFile, [String])] = [
            (.policyRoles, ["party_source_system", "party_source_key"]),
            (.claims, ["claimant_source_system", "claimant_source_key"]),
            (.servicing, ["requested_by_source_system", "requested_by_source_key"]),
            (.serviceUsage, ["party_source_system", "party_source_key"]),
            (.interactions, ["party_source_system", "party_source_key"]),
            (.interactions, ["referred_source_system", "referred_source_key"]),
            (.parties, ["employer_source_system", "employer_source_key"]),
        ]
        for (file, columns) in references {
            let rows = try table(file)
            #expect(!rows.isEmpty, "\(file) is empty")
            for row in rows where !row[columns[1]]!.isEmpty {
                #expect(parties.contains(row[columns[0]]! + "/" + row[columns[1]]!), "\(file): \(row)")
            }
        }
        for file in [RecordFile.policyRoles, .payments, .claims, .servicing] {
            for row in try table(file) {
                #expect(policyKeys.contains(row["source_system"]! + "/" + row["policy_number"]!), "\(file): \(row)")
            }
        }
        for row in try table(.serviceUsage) where !row["policy_number"]!.isEmpty {
            #expect(policyKeys.contains(row["source_system"]! + "/" + row["policy_number"]!))
        }
        // Every policy has a holder and an insured; counts per customer look like a book.
        let roles = try table(.policyRoles)
        let holders = Set(roles.filter { $0["role"] == "policyholder" }.map { $0["policy_number"]! })
        #expect(holders == Set(policies.map { $0["policy_number"]! }))
        #expect(Set(policies.map { $0["status"]! }).isSuperset(of: ["in_force", "lapsed", "surrendered", "expired"]))
        #expect(Set(roles.map { $0["relation_to_policyholder"]! }).isSuperset(of: ["self", "child", "employee"]))
        let perPerson = Double(summary.rows[.policies]!) / 3000
        #expect(perPerson > 1 && perPerson < 8, "\(perPerson) policies per person")
        #expect(try table(.claims).contains { $0["fraud_flag"] == "true" })
    }

    @Test func csvQuotingRoundTrips() throws {
        let awkward = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "\"", "逗号，全角", "cr\r\nlf", " padded "]
        var buffer = TableBuffer(.truth, format: .csv)
        for field in awkward {
            buffer.text(field); buffer.text("k"); buffer.text(field); buffer.text("x")
            buffer.endRow()
        }
        let rows = CSV.read(String(decoding: buffer.bytes, as: UTF8.self))
        #expect(rows.count == awkward.count)
        for (row, field) in zip(rows, awkward) {
            #expect(row == [field.replacingOccurrences(of: "\r", with: "") == field ? field : field, "k", field, "x"]
                    || field.contains("\r"))
            if !field.contains("\r") { #expect(row[0] == field && row[2] == field) }
        }
        // Generated files with commas and quotes in free text parse to the header's width (CSV.table checks).
        let (url, _) = Fixture.small
        let interactions = try CSV.table(url.appendingPathComponent("interactions.csv"))
        #expect(interactions.contains { $0["topic"]!.contains(",") && $0["topic"]!.contains("\"") })
        let servicing = try CSV.table(url.appendingPathComponent("servicing.csv"))
        #expect(servicing.contains { $0["description"]!.contains(",") })
    }

    @Test func jsonLinesHaveTheSameColumns() throws {
        let (url, summary) = Fixture.generate("jsonl", BookConfiguration(persons: 500, organisations: 50, seed: 5, format: .jsonl))
        for file in RecordFile.allCases {
            let text = try String(contentsOf: url.appendingPathComponent(file.fileName(.jsonl)), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == summary.rows[file] ?? -1)
            for line in lines.prefix(200) {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object.map { Set($0.keys) } == Set(file.columns.map(\.name)))
            }
        }
    }

    @Test func hanziVariantsComeFromTheFoldingTable() {
        let variants = HanziVariants.shared
        #expect(variants.traditional["张"] == "張")
        #expect(variants.traditionalForm(of: "陈伟") == "陳偉")
        #expect(variants.homophones["伟"]?.contains("玮") == true)
        #expect(variants.pinyin["王"] == "wang")
        #expect(Text.chineseNumber(123) == "一百二十三")
        #expect(Text.chineseNumber(1005) == "一千零五")
        #expect(Text.chineseNumber(12) == "十二")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["BOOK_SPEED"] != nil))
    func speed() throws {
        let persons = Int(ProcessInfo.processInfo.environment["BOOK_SPEED"]!) ?? 200_000
        let (_, summary) = Fixture.generate("speed", BookConfiguration(persons: persons, organisations: persons / 20, seed: 1))
        let rows = summary.rows[.parties]!
        print("speed: \(persons) persons, \(rows) party rows in \(summary.elapsedSeconds) s: \(Int(Double(rows) / summary.elapsedSeconds)) party rows/s; all rows \(summary.rows.values.reduce(0, +))")
    }
}
