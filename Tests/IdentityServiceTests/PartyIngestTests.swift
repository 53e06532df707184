import CLMTesting
import Foundation
import IdentityAPI
import Models
import RPC
import Testing

/// The real clm-identity process on a Unix socket against the real PostgreSQL: party records in, customers out.
@Suite(.serialized) struct PartyIngestTests {
    static func person(_ system: String, _ key: String, name: String, id: String, phone: String,
                       version: Int64 = 1, born: CalendarDate = CalendarDate(year: 1949, month: 12, day: 31))
        -> PartyRecord
    {
        PartyRecord(ref: SourceRef(sourceSystem: system, sourceKey: key), sourceVersion: version,
                    details: PartyDetails(kind: .individual, fullName: name, documentType: .residentId,
                                          documentNumber: id, birthDate: born,
                                          sex: .male, phones: [phone], addressLines: ["北京市朝阳区建国路88号"]))
    }

    @Test func recordsOfOnePersonShareACodeAndReSendingChangesNothing() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "ingest")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        // 11010519491231002X is a valid resident ID; 张三 in traditional characters and a full-width phone are the
        // same person; 李四 is another.
        let batch = [
            Self.person("SALES", "S1", name: "张三", id: "11010519491231002X", phone: "13800138000"),
            Self.person("UW", "U7", name: "張三", id: "11010519491231002x", phone: "１３８００１３８０００"),
            Self.person("SALES", "S2", name: "李四", id: "110105194912310096", phone: "13900139000"),
            PartyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "S3"), sourceVersion: 1,
                        details: PartyDetails(kind: .individual)),
        ]
        let first: IngestPartiesResponse
        do {
            first = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: batch))
        } catch {
            Issue.record("\(error)\n\(suite.logTail(.identity))")
            return
        }
        #expect(first.results.map(\.outcome) == [.created, .created, .created, .rejected])
        #expect(first.results[3].reason.contains("no name"))
        #expect(first.summary == BatchSummary(created: 3, rejected: 1))
        let codes = first.results.map(\.customerCode)
        #expect(!codes[0].isEmpty && codes[0] == codes[1], "the same person got \(codes[0]) and \(codes[1])")
        #expect(codes[2] != codes[0] && !codes[2].isEmpty)
        #expect(codes[0].hasPrefix("C") && codes[0].count == 12)

        let again = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: Array(batch.prefix(3))))
        #expect(again.results.map(\.outcome) == [.unchanged, .unchanged, .unchanged])
        #expect(again.results.map(\.customerCode) == Array(codes.prefix(3)))

        let stale = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [
            Self.person("SALES", "S1", name: "张三", id: "11010519491231002X", phone: "13800138000", version: 0),
        ]))
        #expect(stale.results[0].outcome == .rejected, "version 0 is refused")

        let found = try await client.call(IdentityAPI.findCustomerBySourceKey,
                                          FindCustomerBySourceKeyRequest(ref: SourceRef(sourceSystem: "UW", sourceKey: "U7")))
        #expect(found.customerCode == codes[0])

        let customer = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: codes[0]))
        #expect(customer.customer.sourceRecordCount == 2)
        #expect(customer.customer.golden.details.fullName == "张三")
        #expect(customer.customer.golden.lineage.contains { $0.attribute == "full_name" && $0.rule == "most_frequent" })

        let xref = try await client.call(IdentityAPI.exportCrossReference, ExportCrossReferenceRequest())
        #expect(xref.rows.map { "\($0.sourceSystem)/\($0.sourceKey)=\($0.customerCode)" }
            == ["SALES/S1=\(codes[0])", "SALES/S2=\(codes[2])", "UW/U7=\(codes[0])"])

        let stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.partyRecords == 3 && stats.customers == 2 && stats.links == 1)
    }

    /// Deferred storage finds the batch's stored references with an array literal: keys holding quotes,
    /// backslashes, commas and braces must come back as themselves, so a re-sent record is seen as stored
    /// (unchanged, or updated for a newer version) rather than inserted twice.
    @Test func deferredStoreRecognisesStoredKeysWhateverTheirCharacters() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "awkward")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }
        let keys = [#"A"1"#, #"B\2"#, #"C,{3}"#, #"D\"4"#, "E 5", "NULL"]
        let batch = keys.enumerated().map { index, key in
            Self.person("CRM", key, name: "王五", id: "", phone: "1370013700\(index)")
        }
        let first = try await client.call(IdentityAPI.ingestParties,
                                          IngestPartiesRequest(records: batch, deferResolution: true))
        #expect(first.results.map(\.outcome) == Array(repeating: .created, count: keys.count),
                "\(first.results.map(\.reason))\n\(suite.logTail(.identity))")

        var resent = batch
        resent[1].sourceVersion = 2
        let again = try await client.call(IdentityAPI.ingestParties,
                                          IngestPartiesRequest(records: resent, deferResolution: true))
        #expect(again.results.map(\.outcome) == [.unchanged, .updated, .unchanged, .unchanged, .unchanged, .unchanged],
                "\(again.results.map(\.reason))")
        let stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.partyRecords == Int64(keys.count) && stats.unresolvedRecords == Int64(keys.count))
    }

    @Test func badCodesAndUnknownRecordsGetClearErrors() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "ingesterr")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        await #expect(throws: RPCError.self) {
            _ = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: "not-a-code"))
        }
        do {
            _ = try await client.call(IdentityAPI.findCustomerBySourceKey,
                                      FindCustomerBySourceKeyRequest(ref: SourceRef(sourceSystem: "X", sourceKey: "1")))
            Issue.record("an unknown record was found")
        } catch {
            #expect(error.status == .notFound)
        }
        let tooMany = IngestPartiesRequest(records: Array(repeating: Self.person("S", "1", name: "a", id: "", phone: ""),
                                                          count: 10_001))
        do {
            _ = try await client.call(IdentityAPI.ingestParties, tooMany)
            Issue.record("10,001 records were accepted")
        } catch {
            #expect(error.status == .invalidArgument && error.message.contains("at most 10000"))
        }
    }
}
