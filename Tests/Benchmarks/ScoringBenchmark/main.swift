// scoring-bench: the scoring issue's benchmark, against real clm-identity and clm-scoring processes on a private
// PostgreSQL.
//
// 1. Full rescore: a generated book of N customers is loaded straight into scoring's fact tables with COPY; full
//    rescores run through StartRescoreAll / GetRescoreStatus; the baseline is reading the same facts back through
//    PostgreSQL in the same run (and writing the cards again inside the server).
// 2. Feed latency: records sent to identity at a steady rate, each timed from the ingest's return to the moment
//    the customer's updated score card is visible; the baseline is identity's own feed latency on the same events.
//
//     scoring-bench [--customers N] [--latency-events N] [--rate R] [--skip-rescore] [--skip-latency] …
//     (BenchOptions lists every flag; CLM_BIN_DIR names the folder of the service executables)

import CLMTesting
import Foundation
import Models
import Store

let options: BenchOptions
do {
    options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    say(error.message)
    exit(64)
}

let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity, .scoring], prefix: "sbench")
// Scoring as of a fixed day, so every run computes the same cards; with the life template active from the start, as
// `make run` has it, so that cards carry value score, tier and layer and a rescore does all of its work; with no
// scheduled full rescore, which would otherwise start on its own if a run spans 02:00. The small-book threshold is
// put below the latency part's customer count: a production book is far above it, so its statistics are measured
// by full rescores only, not on every rescore batch as they would be for a book of a few thousand customers.
let suite = try await ServiceProcesses.start(
    [.identity, .scoring], database: database,
    environment: ["CLM_SCORING_AS_OF": BenchOptions.asOf, "CLM_SCORING_INITIAL_RULE_SET": "life",
                  "CLM_SCORING_RESCORE_AT": "off", "CLM_SCORING_SMALL_BOOK": "1000"])
do {
    try await withPostgresPool(database.configuration(user: database.superuserName, poolSize: 3),
                               label: "scoring-bench") { pool in
        if options.runRescore {
            try await RescoreBenchmark(options: options, scoring: suite.client(.scoring),
                                       scoringProcess: suite.process(.scoring)?.processIdentifier, pool: pool).run()
        }
        if options.runLatency {
            try await FeedLatencyBenchmark(options: options, identity: suite.client(.identity), pool: pool).run()
        }
    }
    let status = suite.process(.scoring).flatMap {
        try? String(contentsOfFile: "/proc/\($0.processIdentifier)/status", encoding: .utf8)
    }
    let peak = status?.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? "VmHWM unknown"
    say("scoring process peak memory: \(peak)")
} catch {
    say("scoring-bench failed: \(error)")
    say("scoring log tail:\n\(suite.logTail(.scoring))")
    await suite.stopAll()
    exit(1)
}
await suite.stopAll()
