/// What `clm-bench` measures and for how long, from its command line.
///
/// Flags (all optional):
/// - `--calls N`: calls timed one at a time for latency (default 20000), after `--warmup N` (default 2000).
/// - `--seconds S`: how long to run the 32-in-flight throughput phase (default 5).
/// - `--in-flight N`: concurrent calls over the one connection in that phase (default 32).
/// - `--codec-ops N`: encode+decode rounds for the codec alone (default 200000).
/// - `--raw-round-trips N`: round trips for the C baseline (default 100000); `--no-raw` skips it.
/// - `--in-process`: run the server in this process instead of a child process.
/// - `--handlers concurrent|event-loop|immediate`: where the echo server runs its handler
///   (`RPCServer.HandlerExecution`); default concurrent, the server's own default.
/// - `--serve PATH`: internal; run only the echo server at PATH until SIGTERM.
struct BenchmarkOptions {
    var calls = 20_000
    var warmup = 2_000
    var seconds = 5.0
    var inFlight = 32
    var codecOps = 200_000
    var rawRoundTrips = 100_000
    var runRaw = true
    var inProcess = false
    var handlers = "concurrent"
    var servePath: String?

    /// Reads `arguments` (without the program name).
    /// - Throws: `UsageError` naming a flag that is unknown or lacks a valid value.
    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            switch flag {
            case "--calls": calls = try Self.count(flag, rest.popFirst())
            case "--warmup": warmup = try Self.count(flag, rest.popFirst(), minimum: 0)
            case "--seconds":
                guard let text = rest.popFirst(), let value = Double(text), value > 0 else {
                    throw UsageError(message: "--seconds needs a positive number")
                }
                seconds = value
            case "--in-flight": inFlight = try Self.count(flag, rest.popFirst())
            case "--codec-ops": codecOps = try Self.count(flag, rest.popFirst())
            case "--raw-round-trips": rawRoundTrips = try Self.count(flag, rest.popFirst())
            case "--no-raw": runRaw = false
            case "--in-process": inProcess = true
            case "--handlers":
                guard let text = rest.popFirst(), ["concurrent", "event-loop", "immediate"].contains(text) else {
                    throw UsageError(message: "--handlers needs concurrent, event-loop or immediate")
                }
                handlers = text
            case "--serve":
                guard let path = rest.popFirst() else { throw UsageError(message: "--serve needs a socket path") }
                servePath = path
            case "--help", "-h": throw UsageError(message: Self.usage)
            default: throw UsageError(message: "unknown flag \(flag)\n\(Self.usage)")
            }
        }
    }

    static let usage = """
        usage: clm-bench [--calls N] [--warmup N] [--seconds S] [--in-flight N] [--codec-ops N]
                         [--raw-round-trips N] [--no-raw] [--in-process] [--handlers concurrent|event-loop|immediate]
        """

    private static func count(_ flag: String, _ text: String?, minimum: Int = 1) throws(UsageError) -> Int {
        guard let text, let value = Int(text), value >= minimum else {
            throw UsageError(message: "\(flag) needs a whole number of at least \(minimum)")
        }
        return value
    }
}

/// A command line that cannot be run, with what to say about it.
struct UsageError: Error {
    let message: String
}
