// clm-bench: the RPC layer measured against plain read/write on a Unix socket.
//
// Client and server run as separate processes, as in production (the server is this executable with
// `--serve PATH`). Build with `-c release`. See BenchmarkOptions for the flags.
import Foundation
import NIOCore
import RPC

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data((error.message + "\n").utf8))
    exit(2)
}

if let path = options.servePath {
    try await BenchEcho.serve(at: path, handlers: options.handlers)
    exit(0)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clm-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let socket = "\(folder)/bench.sock"

print("clm-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores; server in "
    + (options.inProcess ? "this process" : "a child process") + ", handlers on the "
    + (options.handlers == "concurrent" ? "global concurrent executor" : options.handlers == "immediate"
        ? "event loop until their first suspension" : "event loop") + "; socket \(socket)")

let codec = try Measurements.codec(ops: options.codecOps)
let envelopeNanos = try Measurements.envelope(ops: options.codecOps)

let server = try await BenchServer(at: socket, inProcess: options.inProcess, handlers: options.handlers)
let client = RPCClient(.socket(socket), maxAttempts: 1)
let latency = try await Measurements.latency(client, calls: options.calls, warmup: options.warmup)
let connection = try await RPCConnection.connect(to: socket)
let transport = try await Measurements.transportLatency(connection, calls: options.calls)
await connection.close()
let callsPerSecond = try await Measurements.throughput(client, inFlight: options.inFlight, seconds: options.seconds)
await client.close()
try await server.stop()

let raw = options.runRaw
    ? try RawBaseline.run(roundTrips: options.rawRoundTrips, messageBytes: codec.bytes) : nil

Report(options: options, messageBytes: codec.bytes, codecNanos: codec.nanosPerOp, envelopeNanos: envelopeNanos,
       latency: latency, transport: transport, callsPerSecond: callsPerSecond, raw: raw).print()
