import EventFeed
import Foundation
import IdentityAPI
import IdentityMatching
import IdentityResolution
import Logging
import Models
import Store

/// One bulk resolution (issue 3 item 4): every party record stored with `defer_resolution` resolved at once.
///
/// On an empty store (no resolved record yet), the records are read in pages, fitted (u from random pairs, m by EM,
/// term frequencies from the data), blocked, scored and clustered on all cores by `BulkResolver`, and written in one
/// transaction with COPY: customers with their golden records, the records' links, the blocking index, review items,
/// CustomerCreated events, and the fitted parameters, which become the active model for online resolution. A crash
/// before that commit leaves the records deferred, to be resolved by the next job; nothing is half-written.
///
/// When customers exist already, each deferred record goes through online resolution instead, so new records meet the
/// stored customers exactly as they would one at a time.
struct BulkResolutionJob: Sendable {
    let context: IdentityContext
    let id: String
    let estimate: Bool
    let operatorID: String

    /// The advisory lock a bulk write holds exclusively and online resolution shares.
    static let lockKey: Int64 = 0x1D_B01C

    func run() async {
        let clock = ContinuousClock()
        let start = clock.now
        let heartbeat = Task { [context, id] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(10))
                _ = try? await context.pool.withConnection { connection in
                    try connection.execute("UPDATE bulk_job SET heartbeat_at = now() WHERE id = $1", [.text(id)])
                }
            }
        }
        defer { heartbeat.cancel() }
        do {
            let resolved = try await context.pool.withConnection { connection in
                try connection.query("SELECT EXISTS (SELECT 1 FROM party_link)")[0]
                    .decode(Bool.self, at: 0)
            }
            let report = resolved ? try await resolveOnline() : try await resolveInBulk()
            try await finish(.succeeded, message: report + String(format: "; %.1f s", (clock.now - start).inSeconds))
        } catch {
            context.logger.error("bulk resolution failed", metadata: ["job": "\(id)", "error": "\(error)"])
            try? await finish(.failed, message: "\(error)")
        }
    }

    // MARK: Online, one record at a time

    private func resolveOnline() async throws -> String {
        var after: Int64 = 0, done = 0
        try await progress(phase: "resolving against stored customers", done: 0)
        while true {
            let context = self.context
            let from = after
            let ids = try await context.pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT p.id FROM party_record p
                    WHERE p.id > $1 AND \(PartyStore.deferred)
                    ORDER BY p.id LIMIT 1000
                    """,
                    [.int(from)]).map { try $0.decode(Int64.self, at: 0) }
            }
            guard let last = ids.last else { break }
            after = last
            for id in ids {
                try await context.pool.transaction { connection in
                    let party = try StoredParty.load(id, context: context, on: connection)
                    guard let party else { return }
                    _ = try OnlineResolver(context: context, connection: connection, traceID: "")
                        .resolve(party, id: id, previous: nil)
                }
                done += 1
            }
            context.relay.poke()
            try await progress(phase: "resolving against stored customers", done: done)
        }
        return "\(done) records resolved one by one against the stored customers"
    }

    // MARK: Bulk

    private func resolveInBulk() async throws -> String {
        let clock = ContinuousClock()
        var started = clock.now
        try await progress(phase: "reading", done: 0)
        let loaded = try await BulkReader(context: context).read()
        let readTime = clock.now - started
        guard !loaded.records.isEmpty else { return "no deferred records" }

        started = clock.now
        try await progress(phase: "matching", done: 0)
        let resolution: BulkResolution
        let active = try await context.pool.withConnection { try context.matchers.matcher(on: $0) }
        if estimate || active.version == MatcherCache.priorVersion {
            resolution = try await BulkResolver.resolve(loaded.records, settings: PartyMatching.settings,
                                                        keyHash: context.vault.blockKey)
        } else {
            resolution = try await BulkResolver.resolve(loaded.records, matcher: active.matcher,
                                                        keyHash: context.vault.blockKey)
        }
        let matchTime = clock.now - started
        FreedMemory.returnToSystem()

        started = clock.now
        try await progress(phase: "storing", done: 0)
        var (customers, steps) = try await BulkWriter(context: context, jobID: id, operatorID: operatorID)
            .write(loaded, resolution: resolution, activate: estimate || active.version == MatcherCache.priorVersion)
        context.relay.poke()
        // The planner's statistics still describe the tables as they were before the load; without fresh ones it
        // scans a million rows for each online lookup until autovacuum comes round. Vacuumed as well, the new rows
        // are marked visible to all, so lookups need not check each one (online p99 at 1M: 4.5 ms while autovacuum
        // was still to come, 3.4 ms after).
        try await context.pool.withConnection {
            try $0.executeScript("VACUUM (ANALYZE) party_record, party_link, customer, match_key")
        }
        steps.end("vacuum and statistics")
        let storeTime = clock.now - started
        let statistics = resolution.statistics
        return "\(loaded.records.count) records, \(customers) customers, \(statistics.candidatePairs) candidate pairs, "
            + "\(resolution.clustering.reviews.count) reviews; read \(readTime), match \(matchTime) "
            + "(prepare \(statistics.prepare), block \(statistics.block), estimate \(statistics.estimate), "
            + "score \(statistics.score), "
            + "cluster \(statistics.cluster)), store \(storeTime) (\(steps)); pairs by rule: "
            + statistics.candidatePairsByRule.map { "\($0.rule) \($0.pairs)" }.joined(separator: ", ")
    }

    // MARK: Job row

    private func progress(phase: String, done: Int) async throws {
        let id = self.id
        try await context.pool.withConnection { connection in
            try connection.execute(
                "UPDATE bulk_job SET phase = $2, done = $3, heartbeat_at = now() WHERE id = $1",
                [.text(id), .text(phase), .int(Int64(done))])
        }
    }

    private func finish(_ state: JobState, message: String) async throws {
        let id = self.id
        try await context.pool.withConnection { connection in
            try connection.execute(
                """
                UPDATE bulk_job SET state = $2::smallint, message = $3, finished_at = now(), heartbeat_at = now(),
                       done = CASE WHEN $2::smallint = 3 THEN total ELSE done END
                WHERE id = $1
                """, [.text(id), .int(Int64(state.protoNumber)), .text(message)])
        }
    }
}

/// A stored party record read back for resolution.
enum StoredParty {
    /// The record `id` as a `PreparedParty`, or nil when it is gone or already resolved.
    static func load(_ id: Int64, context: IdentityContext, on connection: PostgresConnection) throws -> PreparedParty? {
        let rows = try connection.query(
            """
            SELECT p.source_system, p.source_key, p.record, p.received_at FROM party_record p
            WHERE p.id = $1 AND \(PartyStore.deferred) FOR UPDATE
            """, [.int(id)])
        guard let row = rows.first else { return nil }
        let ref = SourceRef(sourceSystem: try row.decode(String.self, at: 0), sourceKey: try row.decode(String.self, at: 1))
        let record = try context.vault.open(PartyRecord.self, try row.decode([UInt8].self, at: 2), .record,
                                            owner: owner(of: ref))
        let received = try row.decode(PostgresTimestamp.self, at: 3)
        return try PreparedParty(record, context: context, receivedAt: Timestamp(unixMicros: received.microsSince1970))
    }
}
