import EventFeed
import IdentityAPI
import Models
import NIOCore
import RPC
import Store
import WireCodec

/// IngestPolicies, IngestPayments, IngestClaims, IngestServicing, IngestServiceUsage, IngestInteractions: business
/// records stored by version, linked to their parties' customers through `business_party`, and announced on the feed
/// as `*Linked` events once a party of theirs has a customer (issue 3 item 1).
struct BusinessIngest {
    let context: IdentityContext

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.ingestPolicies, roles: IdentityMethods.roles("IngestPolicies")) { request, call in
            let results = try await ingest(request.records, call: call)
            return IngestPoliciesResponse(results: results, summary: BatchSummary(results))
        }
        router.register(IdentityAPI.ingestPayments, roles: IdentityMethods.roles("IngestPayments")) { request, call in
            let results = try await ingest(request.records, call: call)
            return IngestPaymentsResponse(results: results, summary: BatchSummary(results))
        }
        router.register(IdentityAPI.ingestClaims, roles: IdentityMethods.roles("IngestClaims")) { request, call in
            let results = try await ingest(request.records, call: call)
            return IngestClaimsResponse(results: results, summary: BatchSummary(results))
        }
        router.register(IdentityAPI.ingestServicing, roles: IdentityMethods.roles("IngestServicing")) { request, call in
            let results = try await ingest(request.records, call: call)
            return IngestServicingResponse(results: results, summary: BatchSummary(results))
        }
        router.register(IdentityAPI.ingestServiceUsage, roles: IdentityMethods.roles("IngestServiceUsage")) {
            request, call in
            let results = try await ingest(request.records, call: call)
            return IngestServiceUsageResponse(results: results, summary: BatchSummary(results))
        }
        router.register(IdentityAPI.ingestInteractions, roles: IdentityMethods.roles("IngestInteractions")) {
            request, call in
            let results = try await ingest(request.records, call: call)
            return IngestInteractionsResponse(results: results, summary: BatchSummary(results))
        }
    }

    /// Stores a batch in one transaction; each record gets exactly one result.
    func ingest<Record: BusinessRecordMessage>(_ records: [Record], call: ServerContext) async throws -> [RecordResult] {
        guard records.count <= PartyHandlers.maximumBatch else {
            throw RPCError.invalidArgument(field: "records",
                                           "\(records.count) records; send at most \(PartyHandlers.maximumBatch) per call")
        }
        let context = self.context
        let results = try await context.pool.transaction { connection in
            let writer = CustomerWriter(context: context, connection: connection, traceID: call.traceID)
            let events = LinkedEvents(connection: connection, writer: writer)
            return try records.enumerated().map { index, record in
                try Self.store(record, index: index, on: connection, events: events)
            }
        }
        context.relay.poke()
        return results
    }

    static func store<Record: BusinessRecordMessage>(_ record: Record, index: Int, on connection: PostgresConnection,
                                                     events: LinkedEvents) throws -> RecordResult {
        var result = RecordResult(index: Int32(index), ref: record.ref)
        if let problem = record.rejection {
            result.outcome = .rejected
            result.reason = problem
            return result
        }
        let kind = Int64(Record.kind.rawValue)
        let existing = try connection.query(
            """
            SELECT id, source_version FROM business_record
            WHERE kind = $1 AND source_system = $2 AND source_key = $3 FOR UPDATE
            """, [.int(kind), .text(record.ref.sourceSystem), .text(record.ref.sourceKey)]).first
        let bytes = Array(try WireCodec.encode(record).readableBytesView)
        let policy = policyKey(system: record.ref.sourceSystem, number: record.policyNumberForKey)
        let day: PostgresValue = record.occurredOn.map {
            .date(year: Int($0.year), month: Int($0.month), day: Int($0.day))
        } ?? .null
        let id: Int64
        if let existing {
            id = try existing.decode(Int64.self, at: 0)
            let version = try existing.decode(Int64.self, at: 1)
            if record.sourceVersion == version {
                result.outcome = .unchanged
                result.pendingParties = try pending(record.namedParties.map(\.ref), on: connection)
                return result
            }
            if record.sourceVersion < version {
                result.outcome = .stale
                result.reason = "version \(record.sourceVersion) is older than the stored \(version)"
                return result
            }
            try connection.execute(
                """
                UPDATE business_record SET source_version = $2, record = $3, policy_key = $4, occurred_on = $5,
                       received_at = now() WHERE id = $1
                """, [.int(id), .int(record.sourceVersion), .bytes(bytes), .text(policy), day])
            try connection.execute("DELETE FROM business_party WHERE record_id = $1", [.int(id)])
            result.outcome = .updated
        } else {
            id = try connection.query(
                """
                INSERT INTO business_record (kind, source_system, source_key, source_version, record, policy_key,
                                             occurred_on)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [.int(kind), .text(record.ref.sourceSystem), .text(record.ref.sourceKey), .int(record.sourceVersion),
                 .bytes(bytes), .text(policy), day])[0].decode(Int64.self, at: 0)
            result.outcome = .created
        }
        for party in Set(record.namedParties) {
            try connection.execute(
                """
                INSERT INTO business_party (record_id, party_system, party_key, role, relation, share)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
                """,
                [.int(id), .text(party.ref.sourceSystem), .text(party.ref.sourceKey), .int(Int64(party.role)),
                 .int(Int64(party.relation)), .double(party.share)])
        }
        result.pendingParties = try pending(record.namedParties.map(\.ref), on: connection)
        try events.emit(record: id)
        if Record.kind == .policy {
            // Payments, claims and servicing that arrived before their policy now have a policyholder to go to.
            let dependants = try connection.query(
                "SELECT id FROM business_record WHERE policy_key = $1 AND kind IN (2, 3, 4) ORDER BY id",
                [.text(policy)])
            for row in dependants { try events.emit(record: try row.decode(Int64.self, at: 0)) }
        }
        return result
    }

    /// The references with no stored party record yet.
    static func pending(_ refs: [SourceRef], on connection: PostgresConnection) throws -> [SourceRef] {
        var missing: [SourceRef] = []
        for ref in refs where try PartyStore.row(ref, on: connection) == nil && !missing.contains(ref) {
            missing.append(ref)
        }
        return missing
    }
}
