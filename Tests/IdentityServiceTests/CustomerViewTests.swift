import CLMTesting
import Foundation
import IdentityAPI
import Models
import RPC
import Testing

/// The 360 view, relationships and erasure, through the real clm-identity.
@Suite(.serialized) struct CustomerViewTests {
    @Test func the360ViewShowsRecordsPoliciesAndRelationshipsAndErasureEmptiesIt() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "view")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        let parent = PartyIngestTests.person("SALES", "P1", name: "王芳", id: "11010519491231002X", phone: "13800138000")
        let child = PartyIngestTests.person("SALES", "P2", name: "王小明", id: "110105201001010010",
                                           phone: "13900000001", born: CalendarDate(year: 2010, month: 1, day: 1))
        let codes = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [parent, child]))
            .results.map(\.customerCode)
        let policy = PolicyRecord(
            ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-9"), sourceVersion: 1, productLine: .health,
            parties: [PolicyParty(party: SourceRef(sourceKey: "P1"), role: .policyholder),
                      PolicyParty(party: SourceRef(sourceKey: "P2"), role: .insured, relationToPolicyholder: .child)],
            premium: Money(minorUnits: 50_000, currency: "CNY"), paymentMode: .annual,
            issueDate: CalendarDate(year: 2021, month: 3, day: 1), status: .inForce)
        _ = try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
        _ = try await client.call(IdentityAPI.ingestPayments, IngestPaymentsRequest(records: [
            PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-9"), sourceVersion: 1,
                          policyNumber: "POL-9", dueDate: CalendarDate(year: 2022, month: 3, day: 1),
                          amount: Money(minorUnits: 50_000, currency: "CNY"), status: .paid),
        ]))
        _ = try await client.call(IdentityAPI.ingestClaims, IngestClaimsRequest(records: [
            ClaimRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "CLM-9"), sourceVersion: 1,
                        policyNumber: "POL-9", claimant: SourceRef(sourceKey: "P2"),
                        claimedAmount: Money(minorUnits: 8_000, currency: "CNY"), status: .reported),
        ]))

        let holder = try await client.call(IdentityAPI.getCustomer360, GetCustomer360Request(customerCode: codes[0]))
        #expect(holder.sourceRecords.map(\.record.ref.sourceKey) == ["P1"])
        #expect(holder.policies.map(\.policy.ref.sourceKey) == ["POL-9"])
        #expect(holder.policies.first?.customerRoles == [.policyholder])
        #expect(holder.policies.first?.otherParties
            == [PolicyPartyCustomer(customerCode: codes[1], role: .insured, relationToPolicyholder: .child)])
        #expect(holder.policies.first?.annualisedPremium == Money(minorUnits: 50_000, currency: "CNY"))
        #expect(holder.payments.map(\.ref.sourceKey) == ["PAY-9"], "the policyholder pays when no payer is named")
        #expect(holder.claims.isEmpty, "the claim is the insured's")
        #expect(Set(holder.relationships.map { "\($0.fromCode) \($0.type) \($0.toCode)" })
            == ["\(codes[0]) policyholderOfInsured \(codes[1])", "\(codes[0]) parentOf \(codes[1])"])

        let insured = try await client.call(IdentityAPI.getCustomer360, GetCustomer360Request(customerCode: codes[1]))
        #expect(insured.claims.map(\.ref.sourceKey) == ["CLM-9"])
        #expect(insured.policies.first?.customerRoles == [.insured])

        let onlyParents = try await client.call(IdentityAPI.listRelationships,
                                                ListRelationshipsRequest(customerCode: codes[1], types: [.parentOf]))
        #expect(onlyParents.relationships.map(\.type) == [.parentOf])

        do {
            _ = try await client.call(IdentityAPI.getCustomer360,
                                      GetCustomer360Request(customerCode: codes[0], maxItemsPerKind: 10_001))
            Issue.record("10,001 items per kind were accepted")
        } catch {
            #expect(error.status == .invalidArgument)
        }

        // Erasure: the reference is required; then the customer keeps its code and loses its personal data.
        do {
            _ = try await client.call(IdentityAPI.eraseCustomer,
                                      EraseCustomerRequest(customerCode: codes[1], operatorId: "dpo", reason: "request"))
            Issue.record("an erasure without its request reference was accepted")
        } catch {
            #expect(error.status == .invalidArgument && error.message.contains("request_reference"))
        }
        _ = try await client.call(IdentityAPI.eraseCustomer,
                                  EraseCustomerRequest(customerCode: codes[1], operatorId: "dpo", reason: "data subject request",
                                                       requestReference: "TICKET-7"))
        let erased = try await client.call(IdentityAPI.getCustomer360, GetCustomer360Request(customerCode: codes[1]))
        #expect(erased.customer.status == .erased)
        #expect(erased.customer.golden.details.fullName.isEmpty && erased.customer.golden.details.phones.isEmpty)
        #expect(erased.sourceRecords.allSatisfy { $0.record.details.fullName.isEmpty && $0.record.details.documentNumber.isEmpty })
        #expect(erased.claims.map(\.ref.sourceKey) == ["CLM-9"], "business records are kept")
        let again = try await client.call(IdentityAPI.resolveParty, ResolvePartyRequest(query: child))
        #expect(!again.candidates.contains { $0.customerCode == codes[1] }, "an erased customer is still matched")
        do {
            _ = try await client.call(IdentityAPI.eraseCustomer,
                                      EraseCustomerRequest(customerCode: codes[1], operatorId: "dpo", reason: "again",
                                                           requestReference: "TICKET-8"))
            Issue.record("a second erasure was accepted")
        } catch {
            #expect(error.status == .failedPrecondition)
        }
        let events = try await BusinessIngestTests.events(CustomerErased.self, client: client)
        #expect(events.map(\.customerCode) == [codes[1]])
    }
}
