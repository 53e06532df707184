/// What `scoring-bench` measures, from its command line.
///
/// Flags (all optional):
/// - `--customers N`: customers whose facts are generated and loaded for the full rescore (default 1,000,000).
/// - `--rescore-runs N`: full rescores timed one after the other (default 2: the first inserts every card, the
///   second replaces them, which is the steady state of a book that was scored before).
/// - `--latency-events N`: events timed in the feed-latency part (default 60,000: a minute at the default rate).
/// - `--warmup-events N`: events sent first and not timed (default 10 s worth at `--rate`).
/// - `--rate R`: events per second the loader sends to identity, paced by the clock (default 1,000).
/// - `--latency-customers N`: customers identity holds for the latency part (default 5,000).
/// - `--poll-ms N`: how often the score-card watcher looks for stored cards (default 2).
/// - `--seed N`: the generator's seed (default 2026).
/// - `--skip-rescore`, `--skip-latency`: leave a part out.
struct BenchOptions: Sendable {
    var customers = 1_000_000
    var rescoreRuns = 2
    var latencyEvents = 60_000
    var warmupEvents: Int?
    var rate = 1_000.0
    var latencyCustomers = 5_000
    var pollMillis = 2
    var seed: UInt64 = 2026
    var runRescore = true
    var runLatency = true

    /// The day every card is scored as of (`CLM_SCORING_AS_OF`), so that two runs compute the same cards.
    static let asOf = "2025-06-30"

    /// Events sent before timing starts.
    var warmup: Int { warmupEvents ?? Int(rate * 10) }

    /// Reads `arguments` (without the program name).
    /// - Throws: `UsageError` naming a flag that is unknown or lacks a valid value.
    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--customers": customers = try Self.count(flag, rest.popFirst())
            case "--rescore-runs": rescoreRuns = try Self.count(flag, rest.popFirst())
            case "--latency-events": latencyEvents = try Self.count(flag, rest.popFirst())
            case "--warmup-events": warmupEvents = try Self.count(flag, rest.popFirst(), minimum: 0)
            case "--latency-customers": latencyCustomers = try Self.count(flag, rest.popFirst())
            case "--poll-ms": pollMillis = try Self.count(flag, rest.popFirst())
            case "--rate":
                guard let text = rest.popFirst(), let value = Double(text), value > 0 else {
                    throw UsageError(message: "--rate needs a positive number of events per second")
                }
                rate = value
            case "--seed":
                guard let text = rest.popFirst(), let value = UInt64(text) else {
                    throw UsageError(message: "--seed needs a whole number")
                }
                seed = value
            case "--skip-rescore": runRescore = false
            case "--skip-latency": runLatency = false
            case "--help", "-h": throw UsageError(message: Self.usage)
            default: throw UsageError(message: "unknown flag \(flag)\n\(Self.usage)")
            }
        }
    }

    static let usage = """
        usage: scoring-bench [--customers N] [--rescore-runs N] [--latency-events N] [--warmup-events N] [--rate R]
                             [--latency-customers N] [--poll-ms N] [--seed N] [--skip-rescore] [--skip-latency]
        """

    private static func count(_ flag: String, _ text: String?, minimum: Int = 1) throws(UsageError) -> Int {
        guard let text, let value = Int(text.replacing("_", with: "")), value >= minimum else {
            throw UsageError(message: "\(flag) needs a whole number of at least \(minimum)")
        }
        return value
    }
}

/// A command line that cannot be run, with what to print.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
