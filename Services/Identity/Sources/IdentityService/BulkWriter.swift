import EventFeed
import Foundation
import IdentityAPI
import IdentityMatching
import IdentityResolution
import Models
import NIOCore
import Store
import WireCodec

/// Writes a bulk resolution in one transaction, with COPY for everything of the size of the book.
struct BulkWriter {
    let context: IdentityContext
    let jobID: String
    let operatorID: String

    /// One customer to create: its records (indices into `Loaded`), and what COPY writes.
    struct NewCustomer: Sendable {
        var id: Int64
        var code: String
        var members: [Int]
        var kind: Int
        var identifiers: [String]
        var sealedGolden: [UInt8]
        var profile: CustomerProfile
        var encodedProfile: [UInt8]
    }

    /// Writes customers, links, keys, reviews and business records' events, then the customers' events with their
    /// feed positions; returns how many customers were created and how long each step took.
    func write(_ loaded: BulkReader.Loaded, resolution: BulkResolution,
               activate: Bool) async throws -> (customers: Int, steps: StepTimes) {
        var steps = StepTimes()
        let matcher = resolution.matcher
        let indexOf = Dictionary(uniqueKeysWithValues: loaded.records.enumerated().map { ($1.id, $0) })
        var membersOf: [Int: [Int]] = [:]
        for (recordID, root) in resolution.clustering.clusterOf { membersOf[root, default: []].append(indexOf[recordID]!) }
        let clusters = membersOf.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        var weightOf: [Int: Double] = [:]
        for link in resolution.clustering.links {
            weightOf[link.first] = max(weightOf[link.first] ?? -.infinity, link.weight)
            weightOf[link.second] = max(weightOf[link.second] ?? -.infinity, link.weight)
        }

        // Ids and codes first (a sequence's values are not taken back by a rollback, so a failed job only leaves a gap),
        // then golden records, sealed under their codes, on all cores, before the transaction. The blocking keys are the
        // resolver's, hashed with the vault's key as the online path hashes them.
        let context = self.context
        let (ids, codec) = try await context.pool.withConnection { connection in
            (try connection.query(
                "SELECT nextval(pg_get_serial_sequence('customer', 'id')) FROM generate_series(1, $1)",
                [.int(Int64(clusters.count))]).map { try $0.decode(Int64.self, at: 0) },
             try context.codes(on: connection))
        }
        let customers = try await Self.customers(clusters, ids: ids, codec: codec, loaded: loaded, context: context,
                                                 steps: &steps)
        FreedMemory.returnToSystem()
        steps.end("golden records")
        let keys = resolution.blockingKeys

        let jobID = self.jobID, operatorID = self.operatorID, weights = weightOf, stepsBefore = steps
        let timed = try await context.pool.transaction(retries: 0) { connection in
            var steps = stepsBefore
            _ = try connection.query("SELECT pg_advisory_xact_lock($1)", [.int(Self.lock)])
            let operation = OperationRecord(type: .customerCreated, operatorID: operatorID,
                                            reason: "bulk resolution job \(jobID)",
                                            detail: "\(customers.count) customers from \(loaded.records.count) records")
            let writer = CustomerWriter(context: context, connection: connection)
            try writer.record(operation)

            // Rows are made as COPY reads them: the book is never held twice over as rows.
            try connection.copyIn(
                "COPY customer (id, code, kind, identifiers, golden, profile, created_by) FROM STDIN",
                rows: customers.lazy.map { customer -> [PostgresValue] in
                    [.int(customer.id), .text(customer.code), .int(Int64(customer.kind)),
                     PostgresValue.textArray(customer.identifiers), .bytes(customer.sealedGolden),
                     .bytes(customer.encodedProfile), .text(operation.id)]
                })
            steps.end("customers")
            try connection.executeScript(
                """
                CREATE TEMP TABLE bulk_link (record_id bigint, customer_id bigint, linked_by text,
                                             weight double precision, keys bigint[]) ON COMMIT DROP
                """)
            // In record order: party_link's primary key and its lookups of party_record for the foreign key then go
            // through the B-trees in order.
            var customerOf = [Int?](repeating: nil, count: loaded.records.count)
            for (index, customer) in customers.enumerated() {
                for member in customer.members { customerOf[member] = index }
            }
            try connection.copyIn(
                "COPY bulk_link FROM STDIN",
                rows: loaded.records.indices.lazy.compactMap { member -> [PostgresValue]? in
                    guard let index = customerOf[member] else { return nil }
                    let customer = customers[index], recordID = loaded.records[member].id
                    return [.int(Int64(recordID)), .int(customer.id),
                            .text(customer.members.count == 1 ? "new" : "matcher"),
                            weights[recordID].map { .double($0) } ?? .null, SQLArray.integers(keys[member])]
                })
            steps.end("link rows")
            // The links are new rows of a narrow table; the records' sealed forms are not written again. The job's
            // link rows stay in bulk_link for the business records below. A fresh table is read back in the order it
            // was written, record order: an ORDER BY would sort every row only to repeat it.
            try connection.execute(
                """
                INSERT INTO party_link (record_id, customer_id, linked_by, link_weight, match_keys)
                SELECT record_id, customer_id, linked_by, weight, keys FROM bulk_link
                """)
            steps.end("links")
            try Self.copyKeys(
                loaded.records.indices.lazy.flatMap { member in
                    keys[member].lazy.map { key -> [PostgresValue] in
                        [.int(key), .int(Int64(loaded.records[member].id))]
                    }
                }, on: connection)
            steps.end("blocking index")
            try Self.queueReviews(resolution, loaded: loaded, indexOf: indexOf, context: context, on: connection)
            if activate {
                _ = try context.matchers.activate(matcher, fittedOn: loaded.records.count, on: connection)
            }
            // Business records stored before their parties were resolved are announced now.
            let linked = LinkedEvents(connection: connection, writer: writer)
            let business = try connection.query(
                """
                SELECT DISTINCT bp.record_id FROM business_party bp JOIN bulk_link b ON true
                JOIN party_record p ON p.id = b.record_id
                WHERE p.source_system = bp.party_system AND p.source_key = bp.party_key ORDER BY 1
                """)
            for row in business { try linked.emit(record: try row.decode(Int64.self, at: 0)) }
            let dependants = try connection.query(
                """
                SELECT b.id FROM business_record b WHERE b.kind IN (2, 3, 4) AND b.policy_key IN
                  (SELECT r.policy_key FROM business_record r JOIN business_party bp ON bp.record_id = r.id
                   JOIN party_record p ON p.source_system = bp.party_system AND p.source_key = bp.party_key
                   JOIN bulk_link l ON l.record_id = p.id WHERE r.kind = 1)
                  AND NOT EXISTS (SELECT 1 FROM business_party own WHERE own.record_id = b.id)
                ORDER BY 1
                """)
            for row in dependants { try linked.emit(record: try row.decode(Int64.self, at: 0)) }
            steps.end("reviews, model and business links")
            // Last, because it holds the feed's lock to commit: the CustomerCreated events are copied with their
            // positions, so no relay has to number (update) a million rows after the load. The business records'
            // events above have none yet; the relay numbers them after commit, so they follow their customers'.
            try context.outbox.appendAllPositioned(customers.map { customer in
                (CustomerCreated(customerCode: customer.code, profile: customer.profile,
                                 record: loaded.refs[customer.members[0]], operationId: operation.id), customer.code)
            }, on: connection)
            steps.end("events")
            return steps
        }
        return (customers.count, timed)
    }

    /// Files the records under their blocking keys. Into an empty index, the primary key is dropped and built again
    /// after the COPY: one sorted build instead of millions of inserts at random places in the B-tree.
    static func copyKeys(_ rows: some Sequence<[PostgresValue]>, on connection: PostgresConnection) throws {
        let empty = try connection.query("SELECT NOT EXISTS (SELECT 1 FROM match_key)")[0].decode(Bool.self, at: 0)
        if empty { try connection.executeScript("ALTER TABLE match_key DROP CONSTRAINT match_key_pkey") }
        try connection.copyIn("COPY match_key (key, record_id) FROM STDIN", rows: rows)
        if empty {
            try connection.executeScript(
                """
                SET LOCAL maintenance_work_mem = '512MB';
                ALTER TABLE match_key ADD CONSTRAINT match_key_pkey PRIMARY KEY (key, record_id);
                """)
        }
    }

    static let lock = BulkResolutionJob.lockKey

    /// The customers the clusters become, made on all cores. The normalised details are read here and let go of when
    /// this returns: they are needed for the golden records only.
    static func customers(_ clusters: [[Int]], ids: [Int64], codec: CustomerCodec, loaded: BulkReader.Loaded,
                          context: IdentityContext, steps: inout StepTimes) async throws -> [NewCustomer] {
        let normalised = try await BulkReader(context: context).normalised(of: loaded)
        steps.end("normalised details")
        return try await Parallel.offCooperativePool { () throws -> [NewCustomer] in
            let parts = Parallel.map(count: clusters.count, chunks: 16) { range in
                range.map { index in
                    Result {
                        try customer(id: ids[index], code: codec.code(for: ids[index]), clusters[index],
                                     loaded: loaded, normalised: normalised, context: context)
                    }
                }
            }
            return try parts.flatMap { try $0.map { try $0.get() } }
        }
    }

    /// The customer a cluster becomes: golden record from its members' normalised records, sealed under its code.
    static func customer(id: Int64, code: String, _ members: [Int], loaded: BulkReader.Loaded,
                         normalised sealed: [[UInt8]], context: IdentityContext) throws -> NewCustomer {
        var sources: [Survivorship.Source] = []
        var identifiers = Set<String>()
        for member in members {
            let ref = loaded.refs[member]
            let normalised = try context.vault.open(GoldenRecord.self, sealed[member], .normalised,
                                                    owner: owner(of: ref))
            sources.append(Survivorship.Source(ref: ref, updatedAt: loaded.updatedAt[member],
                                               details: normalised.details, checks: normalised.checks))
            for (type, hash) in loaded.records[member].identifiers { identifiers.insert(type + "=" + hash) }
        }
        let golden = context.survivorship.golden(sources)
        let profile = Survivorship.profile(golden)
        return NewCustomer(id: id, code: code, members: members, kind: golden.details.kind.protoNumber,
                           identifiers: identifiers.sorted(),
                           sealedGolden: try context.vault.seal(message: golden, .golden, owner: code),
                           profile: profile, encodedProfile: Array(try WireCodec.encode(profile).readableBytesView))
    }

    /// The clustering's review pairs as queue items, explained.
    static func queueReviews(_ resolution: BulkResolution, loaded: BulkReader.Loaded, indexOf: [Int: Int],
                             context: IdentityContext, on connection: PostgresConnection) throws {
        let explanations = Explanations(context: context, connection: connection, reveal: true)
        for review in resolution.clustering.reviews {
            guard let first = indexOf[review.pair.first], let second = indexOf[review.pair.second] else { continue }
            let candidateID = Int64(loaded.records[first].id)
            let customer = try connection.query("SELECT customer_id FROM party_link WHERE record_id = $1",
                                                [.int(candidateID)]).first?.decode(Int64?.self, at: 0)
            guard let customer else { continue }
            let candidate = OnlineResolver.Candidate(record: loaded.records[first], ref: loaded.refs[first],
                                                     customer: customer)
            let explained = try explanations.candidate(record: loaded.records[second], candidate: candidate,
                                                       pair: review.pair, matcher: resolution.matcher,
                                                       guardRail: review.guardRailText)
            try connection.execute(
                "INSERT INTO review_item (record_id, candidate_record_id, weight, candidate) VALUES ($1, $2, $3, $4)",
                [.int(Int64(loaded.records[second].id)), .int(candidateID), .double(review.pair.weight),
                 .bytes(try context.vault.seal(message: explained, .reviewCandidate, owner: "review"))])
        }
    }
}
