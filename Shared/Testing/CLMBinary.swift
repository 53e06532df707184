import Foundation

/// What one run of the built `clm` printed and how it ended.
public struct CLMRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Both streams, for failure messages.
    public var output: String { stdout + stderr }
}

/// The built `clm` executable, run as an operator would run it: found where ``ServiceProcesses`` finds the services
/// (beside the test binary, or in `CLM_BIN_DIR`), optionally under another uid.
public enum CLMBinary {
    public static var path: String { ServiceProcesses.binaryFolder + "/clm" }

    /// `setpriv`, which switches uid and gid by number (no passwd entry needed); only root may use it so.
    public static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The lines of an output with each run of spaces made one and leading spaces dropped, so that tables compare
    /// without their padding and indentation.
    public static func words(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// A new, empty folder for one test's files (working directory, outputs, relays), readable by every uid.
    public static func runFolder(_ stem: String) throws -> String {
        let name = "\(stem)-\(UUID().uuidString.prefix(8))"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        _ = chmod(path, 0o755)
        return path
    }

    /// Runs `clm arguments` in `folder` and waits for it without holding a thread of the cooperative pool.
    ///
    /// The output goes to files in `folder` rather than pipes: an import's progress bar on standard error could fill
    /// a pipe that is not being read and stall the child.
    /// - Parameters:
    ///   - uid: run as this uid (and the gid of the same number, no supplementary groups) through `setpriv`; nil runs
    ///     as the test process's own uid.
    ///   - folder: the working directory, where the output files go; it must exist.
    public static func run(_ arguments: [String], asUID uid: UInt32? = nil, in folder: String) async throws -> CLMRun {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CLMBinaryError(description: "\(path) is missing: build the executables first (swift build)")
        }
        let process = Process()
        if let uid {
            guard let setpriv else { throw CLMBinaryError(description: "setpriv (util-linux) is not installed") }
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stem = "\(folder)/clm-\(UUID().uuidString.prefix(8))"
        let (outPath, errPath) = (stem + ".out", stem + ".err")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? out.close()
        try? err.close()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return CLMRun(status: status, stdout: stdout, stderr: stderr)
    }
}

/// The `clm` binary could not be run.
public struct CLMBinaryError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}
