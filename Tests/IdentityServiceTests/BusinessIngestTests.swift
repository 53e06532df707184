import CLMTesting
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import ServiceAPI
import Testing
import WireCodec

/// Business records through the real clm-identity: stored by version, linked to customers, announced on the feed.
@Suite(.serialized) struct BusinessIngestTests {
    /// The feed's events of one type, once there are at least `count` (the relay gives positions just after commit).
    static func events<Event: WireMessage>(_ type: Event.Type, client: RPCClient, count: Int = 1) async throws
        -> [Event]
    {
        let giveUp = ContinuousClock.now + .seconds(10)
        while true {
            let page = try await client.call(CommonAPI.listEvents, ListEventsRequest(after: 0, limit: 1000))
            let events = try page.events.filter { $0.type == Event.protoName }.map {
                try WireCodec.decode(Event.self, from: ByteBufferAllocator().buffer(bytes: $0.payload))
            }
            if events.count >= count || ContinuousClock.now > giveUp { return events }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aPolicyLinksToItsPartiesCustomersAndWaitsForTheMissingOne() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "business")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let holder = PartyIngestTests.person("SALES", "P1", name: "王芳", id: "11010519491231002X", phone: "13800138000")
        let parties = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [holder]))
        let holderCode = parties.results[0].customerCode

        var policy = PolicyRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-1"), sourceVersion: 1,
                                  productLine: .life, productCode: "L01",
                                  parties: [PolicyParty(party: SourceRef(sourceKey: "P1"), role: .policyholder),
                                            PolicyParty(party: SourceRef(sourceKey: "P2"), role: .insured,
                                                        relationToPolicyholder: .child)],
                                  premium: Money(minorUnits: 120_000, currency: "CNY"), paymentMode: .monthly,
                                  issueDate: CalendarDate(year: 2020, month: 1, day: 15), status: .inForce)
        let stored = try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
        #expect(stored.results[0].outcome == .created)
        #expect(stored.results[0].pendingParties == [SourceRef(sourceSystem: "SALES", sourceKey: "P2")])

        let payment = PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-1"), sourceVersion: 1,
                                    policyNumber: "POL-1", instalment: 1,
                                    dueDate: CalendarDate(year: 2020, month: 2, day: 15),
                                    amount: Money(minorUnits: 120_000, currency: "CNY"), status: .paid)
        let bad = PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-2"), sourceVersion: 1)
        let paid = try await client.call(IdentityAPI.ingestPayments, IngestPaymentsRequest(records: [payment, bad]))
        #expect(paid.results.map(\.outcome) == [.created, .rejected])
        #expect(paid.results[1].reason.contains("policy_number"))

        var linked = try await Self.events(PolicyLinked.self, client: client)
        #expect(linked.count == 1)
        #expect(linked.first?.parties == [PolicyRole(customerCode: holderCode, role: .policyholder)])
        // 1,200.00 a month is 14,400.00 a year.
        #expect(linked.first?.annualisedPremium == Money(minorUnits: 1_440_000, currency: "CNY"))
        let payments = try await Self.events(PaymentLinked.self, client: client)
        #expect(payments.map(\.customerCode) == [holderCode])
        #expect(payments.first?.policyKey == "SALES/POL-1" && payments.first?.productLine == .life)

        // The insured arrives: the policy is announced again with both customers.
        let child = PartyIngestTests.person("SALES", "P2", name: "王小明", id: "110105201001010010",
                                           phone: "13900000001", born: CalendarDate(year: 2010, month: 1, day: 1))
        let childResult = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [child]))
        linked = try await Self.events(PolicyLinked.self, client: client, count: 2)
        #expect(linked.count == 2)
        #expect(Set(linked.last?.parties.map(\.customerCode) ?? []) == [holderCode, childResult.results[0].customerCode])

        // The same version again changes nothing; an older one is stale; a newer one replaces it.
        #expect(try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
            .results[0].outcome == .unchanged)
        policy.sourceVersion = 2
        policy.status = .lapsed
        #expect(try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
            .results[0].outcome == .updated)
        policy.sourceVersion = 1
        #expect(try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
            .results[0].outcome == .stale)
        linked = try await Self.events(PolicyLinked.self, client: client, count: 3)
        #expect(linked.count == 3, "the unchanged and stale versions must not be announced")
        #expect(linked.last?.status == .lapsed && linked.last?.sourceVersion == 2)

        let stats = try await client.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        #expect(stats.bySourceSystem.first { $0.sourceSystem == "SALES" }?.policies == 1)
        #expect(stats.bySourceSystem.first { $0.sourceSystem == "SALES" }?.payments == 1)
    }
}
