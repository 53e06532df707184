import IdentityMatching
import Testing

@Suite struct TermFrequencyAndBlockingTests {
    /// 1,000 records: a third called "smith", the rest with rare family names.
    static func records() -> [MatchRecord] {
        var random = TestRandom(seed: 3)
        return (0..<1_000).map { index in
            let family = index % 3 == 0 ? "smith" : "fam\(index)x\(random.int(0..<1_000))"
            return MatchRecord(id: index, fields: [
                "family_name": [family], "given_name": [SyntheticPopulation.givenNames[index % 40]],
                "birth_date": [SyntheticPopulation.date(1950 + index % 50, 1 + index % 12, 1 + index % 28)],
            ])
        }
    }

    static let settings = MatchSettings(
        fields: [.name("family_name"), .name("given_name"), .date("birth_date")],
        blockingRules: [.on(.value("birth_date")), .on(.value("family_name"), .value("given_name"))])

    @Test func rareExactNameWeighsMoreThanACommonOne() async throws {
        let matcher = try await BulkResolver.resolve(Self.records(), settings: Self.settings).matcher
        let common = matcher.explain(MatchRecord(id: 1, fields: ["family_name": ["smith"]]),
                                     MatchRecord(id: 2, fields: ["family_name": ["smith"]])).fields[0]
        let rare = matcher.explain(MatchRecord(id: 3, fields: ["family_name": ["fam1x1"]]),
                                   MatchRecord(id: 4, fields: ["family_name": ["fam1x1"]])).fields[0]
        #expect(common.label == "exact" && rare.label == "exact")
        #expect(rare.weight > common.weight + 3)
        #expect(common.termFrequencyAdjustment < 0)
        #expect(rare.termFrequencyAdjustment > 0)
        #expect(rare.termFrequencyAdjustment <= matcher.settings.maximumTermFrequencyBoost + 1e-9)
        #expect(abs(common.valueFrequency! - 1.0 / 3) < 0.01)
    }

    @Test func blockLargerThanTheCapIsSkippedAndReported() async throws {
        // 700 records share a placeholder phone; comparing them would cost 244,650 pairs.
        let records = (0..<700).map { index in
            MatchRecord(id: index, fields: ["phone": ["00000000000"], "given_name": ["p\(index)"],
                                            "birth_date": [SyntheticPopulation.date(1950 + index % 50, 1 + index % 12, 1)]])
        }
        let settings = MatchSettings(fields: [.code("phone"), .name("given_name"), .date("birth_date")],
                                     blockingRules: [.on(.value("phone")), .on(.value("given_name"))])
        let resolution = try await BulkResolver.resolve(records, settings: settings)
        #expect(resolution.skippedBlocks == [SkippedBlock(key: BlockingKey(rule: "phone", value: "00000000000"), size: 700)])
        #expect(resolution.statistics.candidatePairs == 0)
        #expect(Set(resolution.clustering.clusterOf.values).count == 700)
    }

    @Test func pairsMetUnderSeveralRulesAreComparedOnce() async throws {
        let records = [
            MatchRecord(id: 1, fields: ["phone": ["1", "2"], "given_name": ["ann"]]),
            MatchRecord(id: 2, fields: ["phone": ["1", "2"], "given_name": ["ann"]]),
            MatchRecord(id: 3, fields: ["phone": ["3"], "given_name": ["ann"]]),
        ]
        let settings = MatchSettings(fields: [.code("phone"), .name("given_name")],
                                     blockingRules: [.on(.value("phone")), .on(.value("given_name"))])
        let resolution = try await BulkResolver.resolve(records, settings: settings)
        #expect(resolution.statistics.candidatePairs == 3)  // (1,2) once for two phones and the name; (1,3); (2,3)
        #expect(resolution.statistics.candidatePairsByRule.map(\.rule) == ["phone", "given_name"])
        #expect(resolution.statistics.candidatePairsByRule.map(\.pairs) == [1, 2])
    }

    @Test func blockingKeysComeBackHashedWithTheCallersHashAndWithoutStopKeys() async throws {
        // Three records share a phone over a cap of 2, so that key is a stop key and is not returned.
        let records = [
            MatchRecord(id: 1, fields: ["phone": ["1", "9"], "given_name": ["ann"]]),
            MatchRecord(id: 2, fields: ["phone": ["1"], "given_name": ["bob"]]),
            MatchRecord(id: 3, fields: ["phone": ["1"], "given_name": ["ann"]]),
        ]
        var settings = MatchSettings(fields: [.code("phone"), .name("given_name")],
                                     blockingRules: [.on(.value("phone"), name: "phone"),
                                                     .on(.value("given_name"), name: "name")])
        settings.blockSizeCap = 2
        let numbers = ["phone 1": 10, "phone 9": 19, "name ann": 20, "name bob": 21]
        let resolution = try await BulkResolver.resolve(records, settings: settings) { key in
            Int64(numbers["\(key.rule) \(key.value)"]!)
        }
        #expect(resolution.skippedBlocks == [SkippedBlock(key: BlockingKey(rule: "phone", value: "1"), size: 3)])
        #expect(resolution.blockingKeys == [[19, 20], [21], [20]])
    }
}
