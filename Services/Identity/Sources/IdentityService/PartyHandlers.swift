import EventFeed
import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import RPC
import Store

/// IngestParties, ResolveAndStoreParty and ResolveParty.
struct PartyHandlers {
    let context: IdentityContext
    static let maximumBatch = 10_000

    func register(in router: inout RPCRouter) {
        router.register(IdentityAPI.ingestParties, roles: IdentityMethods.roles("IngestParties")) { request, call in
            try await ingest(request, call: call)
        }
        router.register(IdentityAPI.resolveAndStoreParty, roles: IdentityMethods.roles("ResolveAndStoreParty")) {
            request, call in try await resolveAndStore(request, call: call)
        }
        router.register(IdentityAPI.resolveParty, roles: IdentityMethods.roles("ResolveParty")) { request, call in
            try await resolve(request, call: call)
        }
    }

    func ingest(_ request: IngestPartiesRequest, call: ServerContext) async throws -> IngestPartiesResponse {
        guard request.records.count <= Self.maximumBatch else {
            throw RPCError.invalidArgument(field: "records",
                                           "\(request.records.count) records; send at most \(Self.maximumBatch) per call")
        }
        var results: [RecordResult] = []
        results.reserveCapacity(request.records.count)
        let receivedAt = Timestamp.now
        if request.deferResolution {
            results = try await DeferredBatch(context: context).store(request.records, traceID: call.traceID,
                                                                     receivedAt: receivedAt)
        } else {
            // A transaction per record, so that locks are short and one record's failure is its own.
            for (index, record) in request.records.enumerated() {
                let context = self.context
                let result = try await context.pool.transaction { connection in
                    let resolver = OnlineResolver(context: context, connection: connection, traceID: call.traceID)
                    return try Self.store(record, index: index, resolver: resolver, deferred: false,
                                          receivedAt: receivedAt)
                }
                results.append(result)
            }
            context.relay.poke()
        }
        return IngestPartiesResponse(results: results, summary: BatchSummary(results))
    }

    func resolveAndStore(_ request: ResolveAndStorePartyRequest, call: ServerContext) async throws
        -> ResolveAndStorePartyResponse
    {
        if let problem = PreparedParty.rejection(request.record) {
            throw RPCError.invalidArgument(field: "record", problem)
        }
        let context = self.context
        let reveal = call.mayRevealPersonalData
        let party = try PreparedParty(request.record, context: context, receivedAt: .now)
        let (outcome, thresholds) = try await context.pool.transaction { connection in
            var resolver = OnlineResolver(context: context, connection: connection, traceID: call.traceID)
            resolver.explain = true
            resolver.reveal = reveal
            let outcome = try resolver.store(party, deferred: false)
            // Unchanged and stale records are not resolved again; the answer still names the active thresholds.
            if let thresholds = outcome.thresholds { return (outcome, thresholds) }
            let (version, matcher) = try context.matchers.matcher(on: connection)
            return (outcome, IdentityAPI.MatchThresholds(matcher, version: version))
        }
        context.relay.poke()
        let result = RecordResult(index: 0, ref: request.record.ref, outcome: outcome.outcome, reason: outcome.reason,
                                  checks: party.normalized.checks, customerCode: outcome.customerCode,
                                  sentToReview: outcome.sentToReview)
        return ResolveAndStorePartyResponse(result: result, outcome: outcome.verdict, candidates: outcome.candidates,
                                            thresholds: thresholds, personalDataMasked: !reveal)
    }

    func resolve(_ request: ResolvePartyRequest, call: ServerContext) async throws -> ResolvePartyResponse {
        guard (0...100).contains(request.maxCandidates) else {
            throw RPCError.invalidArgument(field: "max_candidates", "\(request.maxCandidates); 0 to 100 (0 means 10)")
        }
        let limit = request.maxCandidates == 0 ? 10 : Int(request.maxCandidates)
        let context = self.context
        let reveal = call.mayRevealPersonalData
        let normalized = context.normalizer.normalize(request.query.details)
        let identifiers = context.vault.identifiers(normalized.identifiers)
        let record = MatchRecord(id: -1, fields: normalized.matchFields, identifiers: identifiers)
        return try await context.pool.withConnection { connection in
            let (version, matcher) = try context.matchers.matcher(on: connection)
            let resolver = OnlineResolver(context: context, connection: connection, traceID: call.traceID)
            let keys = Array(Set(matcher.blockingKeys(of: record).map(context.vault.blockKey))).sorted()
            var excluded: Int64?
            if !request.query.ref.sourceKey.isEmpty, let row = try PartyStore.row(request.query.ref, on: connection) {
                excluded = row
            }
            let candidates = try resolver.candidates(keys: keys, excluding: excluded, cap: matcher.settings.blockSizeCap)
            let pairs = matcher.pairs(of: record, against: candidates.map(\.record))
            var clusterOf: [Int: Int] = [:]
            for candidate in candidates { clusterOf[candidate.record.id] = Int(candidate.customer) }
            let clusterIdentifiers = try resolver.identifiers(of: Set(clusterOf.values).map(Int64.init))
            let placement = Placement.decide(identifiers: record.identifiers, pairs: pairs, clusterOf: clusterOf) {
                clusterIdentifiers[Int64($0)] ?? [:]
            }
            var explained = try Explanations(context: context, connection: connection, reveal: reveal)
                .candidates(record: record, pairs: pairs, candidates: candidates, matcher: matcher, placement: placement)
            explained = Array(explained.prefix(limit))
            let best = explained.first
            let verdict: IdentityAPI.MatchOutcome = best?.outcome ?? .noLink
            return ResolvePartyResponse(
                outcome: verdict, customerCode: verdict == .link ? best?.customerCode ?? "" : "",
                candidates: explained,
                normalisedQuery: reveal ? normalized.details : PartyMasking.masked(normalized.details),
                checks: normalized.checks,
                thresholds: IdentityAPI.MatchThresholds(matcher, version: version),
                personalDataMasked: !reveal)
        }
    }

    /// Stores (and unless deferred resolves) one record of a batch, or says why it is rejected.
    static func store(_ record: PartyRecord, index: Int, resolver: OnlineResolver, deferred: Bool,
                      receivedAt: Timestamp) throws -> RecordResult {
        var result = RecordResult(index: Int32(index), ref: record.ref)
        if let problem = PreparedParty.rejection(record) {
            result.outcome = .rejected
            result.reason = problem
            return result
        }
        let party = try PreparedParty(record, context: resolver.context, receivedAt: receivedAt)
        let outcome = try resolver.store(party, deferred: deferred)
        result.outcome = outcome.outcome
        result.reason = outcome.reason
        result.checks = party.normalized.checks
        result.customerCode = outcome.customerCode
        result.sentToReview = outcome.sentToReview
        return result
    }
}

extension BatchSummary {
    /// The counts of a batch's results.
    init(_ results: [RecordResult]) {
        self.init()
        for result in results {
            switch result.outcome {
            case .created: created += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .stale: stale += 1
            case .rejected: rejected += 1
            case .unspecified: break
            }
        }
    }
}
