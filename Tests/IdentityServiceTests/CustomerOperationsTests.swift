import CLMTesting
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import ServiceAPI
import Testing
import WireCodec

/// What the customer-operation and review-queue tests share: records, codes, the feed, the cross-reference.
enum CustomerOpsSupport {
    /// A valid 18-digit resident ID number: `prefix` (17 digits) and its ISO 7064 MOD 11-2 check character.
    static func residentID(_ prefix: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(prefix.compactMap(\.wholeNumberValue), weights).map(*).reduce(0, +)
        return prefix + String(Array("10X98765432")[sum % 11])
    }

    /// A well-formed customer code (check character right) that no installation is likely to have issued.
    static func wellFormedCode(_ digits: [Int] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var check = 0
        for (index, digit) in digits.enumerated() { check += (index + 1) * (digit + 1) }
        return "C" + String(digits.map { alphabet[$0] }) + String(alphabet[check % 31])
    }

    static func person(_ system: String, _ key: String, name: String, id: String = "", phone: String = "",
                       address: String = "", birth: CalendarDate = CalendarDate(year: 1975, month: 6, day: 15),
                       version: Int64 = 1) -> PartyRecord {
        PartyRecord(ref: SourceRef(sourceSystem: system, sourceKey: key), sourceVersion: version,
                    details: PartyDetails(kind: .individual, fullName: name, documentType: id.isEmpty ? .unspecified : .residentId,
                                          documentNumber: id, birthDate: birth, sex: .female,
                                          phones: phone.isEmpty ? [] : [phone],
                                          addressLines: address.isEmpty ? [] : [address]))
    }

    /// Ingests records (one transaction each) and returns their customer codes.
    static func ingest(_ records: [PartyRecord], client: RPCClient) async throws -> [String] {
        let answer = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: records))
        return answer.results.map(\.customerCode)
    }

    static func find(_ system: String, _ key: String, client: RPCClient) async throws -> String {
        try await client.call(IdentityAPI.findCustomerBySourceKey,
                              FindCustomerBySourceKeyRequest(ref: SourceRef(sourceSystem: system, sourceKey: key)))
            .customerCode
    }

    /// Every stored record as `SYSTEM/KEY=CODE`, in the export's order.
    static func crossReference(client: RPCClient) async throws -> [String] {
        try await client.call(IdentityAPI.exportCrossReference, ExportCrossReferenceRequest()).rows
            .map { "\($0.sourceSystem)/\($0.sourceKey)=\($0.customerCode)" }
    }

    /// The feed's events of one type, waiting (up to 10 s) until `until` holds for them.
    static func events<Event: WireMessage>(_ type: Event.Type, client: RPCClient,
                                           until: ([Event]) -> Bool = { !$0.isEmpty }) async throws -> [Event] {
        let clock = ContinuousClock(), giveUp = clock.now + .seconds(10)
        while true {
            var found: [Event] = [], after: Int64 = 0
            while true {
                let page = try await client.call(CommonAPI.listEvents, ListEventsRequest(after: after, limit: 10_000))
                found += try page.events.filter { $0.type == Event.protoName }.map {
                    try WireCodec.decode(Event.self, from: ByteBufferAllocator().buffer(bytes: $0.payload))
                }
                guard let last = page.events.last, last.position < page.headPosition else { break }
                after = last.position
            }
            if until(found) || clock.now > giveUp { return found }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The status and message of the RPC error `body` throws, or nil when it succeeds.
    static func failure(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.unknown, "\(error)")
        }
    }
}

/// Merge, split and undo through the real clm-identity against a real PostgreSQL: codes stay stable, aliases keep
/// resolving, undo restores the previous assignment exactly, and the guard rail and bad input are refused.
@Suite(.serialized) struct CustomerOperationsTests {
    typealias S = CustomerOpsSupport

    @Test func mergeKeepsTheSurvivorsCodeAndUndoRestoresTheAssignment() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "opsmerge")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let id = S.residentID("11010519750615002")
        let codes = try await S.ingest([
            S.person("SALES", "A1", name: "王芳", id: id, phone: "13800138001", address: "北京市朝阳区建国路88号"),
            S.person("UW", "A2", name: "王芳", id: id, phone: "13800138001", address: "北京市朝阳区建国路88号"),
            S.person("SALES", "B1", name: "赵丽", phone: "13700137002", address: "上海市浦东新区世纪大道100号",
                     birth: CalendarDate(year: 1980, month: 1, day: 2)),
        ], client: client)
        let (a, b) = (codes[0], codes[2])
        try #require(codes[1] == a && !a.isEmpty && b != a, "fixture: \(codes)\n\(suite.logTail(.identity))")
        let before = try await S.crossReference(client: client)

        let merged = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: a, mergedCode: b.lowercased(), operatorId: "ops-1", reason: "same person, ticket 42"))
        #expect(merged.survivor.customerCode == a)
        #expect(merged.survivor.aliases == [b])
        #expect(merged.survivor.sourceRecordCount == 3)
        #expect(try await S.find("SALES", "B1", client: client) == a)
        let viaAlias = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: b))
        #expect(viaAlias.resolvedFromAlias && viaAlias.customer.customerCode == a)
        #expect(try await S.crossReference(client: client) == before.map { $0.replacingOccurrences(of: b, with: a) })

        // The trail, asked for by the alias, shows the merge with who and why.
        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: b))
        let entry = try #require(trail.entries.first)
        #expect(entry.operationId == merged.operationId && entry.type == .merge)
        #expect(entry.operatorId == "ops-1" && entry.reason == "same person, ticket 42")
        #expect(entry.caller == String(getuid()))
        #expect(entry.customerCodes == [a, b])
        #expect(entry.records.map(\.sourceKey) == ["B1"])
        let event = try #require(try await S.events(CustomersMerged.self, client: client).first)
        #expect(event.survivorCode == a && event.mergedCode == b && event.operationId == merged.operationId)
        #expect(event.operatorId == "ops-1" && event.profile.kind == .individual)

        let undone = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: merged.operationId, operatorId: "ops-2", reason: "not the same person after all"))
        #expect(undone.customerCodes == [a, b])
        #expect(try await S.crossReference(client: client) == before)
        let again = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: b))
        #expect(!again.resolvedFromAlias && again.customer.customerCode == b && again.customer.status == .active)
        #expect(again.customer.sourceRecordCount == 1)
        let survivor = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: a))
        #expect(survivor.customer.aliases.isEmpty && survivor.customer.sourceRecordCount == 2)

        let twice = await S.failure {
            _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
                operationId: merged.operationId, operatorId: "ops-2", reason: "again"))
        }
        #expect(twice?.status == .failedPrecondition && twice?.message.contains("already undone") == true)

        let undoEvents = try await S.events(OperationUndone.self, client: client)
        #expect(undoEvents.map(\.undoneOperationId) == [merged.operationId])
        #expect(undoEvents.first?.undoneType == .merge && undoEvents.first?.operationId == undone.operationId)
        let after = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: a))
        #expect(after.entries.prefix(2).map(\.type) == [.undo, .merge])
        #expect(after.entries.dropFirst().first?.undoneBy == undone.operationId)
    }

    @Test func splitIssuesANewCodeAndUndoFoldsItBackAsAnAlias() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "opssplit")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let id = S.residentID("32010219750615004")
        let codes = try await S.ingest([
            S.person("SALES", "P1", name: "陈静", id: id, phone: "13900139001", address: "南京市玄武区中山路1号"),
            S.person("UW", "P2", name: "陈静", id: id, phone: "13900139001", address: "南京市玄武区中山路1号"),
            S.person("POS", "P3", name: "陈静", id: id, phone: "13900139001", address: "南京市玄武区中山路1号"),
        ], client: client)
        let c = codes[0]
        try #require(Set(codes) == [c] && !c.isEmpty, "fixture: \(codes)\n\(suite.logTail(.identity))")
        let before = try await S.crossReference(client: client)
        // A policy naming the record that moves: its event is sent again with the new code, and again after the undo.
        let policy = PolicyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-9"), sourceVersion: 1,
                                  productLine: .life, productCode: "L01",
                                  parties: [PolicyParty(party: SourceRef(sourceSystem: "SALES", sourceKey: "P1"),
                                                        role: .policyholder),
                                            PolicyParty(party: SourceRef(sourceSystem: "POS", sourceKey: "P3"),
                                                        role: .insured)],
                                  premium: Money(minorUnits: 50_000, currency: "CNY"), paymentMode: .annual,
                                  issueDate: CalendarDate(year: 2021, month: 3, day: 1), status: .inForce)
        _ = try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
        func roles(_ event: PolicyLinked?) -> [String] { (event?.parties ?? []).map { "\($0.role)=\($0.customerCode)" } }
        #expect(roles(try await S.events(PolicyLinked.self, client: client).last) == ["policyholder=\(c)", "insured=\(c)"])

        let split = try await client.call(IdentityAPI.splitCustomer, SplitCustomerRequest(
            customerCode: c, records: [SourceRef(sourceSystem: "POS", sourceKey: "P3")], operatorId: "ops-1",
            reason: "POS record is the daughter"))
        let n = split.newCustomerCode
        #expect(n != c && n.hasPrefix("C") && n.count == 12)
        #expect(try await S.find("POS", "P3", client: client) == n)
        #expect(try await S.find("UW", "P2", client: client) == c)
        #expect(try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: n)).customer
            .sourceRecordCount == 1)
        #expect(try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: c)).customer
            .sourceRecordCount == 2)
        let event = try #require(try await S.events(CustomerSplit.self, client: client).first)
        #expect(event.customerCode == c && event.newCustomerCode == n && event.operationId == split.operationId)
        #expect(event.movedRecords == [SourceRef(sourceSystem: "POS", sourceKey: "P3")])
        let resent = try await S.events(PolicyLinked.self, client: client) { $0.count >= 2 }
        #expect(resent.count == 2 && roles(resent.last) == ["policyholder=\(c)", "insured=\(n)"])

        let undone = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: split.operationId, operatorId: "ops-2", reason: "she is the same person"))
        #expect(undone.customerCodes == [c])
        #expect(try await S.crossReference(client: client) == before)
        let viaAlias = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: n))
        #expect(viaAlias.resolvedFromAlias && viaAlias.customer.customerCode == c)
        #expect(viaAlias.customer.sourceRecordCount == 3 && viaAlias.customer.aliases == [n])
        let undoEvent = try #require(try await S.events(OperationUndone.self, client: client).first)
        #expect(undoEvent.undoneType == .split && undoEvent.undoneOperationId == split.operationId)
        let afterUndo = try await S.events(PolicyLinked.self, client: client) { $0.count >= 3 }
        #expect(afterUndo.count == 3 && roles(afterUndo.last) == ["policyholder=\(c)", "insured=\(c)"])

        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: n))
        #expect(trail.entries.prefix(2).map(\.operationId) == [undone.operationId, split.operationId])
        #expect(trail.entries.dropFirst().first?.customerCodes == [c, n])
    }

    @Test func undoWaitsForLaterOperationsAndGivesAnAliasItsOwnAliasesBack() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "opsorder")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let codes = try await S.ingest([
            S.person("SALES", "X", name: "刘洋", phone: "13600136001", address: "广州市天河区体育西路1号",
                     birth: CalendarDate(year: 1961, month: 3, day: 4)),
            S.person("SALES", "Y", name: "孙伟", phone: "13600136002", address: "深圳市南山区科技园2号",
                     birth: CalendarDate(year: 1972, month: 5, day: 6)),
            S.person("SALES", "Z", name: "周敏", phone: "13600136003", address: "成都市武侯区人民南路3号",
                     birth: CalendarDate(year: 1983, month: 7, day: 8)),
        ], client: client)
        let (x, y, z) = (codes[0], codes[1], codes[2])
        try #require(Set(codes).count == 3, "fixture: \(codes)\n\(suite.logTail(.identity))")
        let before = try await S.crossReference(client: client)

        // Y into Z, then Z (with its alias Y) into X.
        let first = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: z, mergedCode: y, operatorId: "ops-1", reason: "first"))
        let second = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: x, mergedCode: z, operatorId: "ops-1", reason: "second"))
        #expect(try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: y)).customer
            .customerCode == x)

        let refused = await S.failure {
            _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
                operationId: first.operationId, operatorId: "ops-2", reason: "too early"))
        }
        #expect(refused?.status == .failedPrecondition)
        #expect(refused?.message.contains("undo \(second.operationId)") == true, "\(String(describing: refused))")

        _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: second.operationId, operatorId: "ops-2", reason: "Z is not X"))
        // Y was Z's alias before Z merged into X: it is Z's again.
        let yNow = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: y))
        #expect(yNow.resolvedFromAlias && yNow.customer.customerCode == z)
        #expect(try await S.find("SALES", "Y", client: client) == z)
        #expect(try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: x)).customer.aliases
            .isEmpty)

        _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: first.operationId, operatorId: "ops-2", reason: "Y is not Z"))
        #expect(try await S.crossReference(client: client) == before)
        #expect(!(try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: y)).resolvedFromAlias))
    }

    @Test func theGuardRailRefusesToMergeTwoDifferentIDNumbers() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "opsguard")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let codes = try await S.ingest([
            S.person("SALES", "G1", name: "黄磊", id: S.residentID("44030419700101002"), phone: "13500135001",
                     birth: CalendarDate(year: 1970, month: 1, day: 1)),
            S.person("SALES", "G2", name: "李娜", id: S.residentID("44030419800202004"), phone: "13500135002",
                     birth: CalendarDate(year: 1980, month: 2, day: 2)),
        ], client: client)
        try #require(codes[0] != codes[1] && !codes[0].isEmpty, "fixture: \(codes)")
        let before = try await S.crossReference(client: client)
        let refused = await S.failure {
            _ = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
                survivorCode: codes[0], mergedCode: codes[1], operatorId: "ops-1", reason: "looks alike"))
        }
        #expect(refused?.status == .failedPrecondition)
        #expect(refused?.message.contains("resident_id") == true, "\(String(describing: refused))")
        #expect(try await S.crossReference(client: client) == before)
        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: codes[1]))
        #expect(!trail.entries.contains { $0.type == .merge })
    }

    @Test func everyBadInputGetsItsOwnStatus() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "opsbad")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let codes = try await S.ingest([
            S.person("SALES", "K1", name: "马超", phone: "13300133001", address: "西安市雁塔区小寨路1号",
                     birth: CalendarDate(year: 1966, month: 1, day: 1)),
            S.person("UW", "K2", name: "马超", phone: "13300133001", address: "西安市雁塔区小寨路1号",
                     birth: CalendarDate(year: 1966, month: 1, day: 1)),
            S.person("SALES", "L1", name: "吴昊", phone: "13300133002", address: "杭州市西湖区文三路2号",
                     birth: CalendarDate(year: 1977, month: 2, day: 2)),
            S.person("SALES", "M1", name: "郑爽", phone: "13300133003", address: "武汉市洪山区珞喻路3号",
                     birth: CalendarDate(year: 1988, month: 3, day: 3)),
        ], client: client)
        let (k, l, m) = (codes[0], codes[2], codes[3])
        try #require(codes[1] == k && Set([k, l, m]).count == 3, "fixture: \(codes)")
        let unknown = S.wellFormedCode()
        try #require(!codes.contains(unknown))

        func merge(_ survivor: String, _ merged: String, _ op: String = "ops-1", _ reason: String = "why") async -> RPCError? {
            await S.failure {
                _ = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
                    survivorCode: survivor, mergedCode: merged, operatorId: op, reason: reason))
            }
        }
        func split(_ code: String, _ records: [SourceRef], _ op: String = "ops-1", _ reason: String = "why") async -> RPCError? {
            await S.failure {
                _ = try await client.call(IdentityAPI.splitCustomer, SplitCustomerRequest(
                    customerCode: code, records: records, operatorId: op, reason: reason))
            }
        }
        func undo(_ operation: String, _ op: String = "ops-1", _ reason: String = "why") async -> RPCError? {
            await S.failure {
                _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
                    operationId: operation, operatorId: op, reason: reason))
            }
        }
        func expect(_ error: RPCError?, _ status: RPCStatus, field: String? = nil, mentions text: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(error?.status == status, "\(String(describing: error))", sourceLocation: sourceLocation)
            if let field {
                #expect(error?.violations.map(\.field) == [field], "\(String(describing: error))",
                        sourceLocation: sourceLocation)
            }
            if let text {
                #expect(error?.message.contains(text) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
            }
        }

        // Merge.
        expect(await merge(k, l, ""), .invalidArgument, field: "operator_id")
        expect(await merge(k, l, "ops-1", " "), .invalidArgument, field: "reason")
        expect(await merge("", l), .invalidArgument, field: "survivor_code")
        expect(await merge(k, ""), .invalidArgument, field: "merged_code")
        expect(await merge(k, "C123"), .invalidArgument, field: "merged_code")
        expect(await merge(k, k.lowercased()), .invalidArgument, field: "merged_code")
        expect(await merge(unknown, l), .notFound, mentions: "survivor_code")
        expect(await merge(k, unknown), .notFound, mentions: "merged_code")
        let merged = try await client.call(IdentityAPI.mergeCustomers, MergeCustomersRequest(
            survivorCode: k, mergedCode: l, operatorId: "ops-1", reason: "same"))
        // L is now K's alias: naming it is refused with the survivor named.
        expect(await merge(m, l), .failedPrecondition, mentions: k)
        expect(await merge(l, m), .failedPrecondition, mentions: k)

        // Split.
        let k1 = SourceRef(sourceSystem: "SALES", sourceKey: "K1"), k2 = SourceRef(sourceSystem: "UW", sourceKey: "K2")
        let l1 = SourceRef(sourceSystem: "SALES", sourceKey: "L1"), m1 = SourceRef(sourceSystem: "SALES", sourceKey: "M1")
        expect(await split(m, []), .invalidArgument, field: "records")
        expect(await split(k, [SourceRef(sourceSystem: "SALES", sourceKey: "")]), .invalidArgument, field: "records[0]")
        expect(await split(k, [k1, k1]), .invalidArgument, field: "records[1]")
        expect(await split(k, [k1], ""), .invalidArgument, field: "operator_id")
        expect(await split(k, [k1], "ops-1", ""), .invalidArgument, field: "reason")
        expect(await split("nonsense", [k1]), .invalidArgument, field: "customer_code")
        expect(await split(unknown, [k1]), .notFound)
        expect(await split(l, [l1]), .failedPrecondition, mentions: k)
        expect(await split(k, [m1]), .failedPrecondition, mentions: "records[0]: SALES/M1")
        expect(await split(k, [k1, SourceRef(sourceSystem: "SALES", sourceKey: "NOPE")]), .notFound,
               mentions: "records[1]")
        expect(await split(m, [m1]), .failedPrecondition, mentions: "at least one")
        expect(await split(k, [k1, k2, l1]), .failedPrecondition, mentions: "at least one")

        // Undo.
        expect(await undo(""), .invalidArgument, field: "operation_id")
        expect(await undo(merged.operationId, ""), .invalidArgument, field: "operator_id")
        expect(await undo(merged.operationId, "ops-1", ""), .invalidArgument, field: "reason")
        expect(await undo("op-nothing"), .notFound)
        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: m))
        let created = try #require(trail.entries.first { $0.type == .customerCreated })
        expect(await undo(created.operationId), .failedPrecondition, mentions: "only MERGE, SPLIT")

        // Audit trail.
        let full = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: l))
        #expect(full.entries.count >= 2 && full.entries.first?.operationId == merged.operationId)
        #expect(full.entries.map(\.occurredAt) == full.entries.map(\.occurredAt).sorted(by: >))
        var paged: [String] = [], token = ""
        repeat {
            let page = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(
                customerCode: l, page: PageRequest(pageSize: 1, pageToken: token)))
            #expect(page.entries.count <= 1)
            paged += page.entries.map(\.operationId)
            token = page.page.nextPageToken
        } while !token.isEmpty && paged.count < 100
        #expect(paged == full.entries.map(\.operationId))
        let future = Timestamp(unixMicros: Int64(Date().timeIntervalSince1970 * 1_000_000) + 3_600_000_000)
        let none = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(
            customerCode: l, occurred: TimeRange(start: future)))
        #expect(none.entries.isEmpty)
        let upToNow = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(
            customerCode: l, occurred: TimeRange(end: future)))
        #expect(upToNow.entries.map(\.operationId) == full.entries.map(\.operationId))
        expect(await S.failure {
            _ = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(
                customerCode: l, page: PageRequest(pageToken: "garbage")))
        }, .invalidArgument, field: "page.page_token")
        expect(await S.failure {
            _ = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: unknown))
        }, .notFound)
        expect(await S.failure {
            _ = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: ""))
        }, .invalidArgument, field: "customer_code")
    }
}
