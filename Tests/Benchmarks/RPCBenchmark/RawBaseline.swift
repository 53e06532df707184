import Foundation

/// The C ping-pong (`Tests/Benchmarks/raw_pingpong.c`): plain read/write between two processes, the floor.
struct RawBaseline {
    let p50Micros: Double
    let p99Micros: Double
    let roundTripsPerSecond: Double

    /// The benchmark folder, found from this source file: `Tests/Benchmarks`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Builds the baseline with `cc -O2` into `Tests/Benchmarks/bin/` and runs it.
    /// - Throws: `UsageError` when the compiler or the program fails, or its output cannot be read.
    static func run(roundTrips: Int, messageBytes: Int) throws -> RawBaseline {
        let source = folder.appendingPathComponent("raw_pingpong.c").path
        let binary = folder.appendingPathComponent("bin/raw_pingpong").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("bin").path,
                                                withIntermediateDirectories: true)
        _ = try execute("/usr/bin/env", ["cc", "-O2", "-o", binary, source])
        let output = try execute(binary, ["\(roundTrips)", "\(messageBytes)"])
        var values: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        guard let p50 = values["p50_us"], let p99 = values["p99_us"], let rate = values["round_trips_per_s"] else {
            throw UsageError(message: "raw_pingpong printed something unexpected:\n\(output)")
        }
        return RawBaseline(p50Micros: p50, p99Micros: p99, roundTripsPerSecond: rate)
    }

    /// Runs a program to its end and returns what it printed.
    private static func execute(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UsageError(message: "\(program) \(arguments.joined(separator: " ")) exited with "
                + "\(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
