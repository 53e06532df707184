import Foundation
import Models
import RPC
import Store

/// Part 1: load a generated book of `customers` straight into scoring's fact tables, then time full rescores
/// through the service's RPCs against the baseline measured in the same run: reading the same facts back through
/// PostgreSQL (`FactReadBaseline`), and writing the cards again inside the server (`CardWriteBaseline`).
struct RescoreBenchmark {
    let options: BenchOptions
    let scoring: RPCClient
    /// The scoring process, whose CPU time is measured beside the cluster's.
    let scoringProcess: Int32?
    let pool: PostgresPool

    func run() async throws {
        let book = CustomerBook(customers: options.customers, seed: options.seed,
                                asOf: BenchDay.parse(BenchOptions.asOf))
        say("generating and loading the facts of \(options.customers) customers into scoring's tables (COPY)…")
        let load = try await FactLoader(pool: pool, book: book).load()
        let rows = load.rows.values.reduce(0, +)
        say(String(format: "  %d rows in %.1f s (%.0f rows/s, %.0f customers/s); VACUUM ANALYZE %.1f s; %@",
                   rows, load.seconds, Double(rows) / load.seconds, Double(options.customers) / load.seconds,
                   load.analyseSeconds, try await tableSizes()))
        say("  rows: " + FactTable.allCases.map { "\($0.name.dropFirst(8)) \(load.rows[$0] ?? 0)" }
            .joined(separator: ", "))

        let read = try await FactReadBaseline.measure(pool)
        say(String(format: "baseline: read every fact back through PostgreSQL (COPY out, 1 connection): %.2f s, "
                   + "%d rows, %.0f MB", read.seconds, read.rows, Double(read.bytes) / 1e6))

        let postmaster = try await self.postmaster()
        for run in 1...options.rescoreRuns {
            let label = run == 1 ? "cards inserted" : "cards replaced"
            say("full rescore \(run) (\(label))…")
            let before = cpuTime(postmaster)
            let outcome: RescoreRun.Outcome
            do {
                outcome = try await RescoreRun(client: scoring).run(reason: "scoring-bench run \(run)")
            } catch let failure as RescoreRun.Failure {
                say("  skipped: \(failure)")
                return
            }
            report(outcome, run: run, read: read)
            if let before, let used = cpuTime(postmaster)?.since(before) {
                say(String(format: "  CPU: scoring process %.1f s, PostgreSQL %.1f s (%.0f%% database); "
                           + "%.1f of 2 cores busy over the wall", used.process, used.database,
                           100 * used.database / max(used.process + used.database, 0.001),
                           (used.process + used.database) / outcome.wallSeconds))
            }
        }
        let write = try await CardWriteBaseline.measure(pool)
        say(String(format: "baseline: write the %d cards again inside the server (INSERT … SELECT into a copy of "
                   + "score_card with its indexes): %.2f s", write.cards, write.seconds))
        say(String(format: "  database floor (read baseline + write baseline): %.2f s", read.seconds + write.seconds))
    }

    private func report(_ outcome: RescoreRun.Outcome, run: Int, read: FactReadBaseline.Outcome) {
        let job = outcome.job
        let perSecond = Double(job.itemsDone) / outcome.wallSeconds
        let own = outcome.jobSeconds.map { String(format: "job's own %.1f s", $0) } ?? "job's own time not reported"
        say(String(format: "  %@: %.1f s wall (%@), %.0f customers/s; %lld of %lld done, %lld failed",
                   job.state.rawValue, outcome.wallSeconds, own, perSecond, job.itemsDone, job.itemsTotal,
                   job.itemsFailed))
        say("  job message: \(job.message.isEmpty ? "(none)" : job.message)")
        say(String(format: "  rescore / read baseline: %.1f×   (target: %d customers under 30 s: %@)",
                   outcome.wallSeconds / read.seconds, options.customers,
                   outcome.wallSeconds < 30 ? "met" : "not met"))
    }

    /// The cluster's postmaster: the parent of this connection's backend.
    private func postmaster() async throws -> Int32? {
        let backend = try await pool.withConnection {
            try $0.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
        }
        return CPUTime.parent(of: backend)
    }

    private func cpuTime(_ postmaster: Int32?) -> CPUTime? {
        guard let scoringProcess, let postmaster else { return nil }
        return CPUTime.sample(process: scoringProcess, postmaster: postmaster)
    }

    /// The fact tables' size on disk, indexes included.
    private func tableSizes() async throws -> String {
        let names = FactTable.allCases.map { "'\($0.name)'" }.joined(separator: ", ")
        let bytes = try await pool.withConnection { connection in
            try connection.query(
                "SELECT sum(pg_total_relation_size(t::regclass))::bigint FROM unnest(ARRAY[\(names)]) AS t")[0]
                .decode(Int64.self, at: 0)
        }
        return String(format: "%.0f MB on disk with indexes", Double(bytes) / 1e6)
    }
}
