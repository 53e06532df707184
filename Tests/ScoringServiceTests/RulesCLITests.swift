import CLMTesting
import Foundation
import Models
import RPC
import ScoringAPI
import Testing

/// `clm rules`, run as the built binary against a real clm-scoring and PostgreSQL: a template written to a file,
/// saved, validated and shown; a conflicting file refused with its problems; files that are not rule sets refused
/// with where and what the problem is.
@Suite(.serialized) struct RulesCLITests {
    /// A running scoring service and a folder to run `clm` and keep rule set files in.
    struct Bench {
        let suite: ServiceProcesses
        let folder: String

        static func start(_ prefix: String) async throws -> Bench {
            let (suite, _) = try await ScoringSupport.start(prefix: prefix)
            return Bench(suite: suite, folder: try CLMBinary.runFolder("clm-\(prefix)"))
        }

        /// `clm arguments --socket-dir <the suite's>`, in the bench's folder.
        func clm(_ arguments: String...) async throws -> CLMRun {
            try await CLMBinary.run(arguments + ["--socket-dir", suite.socketRoot], in: folder)
        }

        /// The file `name` in the bench's folder, as a JSON object.
        func object(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        /// Writes `object` as the file `name`.
        func write(_ object: [String: Any], to name: String) throws {
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }

        func stop() {
            try? FileManager.default.removeItem(atPath: folder)
            Task { await suite.stopAll() }
        }
    }

    /// `ruleSet` with `key` of condition `condition` of tier rule `rule` set to `value`.
    static func settingTierCondition(_ ruleSet: [String: Any], rule: Int, condition: Int, _ key: String, to value: Any)
        throws -> [String: Any] {
        var ruleSet = ruleSet
        var rules = try #require(ruleSet["tierRules"] as? [[String: Any]])
        var conditions = try #require(rules[rule]["conditions"] as? [[String: Any]])
        conditions[condition][key] = value
        rules[rule]["conditions"] = conditions
        ruleSet["tierRules"] = rules
        return ruleSet
    }

    /// `GOLD` for CUSTOMER_TIER_GOLD, as the CLI prints tiers.
    static func name(_ tier: CustomerTier) -> String { String(tier.rawValue.dropFirst("CUSTOMER_TIER_".count)) }


    @Test func aTemplateFileIsSavedValidatedAndShown() async throws {
        let bench = try await Bench.start("rules_cli")
        defer { bench.stop() }

        let written = try await bench.clm("rules", "template", "life", "--id", "life-2025", "--output", "life.json")
        try #require(written.status == 0, "\(written.output)")
        #expect(written.stdout == "wrote the life template to life.json; next: clm rules save life.json --comment …\n")
        let file = try JSONDecoder().decode(RuleSet.self,
                                            from: Data(contentsOf: URL(fileURLWithPath: "\(bench.folder)/life.json")))
        #expect(file.ruleSetId == "life-2025" && file.fromTemplate == .life && file.version == 0)
        #expect(file.tierRules.map(\.ruleId) == ["diamond-by-score", "gold-by-score", "standard-by-score",
                                                 "basic-by-score"])
        let printed = try await bench.clm("rules", "template", "auto")
        #expect(try JSONDecoder().decode(RuleSet.self, from: Data(printed.stdout.utf8)).fromTemplate == .auto)

        let saved = try await bench.clm("rules", "save", "life.json", "--comment", "first cut", "--operator", "ops-7")
        #expect(saved.status == 0 && saved.stdout == "saved life-2025 version 1 (draft) by ops-7\nno problems\n",
                "\(saved.output)")

        for (argument, name) in [("life-2025", "life-2025 (latest)"), ("life-2025@1", "life-2025@1"),
                                 ("life.json", "life.json")] {
            let valid = try await bench.clm("rules", "validate", argument)
            #expect(valid.status == 0 && valid.stdout == "\(name): valid\nno problems\n", "\(valid.output)")
        }

        let shown = try await bench.clm("rules", "show", "life-2025@1")
        #expect(shown.status == 0, "\(shown.output)")
        let lines = CLMBinary.words(shown.stdout)
        #expect(lines.first == "rule set life-2025 version 1 DRAFT")
        #expect(lines.contains("description: Life (寿险) template: long-term value, tenure and cross-holding"))
        #expect(lines.contains("from template: life"))
        #expect(lines.contains { $0.hasPrefix("saved ") && $0.hasSuffix(" by ops-7: first cut") }, "\(lines)")
        #expect(lines.contains("diamond-by-score diamond value_score ≥ 80 value score 80 or more"), "\(lines)")
        #expect(lines.contains("gold-by-score gold value_score ≥ 60 and value_score < 80 value score 60 to under 80"))
        #expect(lines.contains("top-by-premium top premium_contribution > 3 annualised premium above 3× the book's "
            + "average"))
        #expect(lines.contains("annualised_premium 0.25 log CNY 0.00 to CNY 50000.00"), "\(lines)")
        #expect(lines.contains("hysteresis: 3 value score points, 30 days in a tier at least"))
        let json = try JSONDecoder().decode(GetRuleSetResponse.self,
                                            from: Data(try await bench.clm("rules", "show", "life-2025", "--json").stdout.utf8))
        #expect(json.ruleSet.ruleSetId == "life-2025" && json.ruleSet.version == 1 && json.ruleSet.createdBy == "ops-7")

        // Gold from 55 overlaps standard (35 to under 60): printed with its rules and example, exit 1; a draft may
        // still be saved so.
        try bench.write(Self.settingTierCondition(try bench.object("life.json"), rule: 1, condition: 0, "threshold",
                                                  to: ["number": 55]), to: "gold.json")
        let overlap = try await bench.clm("rules", "validate", "gold.json")
        #expect(overlap.status == 1, "\(overlap.output)")
        #expect(overlap.stdout == """
            gold.json: not valid
            ERROR overlap: gold-by-score, standard-by-score (example value_score=55)
              Tier rules gold-by-score (GOLD) and standard-by-score (STANDARD) both hold where value_score=55: every \
            customer must get exactly one tier; tighten one of them so they no longer meet.
            1 problem: 1 error (errors block activation)

            """)
        let savedWithProblem = try await bench.clm("rules", "save", "gold.json", "--comment", "gold from 55",
                                                   "--operator", "ops-8")
        #expect(savedWithProblem.status == 0, "\(savedWithProblem.output)")
        #expect(savedWithProblem.stdout.hasPrefix("saved life-2025 version 2 (draft) by ops-8\nERROR overlap: "))

        let listed = try await bench.clm("rules", "list", "--id", "life-2025")
        #expect(listed.status == 0, "\(listed.output)")
        let rows = CLMBinary.words(listed.stdout)
        #expect(rows.first == "rule set version status saved by comment")
        #expect(rows.count == 5 && rows[1].hasPrefix("life-2025 2 draft ") && rows[1].hasSuffix(" ops-8 gold from 55"))
        #expect(rows.count == 5 && rows[2].hasPrefix("life-2025 1 draft ") && rows[2].hasSuffix(" ops-7 first cut"))
        #expect(rows.last == "" && rows.dropLast().last == "2 of 2 versions", "\(rows)")
        let paged = try await bench.clm("rules", "list", "--limit", "1")
        #expect(CLMBinary.words(paged.stdout).contains { $0.hasPrefix("more: --page-token ") }, "\(paged.output)")

        // What the service refuses, as it said it.
        let noActive = try await bench.clm("rules", "show")
        #expect(noActive.status == 1)
        #expect(noActive.stderr.contains("scoring: NOT_FOUND: no rule set is active yet"), "\(noActive.output)")
        let annuity = try await bench.clm("rules", "template", "annuity")
        #expect(annuity.status == 1)
        #expect(annuity.stderr.contains("scoring: NOT_FOUND: there is no template for PRODUCT_LINE_ANNUITY"),
                "\(annuity.output)")
        let upper = try await bench.clm("rules", "validate", "Life-2025")
        #expect(upper.status == 1)
        #expect(upper.stderr.contains("scoring: INVALID_ARGUMENT: stored.rule_set_id: 'Life-2025' is not a rule set "
            + "id"), "\(upper.output)")
    }

    /// Tiers by premium alone (as `RuleSetApplicationTests.premiumOnly`): DIAMOND from 10,000.00 a year, BASIC
    /// under it. By hand from `ScoringBook`: A (15,000.00 a year) → DIAMOND, B (4,800.00) → BASIC.
    static func premiumOnly(_ ruleSet: RuleSet) -> RuleSet {
        var candidate = ruleSet
        let bound = Threshold(amount: ScoringBook.cny(1_000_000))
        candidate.tierRules = [
            TierRule(ruleId: "diamond-by-premium", tier: .diamond,
                     conditions: [Condition(metric: .annualisedPremium, comparison: .atLeast, threshold: bound)]),
            TierRule(ruleId: "basic-by-premium", tier: .basic,
                     conditions: [Condition(metric: .annualisedPremium, comparison: .lessThan, threshold: bound)]),
        ]
        return candidate
    }

    @Test func aFileIsDryRunThenActivatedAndTheBookRescored() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "rules_cli_live",
                                                        environment: ["CLM_SCORING_INITIAL_RULE_SET": "life"])
        let bench = Bench(suite: suite, folder: try CLMBinary.runFolder("clm-rules_cli_live"))
        defer { bench.stop() }
        let scoring = suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(suite.client(.identity))
        let before = try #require(try await ScoringSupport.card(a, scoring) {
            $0.value.ruleSetId == "life-template" && $0.metrics.policyCount == 2 && $0.risk.claimCount == 1
        }, "A was never tiered:\n\(suite.logTail(.scoring))").value.tier
        let beforeB = try #require(try await ScoringSupport.card(b, scoring) {
            $0.value.ruleSetId == "life-template" && $0.risk.claimCount == 1
        }).value.tier

        let written = try await bench.clm("rules", "template", "life", "--id", "premium-only", "--output", "life.json")
        try #require(written.status == 0, "\(written.output)")
        let life = try JSONDecoder().decode(RuleSet.self,
                                            from: Data(contentsOf: URL(fileURLWithPath: "\(bench.folder)/life.json")))
        try JSONEncoder().encode(Self.premiumOnly(life))
            .write(to: URL(fileURLWithPath: "\(bench.folder)/premium.json"))

        // No gold or standard rule: two warnings, which do not stop a dry run or an activation.
        let warnings = [
            "WARNING unreachable_tier",
            "  No tier rule gives GOLD: no customer can reach it; add a rule if the tier is meant to be used.",
            "WARNING unreachable_tier",
            "  No tier rule gives STANDARD: no customer can reach it; add a rule if the tier is meant to be used.",
            "2 problems: 2 warnings (warnings do not block activation)",
        ]
        let dryRun = try await bench.clm("rules", "dry-run", "premium.json", "--examples", "5")
        #expect(dryRun.status == 0, "\(dryRun.output)")
        let lines = dryRun.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(5)) == warnings, "\(dryRun.stdout)")
        let rows = CLMBinary.words(dryRun.stdout)
        #expect(rows.contains("compared with the active rule set life-template@1"), "\(rows)")
        #expect(rows.contains { $0.hasPrefix("customers scored 2: ") }, "\(rows)")
        #expect(rows.contains("\(Self.name(before)) → DIAMOND 1 CNY 15000.00 \(a)"), "\(rows)")
        #expect(rows.contains("\(Self.name(beforeB)) → BASIC 1 CNY 4800.00 \(b)"), "\(rows)")
        // Shares: 1 of 2 customers; 15,000 of 19,800 premium = 75.8%; 4,800 of 19,800 = 24.2%.
        #expect(rows.contains { $0.hasPrefix("DIAMOND 1 50.0% CNY 15000.00 75.8% ") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("BASIC 1 50.0% CNY 4800.00 24.2% ") }, "\(rows)")
        // Nothing changed.
        let unchanged = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: a)).scoreCard
        #expect(unchanged.value.ruleSetId == "life-template" && unchanged.value.tier == before)

        // A file with errors is not scored.
        var overlapping = life
        overlapping.tierRules[1].conditions[0].threshold = Threshold(number: 55)
        try JSONEncoder().encode(overlapping).write(to: URL(fileURLWithPath: "\(bench.folder)/gold.json"))
        let refused = try await bench.clm("rules", "dry-run", "gold.json")
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.stdout.hasPrefix("ERROR overlap: gold-by-score, standard-by-score (example value_score=55)\n"))
        #expect(refused.stdout.hasSuffix("\n1 problem: 1 error (errors block activation); nothing was scored\n"))

        // Activating the file saves it as a draft first, then starts a full rescore that tiers A and B by premium.
        let activated = try await bench.clm("rules", "activate", "premium.json", "--reason", "tiers by premium",
                                            "--operator", "ops-9")
        #expect(activated.status == 0, "\(activated.output)")
        let said = activated.stdout.split(separator: "\n").map(String.init)
        #expect(Array(said.prefix(7)) == ["saved premium-only version 1 (draft) by ops-9"] + warnings
            + ["activated premium-only version 1 by ops-9"], "\(activated.stdout)")
        #expect(said.count == 8 && said[7].hasPrefix("full rescore started: job "), "\(activated.stdout)")
        let newA = try await ScoringSupport.card(a, scoring) { $0.value.ruleSetId == "premium-only" }
        #expect(newA?.value.tier == .diamond, "\(suite.logTail(.scoring))")
        let newB = try await ScoringSupport.card(b, scoring) { $0.value.ruleSetId == "premium-only" }
        #expect(newB?.value.tier == .basic)
        let shown = CLMBinary.words(try await bench.clm("rules", "show").stdout)
        #expect(shown.first == "rule set premium-only version 1 ACTIVE", "\(shown)")
        #expect(shown.contains { $0.hasPrefix("activated ") && $0.hasSuffix(" by ops-9") }, "\(shown)")
        let retired = CLMBinary.words(try await bench.clm("rules", "list", "--status", "retired").stdout)
        #expect(retired.count == 4 && retired[1].hasPrefix("life-template 1 retired "), "\(retired)")

        // Back to the template, by ref, leaving the rescore to the schedule.
        let back = try await bench.clm("rules", "activate", "life-template@1", "--reason", "back", "--operator", "ops-9",
                                       "--defer-rescore")
        #expect(back.status == 0, "\(back.output)")
        #expect(back.stdout == "activated life-template version 1 by ops-9\nrescore deferred: customers keep their "
            + "tiers until the next scheduled full rescore\n")

        // A file with errors is saved, but not activated; the message says which version was saved.
        let notLive = try await bench.clm("rules", "activate", "gold.json", "--reason", "try", "--operator", "ops-9")
        #expect(notLive.status == 1, "\(notLive.output)")
        #expect(notLive.stderr.contains("saved premium-only@2 as a draft, but did not activate it: scoring: "
            + "FAILED_PRECONDITION: premium-only v2 has 1 error(s)"), "\(notLive.output)")
    }

    @Test func filesThatAreNotRuleSetsAreRefusedSayingWhereAndWhat() async throws {
        let bench = try await Bench.start("rules_cli_files")
        defer { bench.stop() }
        let written = try await bench.clm("rules", "template", "health", "--id", "health", "--output", "health.json")
        try #require(written.status == 0, "\(written.output)")

        try bench.write(Self.settingTierCondition(try bench.object("health.json"), rule: 1, condition: 0, "metric",
                                                  to: "METRIC_VALUE_SCOR"), to: "typo.json")
        var missing = try bench.object("health.json")
        missing["clv"] = nil
        try bench.write(missing, to: "missing.json")
        var wrongType = try bench.object("health.json")
        wrongType["lookbackMonths"] = "twelve"
        try bench.write(wrongType, to: "wrong-type.json")
        try Data("{\"ruleSetId\": \"health\",".utf8).write(to: URL(fileURLWithPath: "\(bench.folder)/cut.json"))

        let cases: [(command: String, file: String, message: String)] = [
            ("save", "typo.json", "typo.json is not a rule set: tierRules[1].conditions[0].metric: "),
            ("validate", "missing.json", "missing.json is not a rule set: clv: missing"),
            ("save", "wrong-type.json", "wrong-type.json is not a rule set: lookbackMonths: expected a whole number"),
            ("validate", "cut.json", "cut.json is not a rule set: not JSON ("),
            ("validate", "nowhere.json", "cannot read nowhere.json"),
        ]
        for (command, file, message) in cases {
            let run = command == "save"
                ? try await bench.clm("rules", "save", file, "--comment", "x", "--operator", "ops-1")
                : try await bench.clm("rules", command, file)
            #expect(run.status == 1, "\(file): \(run.output)")
            #expect(run.stderr.contains(message), "\(file): \(run.output)")
            #expect(run.stdout == "", "\(file): \(run.output)")
        }
        #expect(try await bench.clm("rules", "save", "typo.json", "--comment", "x").stderr
            .contains("METRIC_VALUE_SCOR"))
        // None of them reached the service as a save.
        #expect(try await bench.clm("rules", "list").stdout == "no rule set versions\n")

        let badVersion = try await bench.clm("rules", "validate", "health@first")
        #expect(badVersion.status != 0 && badVersion.status != 1, "a usage error: \(badVersion.output)")
        #expect(badVersion.stderr.contains("health@first: the version after @ must be a whole number from 1"))
    }
}
