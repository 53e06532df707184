import Foundation

/// CPU time used so far by the scoring process and by the PostgreSQL cluster, read from `/proc`: the split between
/// computation and database of a run, and a measure that a busy neighbour on the host inflates less than wall time.
struct CPUTime {
    /// The scoring process, all its threads.
    var process: Double
    /// The cluster: the postmaster, its live children (backends, autovacuum, writers) and the children it reaped
    /// (backends that ended meanwhile).
    var database: Double

    /// Seconds between `earlier` and this sample.
    func since(_ earlier: CPUTime) -> CPUTime {
        CPUTime(process: process - earlier.process, database: database - earlier.database)
    }

    /// Samples the two; nil where `/proc` cannot be read (not Linux).
    static func sample(process: Int32, postmaster: Int32) -> CPUTime? {
        guard let own = stat(process), let master = stat(postmaster) else { return nil }
        var database = master.own + master.reaped
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let child = stat(pid), child.parent == postmaster else { continue }
            database += child.own
        }
        return CPUTime(process: own.own, database: database)
    }

    /// The parent of process `pid`.
    static func parent(of pid: Int32) -> Int32? { stat(pid)?.parent }

    /// `/proc/PID/stat`: the parent, user + system time, and that of reaped children, in seconds.
    private static func stat(_ pid: Int32) -> (parent: Int32, own: Double, reaped: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": state is field 3; ppid 4; utime 14, stime 15, cutime 16, cstime 17.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 14, let parent = Int32(fields[1]), let utime = Double(fields[11]),
              let stime = Double(fields[12]), let cutime = Double(fields[13]), let cstime = Double(fields[14])
        else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (parent, (utime + stime) / ticks, (cutime + cstime) / ticks)
    }
}
