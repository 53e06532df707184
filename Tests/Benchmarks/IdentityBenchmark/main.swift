// identity-bench: issue 3's benchmark. A generated book is loaded into a real clm-identity on a private PostgreSQL:
// every party record stored deferred over RPC, then one bulk resolution; then new records resolved and stored one at
// a time through the RPC with the book in place, half right after the job and half once identity's feed has settled
// (no outbox row waiting for a position, no vacuum of the outbox running). The baseline measured in the same run is
// the health check's round trip on the same socket, so the online figure reads as a ratio as well as in milliseconds.
//
//     identity-bench [--records N] [--online M]        (defaults 1,000,000 and 2,000)

import CLMTesting
import Foundation
import IdentityAPI
import IdentityTestSupport
import Models
import RPC
import ServiceAPI
import Store

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count, let value = Int(arguments[at + 1]) else {
        return fallback
    }
    return value
}
let target = option("--records", 1_000_000)
let online = option("--online", 2_000)
let clock = ContinuousClock()
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

// About 2.16 party records per generated person (one to four systems, organisations included).
let persons = max(100, Int(Double(target) / 2.16))
print("identity-bench: generating a book of \(persons) persons…")
var started = clock.now
let book = try TestBook.generate(persons: persons, organisations: persons / 20, seed: 2026)
let held = min(online, book.parties.count / 10)
let bulkRecords = Array(book.parties.dropLast(held))
let onlineRecords = Array(book.parties.suffix(held))
print("  \(book.parties.count) party records (\(bulkRecords.count) for bulk, \(held) held out for online) in "
      + String(format: "%.1f s", (clock.now - started).inSeconds))

let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "bench")
let suite = try await ServiceProcesses.start([.identity], database: database)
let client = suite.client(.identity)

// Store, deferred, two batches in flight.
started = clock.now
let batches = stride(from: 0, to: bulkRecords.count, by: 5_000).map {
    Array(bulkRecords[$0..<min($0 + 5_000, bulkRecords.count)])
}
try await withThrowingTaskGroup(of: Void.self) { group in
    var next = 0
    func submit() {
        guard next < batches.count else { return }
        let batch = batches[next]
        next += 1
        group.addTask {
            let stored = try await client.call(IdentityAPI.ingestParties,
                                               IngestPartiesRequest(records: batch, deferResolution: true))
            precondition(stored.summary.created == Int32(batch.count), "records were not stored: \(stored.summary)")
        }
    }
    submit(); submit()
    while try await group.next() != nil { submit() }
}
let storeTime = (clock.now - started).inSeconds
print(String(format: "store (normalise, encrypt, insert, deferred): %.1f s, %.0f records/s", storeTime,
             Double(bulkRecords.count) / storeTime))

// Bulk resolution.
started = clock.now
var job = try await client.call(IdentityAPI.startBulkResolution,
                                StartBulkResolutionRequest(estimateParameters: true, operatorId: "bench")).job
// Resident memory by the job's phase (its message while it runs), sampled with each poll: where the peak comes from.
let identityPID = suite.process(.identity)!.processIdentifier
func residentMegabytes() -> Double {
    let status = (try? String(contentsOfFile: "/proc/\(identityPID)/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS") } ?? ""
    return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
}
var residentByPhase: [(phase: String, megabytes: Double)] = []
while job.state == .running {
    try await Task.sleep(for: .milliseconds(250))
    job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: job.jobId)).job
    guard job.state == .running else { break }
    let resident = residentMegabytes()
    if residentByPhase.last?.phase == job.message {
        residentByPhase[residentByPhase.count - 1].megabytes = max(residentByPhase[residentByPhase.count - 1].megabytes,
                                                                   resident)
    } else {
        residentByPhase.append((job.message, resident))
    }
}
let bulkTime = (clock.now - started).inSeconds
let peak = (try? String(contentsOfFile: "/proc/\(suite.process(.identity)!.processIdentifier)/status", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? "VmHWM unknown"
print(String(format: "bulk resolution: %.1f s wall, %.0f records/s; %@", bulkTime, Double(bulkRecords.count) / bulkTime,
             job.state == .succeeded ? "succeeded" : "FAILED"))
print("  \(job.message)")
print("  identity process peak memory: \(peak); highest resident by phase: "
      + residentByPhase.map { String(format: "%@ %.0f MB", $0.phase, $0.megabytes) }.joined(separator: ", "))
print(String(format: "  store + bulk: %.1f s for %d records", storeTime + bulkTime, bulkRecords.count))

// Online: the held-out records, one at a time, against the stored book.
var baseline: [Double] = []
for _ in 0..<200 {
    let before = clock.now
    _ = try await client.call(CommonAPI.check, HealthCheckRequest())
    baseline.append((clock.now - before).inSeconds * 1000)
}
/// Resolves and stores `records` one at a time through the RPC; the latency of each in milliseconds, and the
/// outcomes counted.
func resolveOneByOne(_ records: ArraySlice<PartyRecord>) async throws -> (latencies: [Double], outcomes: [String: Int]) {
    var latencies: [Double] = [], outcomes: [String: Int] = [:]
    for record in records {
        let before = clock.now
        let answer = try await client.call(IdentityAPI.resolveAndStoreParty, ResolveAndStorePartyRequest(record: record))
        latencies.append((clock.now - before).inSeconds * 1000)
        outcomes["\(answer.outcome)", default: 0] += 1
    }
    return (latencies, outcomes)
}
// The first half right after the bulk job; the second half once identity's feed has settled: no outbox row waiting
// for a position, and no vacuum of the outbox running. (The job numbers its own events, one per new customer; before
// it did, the relay numbered them all after the job and then vacuumed the outbox, and online resolution was slower
// until it had.)
let half = onlineRecords.count / 2
let (afterJob, firstOutcomes) = try await resolveOneByOne(onlineRecords[..<half])
started = clock.now
try await withPostgresPool(database.configuration(user: database.superuserName, poolSize: 1),
                           label: "identity-bench") { pool in
    func count(_ sql: String) async throws -> Int64 {
        try await pool.withConnection { try $0.query(sql)[0].decode(Int64.self, at: 0) }
    }
    while try await count("SELECT count(*) FROM identity.outbox WHERE position IS NULL") > 0 {
        try await Task.sleep(for: .milliseconds(100))
    }
    try await Task.sleep(for: .milliseconds(500))
    while try await count(
        """
        SELECT count(*) FROM pg_stat_progress_vacuum v JOIN pg_class c ON c.oid = v.relid WHERE c.relname = 'outbox'
        """) > 0 {
        try await Task.sleep(for: .milliseconds(100))
    }
}
let settleTime = (clock.now - started).inSeconds
let (settled, secondOutcomes) = try await resolveOneByOne(onlineRecords[half...])
let latencies = afterJob + settled
let outcomes = firstOutcomes.merging(secondOutcomes, uniquingKeysWith: +)
let stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
print(String(format: "online resolve-and-store with %d customers stored: p50 %.2f ms, p99 %.2f ms (baseline health "
             + "check p50 %.3f ms; p99/baseline %.0f×)", stats.customers, percentile(latencies, 0.5),
             percentile(latencies, 0.99), percentile(baseline, 0.5),
             percentile(latencies, 0.99) / percentile(baseline, 0.5)))
print(String(format: "  right after the job: p50 %.2f ms, p99 %.2f ms; after the feed settled (%.1f s later): "
             + "p50 %.2f ms, p99 %.2f ms", percentile(afterJob, 0.5), percentile(afterJob, 0.99), settleTime,
             percentile(settled, 0.5), percentile(settled, 0.99)))
print("  outcomes: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
await suite.stopAll()
