import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import Store

/// The deferred party records of a bulk job, read in pages and opened on all cores.
///
/// The normalised details (for golden records) are read only when the writer needs them, after matching has let go
/// of its working set: holding them through matching cost half a gigabyte of peak memory at a million records.
struct BulkReader {
    let context: IdentityContext
    static let pageSize = 20_000

    /// What the matcher needs of every deferred record, and what the writer needs back.
    struct Loaded: Sendable {
        var records: [MatchRecord] = []
        var refs: [SourceRef] = []
        var kinds: [Int] = []
        var updatedAt: [Timestamp] = []
    }

    /// Reads every deferred record. The next page is fetched while the current one is opened: the database and the
    /// decryption then share the cores instead of taking turns.
    func read() async throws -> Loaded {
        var loaded = Loaded()
        var next = Task { try await page(after: 0) }
        defer { next.cancel() }
        while true {
            let page = try await next.value
            guard let last = page.last else { break }
            next = Task { try await self.page(after: last.id) }
            let vault = context.vault
            let opened = try await Parallel.offCooperativePool { () throws -> [MatchRecord] in
                let parts = Parallel.map(count: page.count, chunks: 8) { range in
                    range.map { index -> Result<MatchRecord, any Error> in
                        Result {
                            let row = page[index]
                            let bytes = try vault.open(row.match, .matchFields, owner: owner(of: row.ref))
                            let decoded = try MatchFieldsCoding.decode(bytes)
                            return MatchRecord(id: Int(row.id), fields: decoded.fields, identifiers: decoded.identifiers)
                        }
                    }
                }
                return try parts.flatMap { try $0.map { try $0.get() } }
            }
            loaded.records += opened
            for row in page {
                loaded.refs.append(row.ref)
                loaded.kinds.append(row.kind)
                loaded.updatedAt.append(Timestamp(unixMicros: row.updated.microsSince1970))
            }
        }
        return loaded
    }

    /// One deferred record as stored, its match fields still sealed.
    struct StoredRow: Sendable {
        let id: Int64
        let ref: SourceRef
        let kind: Int
        let match: [UInt8]
        let updated: PostgresTimestamp
    }

    /// The page of deferred records after id `after`, in id order.
    private func page(after: Int64) async throws -> [StoredRow] {
        try await context.pool.withConnection { connection in
            try connection.query(
                """
                SELECT p.id, p.source_system, p.source_key, p.kind, p.match_fields, p.source_updated_at
                FROM party_record p
                WHERE p.id > $1 AND \(PartyStore.deferred)
                ORDER BY p.id LIMIT $2
                """, [.int(after), .int(Int64(Self.pageSize))]).map { row in
                StoredRow(id: try row.decode(Int64.self, at: 0),
                          ref: SourceRef(sourceSystem: try row.decode(String.self, at: 1),
                                         sourceKey: try row.decode(String.self, at: 2)),
                          kind: Int(try row.decode(Int16.self, at: 3)), match: try row.decode([UInt8].self, at: 4),
                          updated: try row.decode(PostgresTimestamp.self, at: 5))
            }
        }
    }

    /// The sealed normalised details of `loaded`'s records, in the same order, read in pages of consecutive ids, two
    /// pages at a time (the database answers one on each core).
    /// - Throws: when a record is no longer deferred (another job or an online ingest resolved it meanwhile).
    func normalised(of loaded: Loaded) async throws -> [[UInt8]] {
        let starts = Array(stride(from: 0, to: loaded.records.count, by: Self.pageSize))
        var pages = [[[UInt8]]](repeating: [], count: starts.count)
        try await withThrowingTaskGroup(of: (Int, [[UInt8]]).self) { group in
            var next = 0
            func submit() {
                guard next < starts.count else { return }
                let page = next, start = starts[page]
                next += 1
                let ids = loaded.records[start..<min(start + Self.pageSize, loaded.records.count)].map { Int64($0.id) }
                group.addTask { (page, try await self.normalised(ids: ids)) }
            }
            submit()
            submit()
            while let (page, sealed) = try await group.next() {
                pages[page] = sealed
                submit()
            }
        }
        return pages.flatMap { $0 }
    }

    /// The sealed normalised details of the records `ids` (ascending), in that order.
    private func normalised(ids: [Int64]) async throws -> [[UInt8]] {
        let rows = try await context.pool.withConnection { connection in
            try connection.query(
                """
                SELECT p.id, p.normalised FROM party_record p
                WHERE p.id BETWEEN $1 AND $2 AND \(PartyStore.deferred)
                ORDER BY p.id
                """, [.int(ids[0]), .int(ids[ids.count - 1])]).map {
                (id: try $0.decode(Int64.self, at: 0), normalised: try $0.decode([UInt8].self, at: 1))
            }
        }
        // Records deferred since the read fall between the page's ids; they wait for the next job.
        var sealed: [[UInt8]] = []
        sealed.reserveCapacity(ids.count)
        for row in rows where sealed.count < ids.count && row.id == ids[sealed.count] {
            sealed.append(row.normalised)
        }
        guard sealed.count == ids.count else {
            throw BulkReadError(recordID: ids[sealed.count])
        }
        return sealed
    }
}

/// A record read for a bulk resolution stopped being deferred before the job wrote its result.
struct BulkReadError: Error, CustomStringConvertible {
    let recordID: Int64
    var description: String {
        "party record \(recordID) was resolved by something else while this bulk resolution ran; start the job again"
    }
}
