import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import Store

/// The deferred party records of a bulk job, read in pages and opened on all cores.
struct BulkReader {
    let context: IdentityContext
    static let pageSize = 20_000

    /// What the matcher needs of every deferred record, and what the writer needs back.
    struct Loaded: Sendable {
        var records: [MatchRecord] = []
        var refs: [SourceRef] = []
        var kinds: [Int] = []
        var sealedNormalised: [[UInt8]] = []
        var updatedAt: [Timestamp] = []
    }

    func read() async throws -> Loaded {
        var loaded = Loaded()
        var after: Int64 = 0
        let context = self.context
        while true {
            let from = after
            let page = try await context.pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT id, source_system, source_key, kind, match_fields, normalised, source_updated_at
                    FROM party_record WHERE customer_id IS NULL AND id > $1 ORDER BY id LIMIT $2
                    """, [.int(from), .int(Int64(Self.pageSize))]).map { row in
                    (id: try row.decode(Int64.self, at: 0),
                     ref: SourceRef(sourceSystem: try row.decode(String.self, at: 1),
                                    sourceKey: try row.decode(String.self, at: 2)),
                     kind: Int(try row.decode(Int16.self, at: 3)), match: try row.decode([UInt8].self, at: 4),
                     normalised: try row.decode([UInt8].self, at: 5),
                     updated: try row.decode(PostgresTimestamp.self, at: 6))
                }
            }
            guard let last = page.last else { break }
            after = last.id
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
                loaded.sealedNormalised.append(row.normalised)
                loaded.updatedAt.append(Timestamp(unixMicros: row.updated.microsSince1970))
            }
        }
        return loaded
    }
}
