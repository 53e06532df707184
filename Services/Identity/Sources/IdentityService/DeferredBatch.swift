import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import Store

/// Stores a batch of party records without resolving them (`defer_resolution`), for initial loads of millions: the
/// records are normalised and sealed on all cores, records new to the store go in with one COPY, and only records
/// already stored (a newer or the same version) or repeated in the batch take the one-by-one path.
struct DeferredBatch {
    let context: IdentityContext

    func store(_ records: [PartyRecord], traceID: String, receivedAt: Timestamp) async throws -> [RecordResult] {
        let context = self.context
        // Normalising and sealing is the costly part; it needs no database. A record is refused or prepared, once.
        let screened = try await Parallel.offCooperativePool { () throws -> [Screened] in
            let parts = Parallel.map(count: records.count, chunks: 8) { range in
                range.map { index -> Result<Screened, any Error> in
                    Result {
                        if let problem = PreparedParty.rejection(records[index]) { return .rejected(problem) }
                        return .prepared(try PreparedParty(records[index], context: context, receivedAt: receivedAt))
                    }
                }
            }
            return try parts.flatMap { try $0.map { try $0.get() } }
        }
        return try await context.pool.transaction { connection in
            var results = records.enumerated().map { RecordResult(index: Int32($0), ref: $1.ref) }
            var fresh: [(index: Int, party: PreparedParty)] = [], oneByOne: [(index: Int, party: PreparedParty)] = []
            let stored = try Self.storedRefs(records, on: connection)
            var seen = Set<SourceRef>()
            for (index, record) in screened.enumerated() {
                switch record {
                case .rejected(let problem):
                    results[index].outcome = .rejected
                    results[index].reason = problem
                case .prepared(let party):
                    if stored.contains(party.record.ref) || !seen.insert(party.record.ref).inserted {
                        oneByOne.append((index, party))
                    } else {
                        fresh.append((index, party))
                    }
                }
            }
            if !fresh.isEmpty {
                try connection.copyIn(
                    """
                    COPY party_record (source_system, source_key, source_version, source_updated_at, kind, record,
                                       normalised, match_fields) FROM STDIN
                    """, rows: fresh.map { PartyStore.values($0.party) })
                for (index, party) in fresh {
                    results[index].outcome = .created
                    results[index].checks = party.normalized.checks
                }
            }
            let resolver = OnlineResolver(context: context, connection: connection, traceID: traceID)
            for (index, party) in oneByOne {
                let outcome = try resolver.store(party, deferred: true)
                results[index].outcome = outcome.outcome
                results[index].reason = outcome.reason
                results[index].checks = party.normalized.checks
                results[index].customerCode = outcome.customerCode
                results[index].sentToReview = outcome.sentToReview
            }
            return results
        }
    }

    /// A record of the batch once looked at: refused with a reason, or normalised and sealed.
    enum Screened: Sendable {
        case rejected(String)
        case prepared(PreparedParty)
    }

    /// Which of the batch's references are stored already.
    static func storedRefs(_ records: [PartyRecord], on connection: PostgresConnection) throws -> Set<SourceRef> {
        let rows = try connection.query(
            """
            SELECT source_system, source_key FROM party_record
            WHERE (source_system, source_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))
            """, [PostgresValue.textArray(records.map(\.ref.sourceSystem)),
                  PostgresValue.textArray(records.map(\.ref.sourceKey))])
        return Set(try rows.map {
            SourceRef(sourceSystem: try $0.decode(String.self, at: 0), sourceKey: try $0.decode(String.self, at: 1))
        })
    }
}
