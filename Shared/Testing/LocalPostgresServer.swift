import Foundation
import Synchronization

/// Starts and stops the private PostgreSQL server behind ``PostgresTestCluster``.
///
/// PostgreSQL refuses to run as root, so when the tests run as root every server command runs as
/// the `postgres` user through `runuser`, and the cluster's folders belong to that user.
enum LocalPostgresServer {
    /// Where a started server can be reached.
    struct Launched: Sendable {
        let socketDirectory: String
        let port: Int
    }

    /// Folders start with this, so leftovers of crashed runs can be recognised and removed.
    private static let folderPrefix = "clm-pgtest-"
    private static let port = 5432

    /// What the exit handler needs: the data directory, the folder to remove.
    private static let running = Mutex<(dataDirectory: String, root: String)?>(nil)

    /// Starts the server on a plain thread: initdb and pg_ctl block for a second or two.
    static func launchOffCooperativePool() async throws -> Launched {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try launch() }) }
        }
    }

    private static func launch() throws -> Launched {
        let binDirectory = try postgresBinDirectory()
        removeLeftoversOfDeadRuns(binDirectory: binDirectory)

        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(folderPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let socketDirectory = root + "/sock"
        let dataDirectory = root + "/data"
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        // A throwaway cluster: any local user (root running the tests, postgres running the server) may use the socket.
        _ = chmod(socketDirectory, 0o777)
        try "\(getpid())\n".write(toFile: root + "/owner.pid", atomically: true, encoding: .utf8)
        if getuid() == 0 {
            try run("/bin/chown", ["-R", "postgres:postgres", root])
        }

        try runAsServerUser(binDirectory + "/initdb", [
            "-D", dataDirectory, "--auth=trust", "-E", "UTF8", "--locale=C", "-U", "postgres", "--no-sync",
        ], log: root + "/initdb.log")
        running.withLock { $0 = (dataDirectory, root) }
        atexit { LocalPostgresServer.stopAtExit() }

        let options = [
            "-k '\(socketDirectory)'", "-c listen_addresses=''", "-c port=\(port)",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            "-c max_connections=300", "-c shared_buffers=64MB", "-c max_locks_per_transaction=256",
        ].joined(separator: " ")
        try runAsServerUser(binDirectory + "/pg_ctl", [
            "-D", dataDirectory, "-l", root + "/server.log", "-w", "-t", "60", "-o", options, "start",
        ], log: root + "/pg_ctl.log")
        return Launched(socketDirectory: socketDirectory, port: port)
    }

    /// `CLM_PG_BINDIR` when set, else `pg_config --bindir`, else the newest `/usr/lib/postgresql/*/bin`
    /// (libpq-dev's pg_config may name a version whose server is not installed).
    private static func postgresBinDirectory() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["CLM_PG_BINDIR"], !configured.isEmpty {
            return configured
        }
        var candidates: [String] = []
        if let output = try? run("/usr/bin/env", ["pg_config", "--bindir"]) {
            candidates.append(output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        guard let directory = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") })
        else {
            throw TestClusterError(
                description: "no pg_ctl found (looked in \(candidates)); install postgresql or set CLM_PG_BINDIR")
        }
        return directory
    }

    private static func runAsServerUser(_ tool: String, _ arguments: [String], log: String) throws {
        if getuid() == 0 {
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser"]
                .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "runuser"
            try run(runuser, ["-u", "postgres", "--", tool] + arguments, log: log)
        } else {
            try run(tool, arguments, log: log)
        }
    }

    /// Runs a program to completion; its output goes to `log` (or is returned when there is none).
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], log: String? = nil) throws -> String {
        let process = Process()
        // Foundation notices a child's exit only when every holder of a socket it passes down has
        // closed it, and pg_ctl leaves the server running with that socket inherited: the wait
        // would last until the server stops. So bash closes every descriptor above 2 first.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.closeInheritedDescriptors, executable] + arguments
        let outputPath = log ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("\(folderPrefix)cmd-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        if getuid() == 0 { _ = chmod(outputPath, 0o666) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if log == nil { try? FileManager.default.removeItem(atPath: outputPath) }
        guard process.terminationStatus == 0 else {
            throw TestClusterError(
                description: "\(executable) \(arguments.joined(separator: " ")) "
                    + "exited with \(process.terminationStatus): \(text)")
        }
        return text
    }

    /// Closes descriptors above 2, then runs `$0` with the remaining arguments (no quoting involved).
    private static let closeInheritedDescriptors =
        #"for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done; exec "$0" "$@""#

    /// Stops the server at once (SIGQUIT, like `pg_ctl stop -m immediate`) and removes its folder.
    ///
    /// Runs from `atexit`, so it only uses plain system calls, no `Process`.
    private static func stopAtExit() {
        guard let cluster = running.withLock({ $0 }) else { return }
        stopServer(dataDirectory: cluster.dataDirectory)
        try? FileManager.default.removeItem(atPath: cluster.root)
    }

    /// Sends SIGQUIT to the postmaster named in `postmaster.pid` and waits up to 5 s for it to end.
    private static func stopServer(dataDirectory: String) {
        guard let contents = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let line = contents.split(separator: "\n").first,
              let pid = pid_t(line.trimmingCharacters(in: .whitespaces))
        else { return }
        guard kill(pid, SIGQUIT) == 0 else { return }
        for _ in 0..<500 where kill(pid, 0) == 0 {
            usleep(10_000)
        }
    }

    /// Stops and removes clusters left by test processes that died without running their exit handler.
    private static func removeLeftoversOfDeadRuns(binDirectory: String) {
        let temporary = FileManager.default.temporaryDirectory.path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for entry in entries where entry.hasPrefix(folderPrefix) {
            let root = temporary + "/" + entry
            guard let owner = try? String(contentsOfFile: root + "/owner.pid", encoding: .utf8),
                  let pid = pid_t(owner.trimmingCharacters(in: .whitespacesAndNewlines)),
                  kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            stopServer(dataDirectory: root + "/data")
            try? FileManager.default.removeItem(atPath: root)
        }
    }
}
