import CLMTesting
import Foundation
import IdentityAPI
import IdentityMatching
import IdentityTestSupport
import Models
import RPC
import Store
import Testing
import WireCodec

/// Bulk resolution through the real clm-identity, and the issue's agreement rule: a book loaded in one go or in ten
/// slices gives clusterings whose pairwise F1 (against the generator's truth) differ by at most 0.005.
@Suite(.serialized) struct BulkResolutionTests {
    static let book: TestBook? = try? TestBook.generate(persons: 1_500, organisations: 100, seed: 5)

    /// Loads `slices` of the book one after the other, each stored deferred and resolved by a bulk job; returns the
    /// cross-reference as record index → customer code.
    static func load(_ book: TestBook, slices: Int, prefix: String) async throws -> [Int: String] {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: prefix)
        let suite = try await ServiceProcesses.start([.identity], database: database)
        defer { Task { await suite.stopAll() } }
        let client = suite.client(.identity)
        let size = (book.parties.count + slices - 1) / slices
        for slice in stride(from: 0, to: book.parties.count, by: size) {
            let records = Array(book.parties[slice..<min(slice + size, book.parties.count)])
            for batch in stride(from: 0, to: records.count, by: 1_000) {
                let part = Array(records[batch..<min(batch + 1_000, records.count)])
                let stored = try await client.call(IdentityAPI.ingestParties,
                                                   IngestPartiesRequest(records: part, deferResolution: true))
                #expect(stored.summary.created == Int32(part.count))
                #expect(stored.results.allSatisfy { $0.customerCode.isEmpty })
            }
            let job = try await runJob(client, estimate: slice == 0)
            #expect(job.state == .succeeded, "job: \(job.message)\n\(suite.logTail(.identity))")
            // The job leaves the tables it wrote vacuumed and analysed.
            let tidied = try await withPostgresPool(database.superuser, label: "clm.test.bulk") { pool in
                try await pool.withConnection { connection in
                    try connection.query(
                        """
                        SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'identity'
                        AND relname IN ('party_record', 'party_link', 'customer', 'match_key')
                        AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL ORDER BY relname
                        """).map { try $0.decode(String.self, at: 0) }
                }
            }
            #expect(tidied == ["customer", "match_key", "party_link", "party_record"])
        }
        let rows = try await client.call(IdentityAPI.exportCrossReference,
                                         ExportCrossReferenceRequest(page: PageRequest(pageSize: 100_000))).rows
        let stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.unresolvedRecords == 0)
        let indexOf = Dictionary(uniqueKeysWithValues: book.parties.enumerated().map {
            ($1.ref.sourceSystem + "/" + $1.ref.sourceKey, $0)
        })
        var codeOf: [Int: String] = [:]
        for row in rows { codeOf[indexOf[row.sourceSystem + "/" + row.sourceKey]!] = row.customerCode }
        #expect(codeOf.count == book.parties.count && codeOf.values.allSatisfy { !$0.isEmpty })
        return codeOf
    }

    /// Starts a bulk resolution and waits for it to end; returns the job as it ended.
    static func runJob(_ client: RPCClient, estimate: Bool) async throws -> Job {
        let request = StartBulkResolutionRequest(estimateParameters: estimate, operatorId: "test")
        let started = try await client.call(IdentityAPI.startBulkResolution, request)
        return try await wait(for: started.job.jobId, client)
    }

    /// A record of a running bulk job sent again without deferral is resolved online at once; the job, finding it
    /// no longer deferred when it writes, stops with an error that says so, writes nothing, and leaves its other
    /// records deferred, which the next job resolves against the customers then stored.
    @Test(.enabled(if: book != nil)) func aRecordResolvedOnlineWhileTheJobRunsStopsItCleanly() async throws {
        let book = try #require(Self.book)
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "bulkrace")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        defer { Task { await suite.stopAll() } }
        let client = suite.client(.identity)
        for batch in stride(from: 0, to: book.parties.count, by: 1_000) {
            let part = Array(book.parties[batch..<min(batch + 1_000, book.parties.count)])
            _ = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: part,
                                                                                    deferResolution: true))
        }
        let started = try await client.call(IdentityAPI.startBulkResolution,
                                            StartBulkResolutionRequest(estimateParameters: true, operatorId: "test"))
        let id = started.job.jobId
        // Once the job matches, it has read its records: a newer version of one of them is resolved online now.
        var job = started.job
        while job.state == .running && job.message != "matching" {
            try await Task.sleep(for: .milliseconds(5))
            job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: id)).job
        }
        #expect(job.message == "matching", "the job matched long enough to be seen: \(job.message)")
        var newer = book.parties[0]
        newer.sourceVersion += 1
        let online = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [newer]))
        #expect(!online.results[0].customerCode.isEmpty, "resolved online at once")
        job = try await Self.wait(for: id, client)
        #expect(job.state == .failed)
        #expect(job.message.contains("was resolved by something else while this bulk resolution ran; start the job again"),
                "\(job.message)")
        var stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.customers == 1, "only the online record's customer")
        #expect(stats.unresolvedRecords == Int64(book.parties.count - 1))

        let next = try await Self.runJob(client, estimate: false)
        #expect(next.state == .succeeded, "\(next.message)")
        stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.unresolvedRecords == 0)
    }

    /// Waits for job `id` to end.
    static func wait(for id: String, _ client: RPCClient) async throws -> Job {
        let giveUp = ContinuousClock.now + .seconds(300)
        var job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: id)).job
        while job.state == .running, ContinuousClock.now < giveUp {
            try await Task.sleep(for: .milliseconds(100))
            job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: id)).job
        }
        return job
    }

    @Test(.enabled(if: book != nil)) func oneGoAndTenSlicesAgree() async throws {
        let book = try #require(Self.book)
        let truth = Dictionary(uniqueKeysWithValues: book.entities.enumerated().map { ($0, $1) })
        let oneGo = try await Self.load(book, slices: 1, prefix: "bulk1")
        let sliced = try await Self.load(book, slices: 10, prefix: "bulk10")
        let whole = PairwiseEvaluation(predicted: oneGo, truth: truth)
        let inSlices = PairwiseEvaluation(predicted: sliced, truth: truth)
        print("bulk, one go: \(whole); ten slices: \(inSlices)")
        #expect(whole.f1 >= 0.99)
        #expect(abs(whole.f1 - inSlices.f1) <= 0.005)
    }

    /// The job numbers its CustomerCreated events in its own transaction: they are in the feed, densely, the moment
    /// it commits, written once and never updated by a relay. The event of a business record stored before its party
    /// was resolved, appended by the job without a position, is numbered by the relay after them.
    @Test(.enabled(if: book != nil)) func theJobsCustomerEventsArePositionedAtCommitAndBusinessEventsFollow()
        async throws
    {
        let book = try #require(Self.book)
        let parties = Array(book.parties.prefix(400))
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "bulkfeed")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        defer { Task { await suite.stopAll() } }
        let client = suite.client(.identity)
        _ = try await client.call(IdentityAPI.ingestParties,
                                  IngestPartiesRequest(records: parties, deferResolution: true))
        let holder = parties[0].ref
        let policy = PolicyRecord(ref: SourceRef(sourceSystem: holder.sourceSystem, sourceKey: "POL-BULK-1"),
                                  sourceVersion: 1, productLine: .life, productCode: "L01",
                                  parties: [PolicyParty(party: holder, role: .policyholder)],
                                  premium: Money(minorUnits: 120_000, currency: "CNY"), paymentMode: .monthly,
                                  issueDate: CalendarDate(year: 2020, month: 1, day: 15), status: .inForce)
        let stored = try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
        #expect(stored.results.map(\.outcome) == [.created])

        let job = try await Self.runJob(client, estimate: true)
        #expect(job.state == .succeeded, "job: \(job.message)\n\(suite.logTail(.identity))")
        let customers = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest()).customers
        #expect(customers > 0)

        struct Row: Sendable { var position: Int64?, type: String, byTheJob: Bool }
        try await withPostgresPool(database.superuser, label: "clm.test.bulkfeed") { pool in
            /// The outbox in id order; `byTheJob` when the row is still the version the job's transaction wrote (the
            /// transaction that wrote the customers).
            func outbox() async throws -> [Row] {
                try await pool.withConnection { connection in
                    try connection.query(
                        """
                        SELECT position, event_type,
                               xmin::text = ALL (SELECT DISTINCT xmin::text FROM identity.customer) AS by_job
                        FROM identity.outbox ORDER BY id
                        """).map {
                        Row(position: try $0.decode(Int64?.self, at: 0), type: try $0.decode(String.self, at: 1),
                            byTheJob: try $0.decode(Bool.self, at: 2))
                    }
                }
            }
            let created = try await outbox().filter { $0.type == CustomerCreated.protoName }
            #expect(created.count == Int(customers))
            #expect(created.compactMap(\.position) == Array(1...customers), "numbered densely, in the job's order")
            #expect(created.allSatisfy { $0.byTheJob })

            // Once the relay has numbered what waits, the policy's event follows every customer's.
            let giveUp = ContinuousClock.now + .seconds(10)
            var rows = try await outbox()
            while rows.contains(where: { $0.position == nil }), ContinuousClock.now < giveUp {
                try await Task.sleep(for: .milliseconds(20))
                rows = try await outbox()
            }
            #expect(rows.compactMap(\.position).sorted() == Array(1...Int64(rows.count)))
            let linked = rows.filter { $0.type == PolicyLinked.protoName }
            #expect(linked.count == 1)
            #expect(linked.allSatisfy { ($0.position ?? 0) > customers })
            // The relay updated no customer event: each is still the job's version.
            #expect(rows.filter { $0.type == CustomerCreated.protoName }.allSatisfy { $0.byTheJob })
        }
    }

    @Test func aSecondJobWhileOneRunsIsRefusedAndAnUnknownJobIsNotFound() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "bulkerr")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        defer { Task { await suite.stopAll() } }
        let client = suite.client(.identity)
        do {
            _ = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: "bulk-nope"))
            Issue.record("an unknown job was found")
        } catch {
            #expect(error.status == .notFound)
        }
        let empty = try await client.call(IdentityAPI.startBulkResolution, StartBulkResolutionRequest())
        var job = empty.job
        let giveUp = ContinuousClock.now + .seconds(60)
        while job.state == .running, ContinuousClock.now < giveUp {
            try await Task.sleep(for: .milliseconds(50))
            job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest()).job
        }
        #expect(job.state == .succeeded && job.message.contains("no deferred records"))
    }
}
