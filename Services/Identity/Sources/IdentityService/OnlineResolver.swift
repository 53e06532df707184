import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import Store

/// What storing and resolving one party record did.
struct PartyOutcome: Sendable {
    var outcome: RecordOutcome
    var customerCode: String = ""
    var verdict: IdentityAPI.MatchOutcome = .unspecified
    var sentToReview = false
    /// Candidates with their explanations (only when asked for).
    var candidates: [MatchCandidate] = []
    var reason: String = ""
    /// The thresholds and parameters it was resolved with; nil when it was not resolved (unchanged, stale, deferred).
    var thresholds: IdentityAPI.MatchThresholds?
}

/// Stores a party record and resolves it against the stored customers through the persistent blocking index, in one
/// transaction (issue 3 item 4, the incremental path).
///
/// The record's blocking keys are locked (transaction-scoped advisory locks, in key order) before its candidates are
/// read, so two records of one person arriving at once are resolved one after the other and cannot both found a new
/// customer. Placement is `Placement.decide`, the rule bulk clustering follows.
struct OnlineResolver {
    let context: IdentityContext
    let connection: PostgresConnection
    let writer: CustomerWriter
    /// Explain candidates in the answer, with personal values masked unless `reveal`.
    var explain = false
    var reveal = false

    init(context: IdentityContext, connection: PostgresConnection, traceID: String) {
        self.context = context
        self.connection = connection
        self.writer = CustomerWriter(context: context, connection: connection, traceID: traceID)
    }

    /// Stores `party` (by version) and, unless `deferred`, resolves it.
    func store(_ party: PreparedParty, deferred: Bool) throws -> PartyOutcome {
        let existing = try PartyStore.lockedRow(party.record.ref, on: connection)
        let id: Int64
        var outcome = PartyOutcome(outcome: .created)
        if let existing {
            if party.record.sourceVersion == existing.version {
                outcome.outcome = .unchanged
            } else if party.record.sourceVersion < existing.version {
                outcome.outcome = .stale
                outcome.reason = "version \(party.record.sourceVersion) is older than the stored \(existing.version)"
            }
            if outcome.outcome != .created {
                if let customer = existing.customerID {
                    outcome.customerCode = try PartyStore.code(ofCustomer: customer, on: connection)
                }
                return outcome
            }
            outcome.outcome = .updated
            try PartyStore.replace(existing, with: party, on: connection)
            try ReviewQueue.supersede(record: existing.id, on: connection)
            id = existing.id
        } else {
            id = try PartyStore.insert(party, on: connection)
        }
        // A record already resolved is re-resolved at once even when deferral was asked for: bulk jobs only take
        // records that were never resolved.
        if deferred, existing?.customerID == nil { return outcome }
        let placed = try resolve(party, id: id, previous: existing?.customerID)
        outcome.customerCode = placed.customerCode
        outcome.verdict = placed.verdict
        outcome.sentToReview = placed.sentToReview
        outcome.candidates = placed.candidates
        outcome.thresholds = placed.thresholds
        return outcome
    }

    /// Resolves a stored, unresolved (or just replaced) record: places it, writes customers, index, reviews, audit
    /// and events.
    func resolve(_ party: PreparedParty, id: Int64, previous: Int64?) throws -> PartyOutcome {
        let (version, matcher) = try context.matchers.matcher(on: connection)
        let record = party.matchRecord(id: id)
        let keys = Array(Set(matcher.blockingKeys(of: record).map(context.vault.blockKey))).sorted()
        // A bulk job writing its customers holds this lock exclusively: wait for it rather than miss them.
        _ = try connection.query("SELECT pg_advisory_xact_lock_shared($1)", [.int(BulkResolutionJob.lockKey)])
        if !keys.isEmpty {
            _ = try connection.query("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k",
                                 [SQLArray.integers(keys)])
        }
        let candidates = try self.candidates(keys: keys, excluding: id, cap: matcher.settings.blockSizeCap)
        let pairs = matcher.pairs(of: record, against: candidates.map(\.record))
        var clusterOf: [Int: Int] = [:]
        for candidate in candidates { clusterOf[candidate.record.id] = Int(candidate.customer) }
        let clusterIdentifiers = try identifiers(of: Set(clusterOf.values).map(Int64.init))
        let placement = Placement.decide(identifiers: record.identifiers, pairs: pairs, clusterOf: clusterOf) {
            clusterIdentifiers[Int64($0)] ?? [:]
        }

        // Where it goes: its best cluster; else the customer it had, when it was that customer's only record;
        // else a customer of its own.
        var operation = OperationRecord(type: .recordLinked, records: [id])
        let target: Int64, code: String, isNew: Bool
        if let best = placement.target {
            target = Int64(best)
            code = try PartyStore.code(ofCustomer: target, on: connection)
            isNew = false
        } else if let previous, try recordCount(of: previous, excluding: id) == 0 {
            target = previous
            code = try PartyStore.code(ofCustomer: previous, on: connection)
            isNew = false
        } else {
            operation.type = .customerCreated
            (target, code) = try writer.create(kind: party.normalized.details.kind, identifiers: party.identifiers,
                                               operationID: operation.id)
            isNew = true
        }
        let weight = placement.links.first?.weight
        try connection.execute(
            """
            INSERT INTO party_link (record_id, customer_id, linked_by, link_weight, match_keys)
            VALUES ($1, $2, $3, $4, $5::bigint[])
            ON CONFLICT (record_id) DO UPDATE SET customer_id = $2, linked_by = $3, link_weight = $4,
                   match_keys = $5::bigint[], linked_at = now(), changed_at = now()
            """,
            [.int(id), .int(target), .text(isNew ? "new" : "matcher"), weight.map { .double($0) } ?? .null,
             SQLArray.integers(keys)])
        if !keys.isEmpty {
            try connection.execute(
                "INSERT INTO match_key (key, record_id) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING",
                [SQLArray.integers(keys), .int(id)])
        }
        try writer.addIdentifiers(party.identifiers, to: target)
        operation.customers = [target]

        // Further clusters the record linked to fold into the target: automatic, audited, undoable merges.
        var merges: [(code: String, operation: String)] = []
        for absorbed in placement.absorbed.map(Int64.init) {
            let absorbedCode = try PartyStore.code(ofCustomer: absorbed, on: connection)
            let moved = try recordIDs(of: absorbed)
            try writer.merge(absorbed, into: target, linkedBy: "merge")
            let merge = OperationRecord(type: .merge, reason: "a record linked both customers", customers: [target, absorbed],
                                        records: moved, detail: "absorbed \(absorbedCode) into \(code)",
                                        undo: UndoPlan.merge(survivor: target, absorbed: absorbed, records: moved).encoded)
            try writer.record(merge)
            merges.append((absorbedCode, merge.id))
        }
        // A record that left a customer with other records: that customer's golden record changes too.
        if let previous, previous != target {
            if try recordCount(of: previous, excluding: nil) == 0 {
                let previousCode = try PartyStore.code(ofCustomer: previous, on: connection)
                try writer.merge(previous, into: target, linkedBy: "matcher")
                merges.append((previousCode, operation.id))
            } else {
                let previousCode = try PartyStore.code(ofCustomer: previous, on: connection)
                let refreshed = try writer.refreshGolden(previous, code: previousCode)
                try writer.emit(CustomerUpdated(customerCode: previousCode, profile: refreshed.profile,
                                                changedAttributes: ["records"], operationId: operation.id),
                                subject: previousCode)
            }
        }
        // Pending review items between records that are now one customer are settled.
        if !merges.isEmpty { try ReviewQueue.supersedeSettled(customer: target, on: connection) }
        try writer.record(operation)
        let refreshed = try writer.refreshGolden(target, code: code)
        if isNew {
            try writer.emit(CustomerCreated(customerCode: code, profile: refreshed.profile, record: party.record.ref,
                                            operationId: operation.id), subject: code)
        } else {
            try writer.emit(CustomerUpdated(customerCode: code, profile: refreshed.profile,
                                            changedAttributes: GoldenDiff.changed(refreshed.previous?.details,
                                                                                  refreshed.golden.details),
                                            operationId: operation.id), subject: code)
        }
        for merge in merges {
            try writer.emit(CustomersMerged(survivorCode: code, mergedCode: merge.code, operationId: merge.operation,
                                            operatorId: "matcher", reason: "a record linked both customers",
                                            profile: refreshed.profile), subject: code)
        }
        // Business records naming this party (and, after a merge, the merged customers' records) now carry the
        // current codes.
        let linked = LinkedEvents(connection: connection, writer: writer)
        if merges.isEmpty {
            try linked.emit(forParties: [party.record.ref])
        } else {
            try linked.emit(forCustomers: [target])
        }

        var outcome = PartyOutcome(outcome: .created, customerCode: code)
        outcome.thresholds = IdentityAPI.MatchThresholds(matcher, version: version)
        let reviews = try queueReviews(placement.reviews, record: record, candidates: candidates, matcher: matcher)
        outcome.sentToReview = reviews > 0
        outcome.verdict = placement.target != nil ? .link : reviews > 0 ? .clericalReview : .noLink
        if explain {
            outcome.candidates = try Explanations(context: context, connection: connection, reveal: reveal)
                .candidates(record: record, pairs: pairs, candidates: candidates, matcher: matcher,
                            placement: placement)
        }
        return outcome
    }

    /// A stored, resolved record that shares a blocking key with the new one.
    struct Candidate {
        let record: MatchRecord
        let ref: SourceRef
        let customer: Int64
    }

    /// The resolved records filed under `keys`, blocks larger than `cap` skipped (as bulk skips them).
    func candidates(keys: [Int64], excluding id: Int64?, cap: Int) throws -> [Candidate] {
        guard !keys.isEmpty else { return [] }
        let rows = try connection.query("SELECT key, record_id FROM match_key WHERE key = ANY($1::bigint[])",
                                        [SQLArray.integers(keys)])
        var byKey: [Int64: [Int64]] = [:]
        for row in rows { byKey[try row.decode(Int64.self, at: 0), default: []].append(try row.decode(Int64.self, at: 1)) }
        var ids = Set<Int64>()
        for (_, members) in byKey where members.count <= cap { ids.formUnion(members) }
        if let id { ids.remove(id) }
        guard !ids.isEmpty else { return [] }
        let stored = try connection.query(
            """
            SELECT p.id, p.source_system, p.source_key, l.customer_id, p.match_fields
            FROM party_record p JOIN party_link l ON l.record_id = p.id
            WHERE p.id = ANY($1::bigint[]) ORDER BY p.id
            """, [SQLArray.integers(ids)])
        return try stored.map { row in
            let ref = SourceRef(sourceSystem: try row.decode(String.self, at: 1),
                                sourceKey: try row.decode(String.self, at: 2))
            let bytes = try context.vault.open(try row.decode([UInt8].self, at: 4), .matchFields, owner: owner(of: ref))
            let decoded = try MatchFieldsCoding.decode(bytes)
            return Candidate(record: MatchRecord(id: Int(try row.decode(Int64.self, at: 0)), fields: decoded.fields,
                                                 identifiers: decoded.identifiers),
                             ref: ref, customer: try row.decode(Int64.self, at: 3))
        }
    }

    /// The guard-rail identifiers each customer holds, by type.
    func identifiers(of customers: [Int64]) throws -> [Int64: [String: String]] {
        guard !customers.isEmpty else { return [:] }
        let rows = try connection.query("SELECT id, identifiers::text FROM customer WHERE id = ANY($1::bigint[])",
                                        [SQLArray.integers(customers)])
        var result: [Int64: [String: String]] = [:]
        for row in rows {
            result[try row.decode(Int64.self, at: 0)] =
                CustomerWriter.parseIdentifiers(SQLArray.parse(try row.decode(String.self, at: 1)))
        }
        return result
    }

    private func recordCount(of customer: Int64, excluding id: Int64?) throws -> Int64 {
        try connection.query("SELECT count(*) FROM party_link WHERE customer_id = $1 AND record_id <> $2",
                             [.int(customer), .int(id ?? 0)])[0].decode(Int64.self, at: 0)
    }

    private func recordIDs(of customer: Int64) throws -> [Int64] {
        try connection.query("SELECT record_id FROM party_link WHERE customer_id = $1 ORDER BY record_id",
                             [.int(customer)])
            .map { try $0.decode(Int64.self, at: 0) }
    }

    /// Queues the review items of a placement; returns how many.
    private func queueReviews(_ reviews: [IdentityMatching.ReviewItem], record: MatchRecord,
                              candidates: [Candidate], matcher: Matcher) throws -> Int {
        let explanations = Explanations(context: context, connection: connection, reveal: true)
        var queued = 0
        for review in reviews {
            guard let candidate = candidates.first(where: { $0.record.id == review.pair.first }) else { continue }
            // A pair a person already decided, or already waiting, is not queued again.
            if try ReviewQueue.isDecidedOrQueued(record: Int64(record.id), candidate: Int64(candidate.record.id),
                                                 on: connection) { continue }
            let explained = try explanations.candidate(record: record, candidate: candidate, pair: review.pair,
                                                       matcher: matcher, guardRail: review.guardRailText)
            try connection.execute(
                """
                INSERT INTO review_item (record_id, candidate_record_id, weight, candidate)
                VALUES ($1, $2, $3, $4)
                """,
                [.int(Int64(record.id)), .int(Int64(candidate.record.id)), .double(review.pair.weight),
                 .bytes(try context.vault.seal(message: explained, .reviewCandidate, owner: "review"))])
            queued += 1
        }
        return queued
    }
}
