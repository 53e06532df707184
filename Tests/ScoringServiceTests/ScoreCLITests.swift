import CLMTesting
import Foundation
import Models
import RPC
import ScoringAPI
import Testing

/// `clm score`, `clm tiers` and `clm vip`, run as the built `clm` against the real clm-identity and clm-scoring:
/// first on the small book sent to identity (`ScoringBook`, whose figures are worked out in
/// `ScoreCardEndToEndTests`), then on the hand-built tier book of `TierDistributionTests`. The assertions are on
/// what a person reads.
@Suite(.serialized) struct ScoreCLITests {
    /// The running services and a folder to run `clm` in.
    struct Bench {
        let suite: ServiceProcesses
        let database: TestDatabase
        let folder: String

        static func start(_ prefix: String) async throws -> Bench {
            let (suite, database) = try await ScoringSupport.start(prefix: prefix)
            return Bench(suite: suite, database: database, folder: try CLMBinary.runFolder("clm-\(prefix)"))
        }

        /// `clm arguments --socket-dir <the suite's>`.
        func clm(_ arguments: String...) async throws -> CLMRun {
            try await CLMBinary.run(arguments + ["--socket-dir", suite.socketRoot], in: folder)
        }

        func stop() {
            try? FileManager.default.removeItem(atPath: folder)
            Task { await suite.stopAll() }
        }
    }


    @Test func theSmallBookReadsAsItsFacts() async throws {
        let bench = try await Bench.start("scoring_cli")
        defer { bench.stop() }
        let scoring = bench.suite.client(.scoring)
        let (a, b) = try await ScoringSupport.ingestBook(bench.suite.client(.identity))
        _ = try #require(try await ScoringSupport.card(a, scoring) { $0.metrics.policyCount == 2
            && $0.metrics.interactionCount == 1 && $0.risk.claimCount == 1 && $0.metrics.serviceUses == 1
            && $0.metrics.renewalRate == 0.5 }, "A never got its card:\n\(bench.suite.logTail(.scoring))")
        _ = try #require(try await ScoringSupport.card(b, scoring) { $0.risk.claimCount == 1 })

        // A: 12,000.00 + 3,000.00 a year; 65 months of cover since 2020-01-15, so VIP since 2025-01-15; renewals 1
        // of 2; claims 1,500.00 over premium earned 12,000.00 + 3,000.00 × 303/365 = 10.4%; 1 claim over 668/365
        // policy-years = 0.55.
        let show = try await bench.clm("score", "show", a.lowercased())
        try #require(show.status == 0, "\(show.output)")
        let shown = CLMBinary.words(show.stdout)
        #expect(shown[0] == "customer \(a) tier none layer none value score 0.0", "\(show.stdout)")
        #expect(shown[1].hasPrefix("no rule set applied; scored "))
        #expect(shown[2].hasSuffix("VIP since 2025-01-15"), "\(shown[2])")
        #expect(shown[3].hasPrefix("annualised premium CNY 15000.00 CLV CNY "), "\(shown[3])")
        for line in ["annualised premium CNY 15000.00", "renewal rate 50.0%", "claims ratio 10.4%",
                     "tenure 65 months, 65 continuous, first policy 2020-01-15", "policies in force 2 (life, health)",
                     "service use 1 use of 1 service", "referrals 0",
                     "interactions 1 over 1 channel (app), last 2025-06-01",
                     "1 claim, 0.55 per policy-year, paid CNY 1500.00, CNY 1500.00 per claim",
                     "fraud flags 0; occupation class 2; declared habits none"] {
            #expect(shown.contains(line), "missing '\(line)' in:\n\(show.stdout)")
        }
        #expect(shown.contains { $0.hasPrefix("CLV CNY ") && $0.contains("survival to horizon") }, "\(show.stdout)")

        let json = try await bench.clm("score", "show", b, "--json")
        let cardB = try JSONDecoder().decode(ScoreCard.self, from: Data(json.stdout.utf8))
        #expect(cardB.value.annualisedPremium == ScoringBook.cny(480_000) && cardB.risk.fraudFlags == 1)

        let explain = try await bench.clm("score", "explain", a)
        try #require(explain.status == 0, "\(explain.output)")
        let explained = CLMBinary.words(explain.stdout)
        #expect(explained.contains("components: none (no rule set applied)") && explained.contains("rules fired: none"),
                "\(explain.stdout)")
        let summary = explained.last { !$0.isEmpty } ?? ""
        #expect(summary.contains("annualised premium CNY 15000.00"), "\(explain.stdout)")

        // Listing: by premium, A (15,000.00) before B (4,800.00); only A is VIP; only B holds auto.
        let byPremium = try await bench.clm("score", "list", "--order", "premium")
        let listed = CLMBinary.words(byPremium.stdout)
        #expect(listed.count == 5, "\(byPremium.output)")
        #expect(listed[1].hasPrefix("\(a) none none 0.0 ") && listed[1].contains(" yes CNY 15000.00 "), "\(listed)")
        #expect(listed[2].hasPrefix("\(b) none none 0.0 ") && listed[2].contains(" CNY 4800.00 "), "\(listed)")
        #expect(listed[3] == "2 customers of 2")
        let vipOnly = CLMBinary.words(try await bench.clm("score", "list", "--vip").stdout)
        #expect(vipOnly.count == 4 && vipOnly[1].hasPrefix(a) && vipOnly[2] == "1 customer of 1", "\(vipOnly)")
        let auto = CLMBinary.words(try await bench.clm("score", "list", "--line", "auto").stdout)
        #expect(auto.count == 4 && auto[1].hasPrefix(b), "\(auto)")
        #expect(try await bench.clm("score", "list", "--tier", "gold", "diamond").stdout == "no customers match\n")
        let badTier = try await bench.clm("score", "list", "--tier", "platinum")
        #expect(badTier.status != 0, "\(badTier.output)")
        #expect(badTier.stderr.contains("--tier platinum: one of basic, standard, gold, diamond"), "\(badTier.output)")

        let rescore = try await bench.clm("score", "rescore", a)
        try #require(rescore.status == 0, "\(rescore.output)")
        #expect(CLMBinary.words(rescore.stdout).first == "rescored \(a): tier unchanged", "\(rescore.stdout)")

        let vip = try await bench.clm("vip")
        #expect(CLMBinary.words(vip.stdout) == [
            "customer VIP since continuous tenure tier annualised premium",
            "\(a) 2025-01-15 65 months none CNY 15000.00", "1 VIP customer of 1", "",
        ], "\(vip.output)")
        let since = try await bench.clm("vip", "--since", "2025-02-01")
        #expect(since.stdout == "no VIP customers entered the list since 2025-02-01\n", "\(since.output)")
        let badDay = try await bench.clm("vip", "--since", "2025-02-30")
        #expect(badDay.status != 0 && badDay.stderr.contains("--since 2025-02-30 is not a calendar date"),
                "\(badDay.output)")

        // Without a rule set both customers are scored but have no tier: 15,000.00 + 4,800.00.
        let tiers = try await bench.clm("tiers")
        try #require(tiers.status == 0, "\(tiers.output)")
        let table = CLMBinary.words(tiers.stdout)
        #expect(table[0].hasPrefix("tiers of the whole book; no rule set active; computed "), "\(tiers.stdout)")
        #expect(table[1] == "2 customers scored, 0 not scored yet")
        #expect(Array(table[3...9]) == [
            "tier customers share potential annualised premium premium share avg score",
            "DIAMOND 0 0.0% 0 CNY 0.00 0.0% 0.0", "GOLD 0 0.0% 0 CNY 0.00 0.0% 0.0",
            "STANDARD 0 0.0% 0 CNY 0.00 0.0% 0.0", "BASIC 0 0.0% 0 CNY 0.00 0.0% 0.0",
            "none 2 100.0% 0 CNY 19800.00 100.0% 0.0", "total 2 100.0% 0 CNY 19800.00 100.0%",
        ], "\(tiers.stdout)")
        #expect(table.contains("(no layer) none 2 100.0% CNY 19800.00 100.0%"), "\(tiers.stdout)")
        let autoTiers = CLMBinary.words(try await bench.clm("tiers", "--line", "auto").stdout)
        #expect(autoTiers[0].hasPrefix("tiers of the holders of auto policies;"), "\(autoTiers)")
        #expect(autoTiers[1] == "1 customer scored, 0 not scored yet (in the whole book)")
        #expect(autoTiers.contains("none 1 100.0% 0 CNY 4800.00 100.0% 0.0"), "\(autoTiers)")

        let unknown = try await bench.clm("score", "show", "C123456789A6")
        #expect(unknown.status == 1 && unknown.stderr.contains("scoring: NOT_FOUND: no customer C123456789A6"),
                "\(unknown.output)")

        // The whole book (A and B) scored again as a job, followed to its end with a progress line on stderr.
        let all = try await bench.clm("score", "rescore-all", "--reason", "month-end check", "--operator", "ops-7")
        try #require(all.status == 0, "\(all.output)\n\(bench.suite.logTail(.scoring))")
        let jobID = try #require(Self.between(all.stdout, "rescore ", ": SUCCEEDED, 2 customers rescored"),
                                 "\(all.stdout)")
        #expect(CLMBinary.words(all.stderr).contains("rescore [" + String(repeating: "#", count: 22) + "] 100% 2 / 2 SUCCEEDED"),
                "\(all.stderr)")
        let latest = try await scoring.call(ScoringAPI.getRescoreStatus, GetRescoreStatusRequest()).job
        #expect(latest.jobId == jobID && latest.requestedBy == "ops-7" && latest.itemsDone == 2)
        let noReason = try await bench.clm("score", "rescore-all")
        #expect(noReason.status != 0 && noReason.stderr.contains("--reason"), "\(noReason.output)")
    }

    /// What stands between `before` and the next `after` in `text`, e.g. a job id.
    static func between(_ text: String, _ before: String, _ after: String) -> String? {
        guard let start = text.range(of: before)?.upperBound, let end = text[start...].range(of: after)?.lowerBound
        else { return nil }
        return String(text[start..<end])
    }

    @Test func theTierBookReadsAsATableAndAPyramid() async throws {
        let bench = try await Bench.start("scoring_cli_tiers")
        defer { bench.stop() }
        try await CardFixture.insert(TierDistributionTests.book, into: bench.database)

        // Shares of 8 customers and 130,000.00: 8/13 = 61.5%, 3/13 = 23.1%, 1/13 = 7.7%, 10/13 = 76.9%,
        // 1.6/13 = 12.3%, 0.4/13 = 3.1%.
        let tiers = try await bench.clm("tiers")
        try #require(tiers.status == 0, "\(tiers.output)")
        let lines = CLMBinary.words(tiers.stdout)
        #expect(Array(lines[4...9]) == [
            "DIAMOND 2 25.0% 0 CNY 80000.00 61.5% 90.0", "GOLD 2 25.0% 1 CNY 30000.00 23.1% 72.5",
            "STANDARD 2 25.0% 1 CNY 10000.00 7.7% 47.5", "BASIC 1 12.5% 0 CNY 0.00 0.0% 20.0",
            "none 1 12.5% 0 CNY 10000.00 7.7% 0.0", "total 8 100.0% 2 CNY 130000.00 100.0%",
        ], "\(tiers.stdout)")
        // The biggest layer (TOP, 3) takes the full 36 columns; 2 of 3 take 24, centred under it.
        #expect(Array(lines[11...14]) == [
            "pyramid:",
            String(repeating: "#", count: 36) + " TOP 3 37.5% CNY 100000.00 76.9%",
            String(repeating: "#", count: 24) + " MIDDLE 2 25.0% CNY 16000.00 12.3%",
            String(repeating: "#", count: 24) + " BASE 2 25.0% CNY 4000.00 3.1%",
        ], "\(tiers.stdout)")
        #expect(lines[15] == "(no layer) none 1 12.5% CNY 10000.00 7.7%")
        let raw = tiers.stdout.split(separator: "\n").map(String.init)
        let top = try #require(raw.first { $0.contains(" TOP ") })
        let middle = try #require(raw.first { $0.contains(" MIDDLE ") })
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        #expect(indent(middle) == indent(top) + 6, "centred:\n\(tiers.stdout)")

        // Filters and paging: gold or diamond by code; top and potential; grade B three at a time.
        let gold = CLMBinary.words(try await bench.clm("score", "list", "--tier", "gold", "--tier", "diamond",
                                                  "--order", "code").stdout)
        #expect(gold.dropFirst().prefix(4).map { String($0.prefix(12)) } == (1...4).map(CardFixture.code), "\(gold)")
        #expect(gold[5] == "4 customers of 4")
        let topPotential = CLMBinary.words(try await bench.clm("score", "list", "--layer", "top", "--potential").stdout)
        #expect(topPotential.count == 4 && topPotential[1].hasPrefix("\(CardFixture.code(3)) GOLD TOP 75.0 B "),
                "\(topPotential)")
        let firstPage = try await bench.clm("score", "list", "--risk", "b", "--limit", "3")
        let firstLines = CLMBinary.words(firstPage.stdout)
        #expect(firstLines[1].hasPrefix("\(CardFixture.code(1)) DIAMOND TOP 92.0"), "\(firstLines)")
        #expect(firstLines[4] == "3 customers of 8")
        let hint = try #require(firstLines.last { $0.hasPrefix("more: --page-token ") }, "\(firstPage.output)")
        let token = String(hint.dropFirst("more: --page-token ".count))
        let nextPage = CLMBinary.words(try await bench.clm("score", "list", "--risk", "b", "--limit", "3", "--page-token",
                                                      token).stdout)
        // By value score: 92, 88, 75 on the first page; 70, 50, 45 next.
        #expect(nextPage.dropFirst().prefix(3).map { String($0.prefix(12)) } == [4, 5, 6].map(CardFixture.code),
                "\(nextPage)")
    }
}
