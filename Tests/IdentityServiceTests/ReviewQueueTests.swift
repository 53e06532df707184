import CLMTesting
import Foundation
import IdentityAPI
import Models
import RPC
import ServiceAPI
import Testing
import WireCodec

/// The clerical review queue through the real clm-identity: what lands in it, LINK (and its undo), NO_LINK remembered,
/// items superseded by a newer version, and the guard rail that a LINK cannot pass.
@Suite(.serialized) struct ReviewQueueTests {
    typealias S = CustomerOpsSupport

    static let birth = CalendarDate(year: 1990, month: 9, day: 9)
    static let base = S.person("SALES", "R1", name: "林晓", phone: "13100131001", address: "厦门市思明区鹭江道8号",
                               birth: birth)

    /// Variants of `base` from another system, weakest evidence last: same name and birth date, and less and less else.
    static func variants(key: String, version: Int64 = 1) -> [PartyRecord] {
        [
            S.person("UW", key, name: "林晓", phone: "13100131999", address: "福州市鼓楼区五四路200号", birth: birth, version: version),
            S.person("UW", key, name: "林晓", phone: "13100131999", birth: birth, version: version),
            S.person("UW", key, name: "林晓", address: "福州市鼓楼区五四路200号", birth: birth, version: version),
            S.person("UW", key, name: "林晓", phone: "13100131999", address: "厦门市思明区鹭江道8号", birth: birth,
                     version: version),
            S.person("UW", key, name: "林晓", birth: birth, version: version),
            S.person("UW", key, name: "林晓", phone: "13100131001", address: "福州市鼓楼区五四路200号", birth: birth,
                     version: version),
        ]
    }

    /// Stores `base` and the first variant that the matcher sends to review against it (asked first without
    /// storing, through ResolveParty); returns the variant and both codes, or nil (recorded as an issue) when no
    /// variant lands in the review band.
    static func queueOne(client: RPCClient) async throws -> (variant: PartyRecord, base: String, other: String)? {
        let baseCode = try await S.ingest([base], client: client)[0]
        var tried: [String] = []
        for (index, variant) in variants(key: "R2").enumerated() {
            let answer = try await client.call(IdentityAPI.resolveParty, ResolvePartyRequest(query: variant))
            tried.append("\(index): \(answer.outcome) \(answer.candidates.first?.totalWeight ?? 0)")
            guard answer.outcome == .clericalReview else { continue }
            let stored = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [variant]))
            #expect(stored.results[0].sentToReview, "ResolveParty said review, storing did not")
            return (variant, baseCode, stored.results[0].customerCode)
        }
        Issue.record("no variant scored in the review band: \(tried)")
        return nil
    }

    static func pending(_ client: RPCClient, customer: String = "") async throws -> [ReviewItem] {
        try await client.call(IdentityAPI.listReviewItems, ListReviewItemsRequest(customerCode: customer)).items
    }

    @Test func aLinkDecisionMergesTheCustomersAndItsUndoPutsTheItemBack() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "reviewlink")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        guard let queued = try await Self.queueOne(client: client) else { return }
        #expect(queued.other != queued.base)
        let items = try await Self.pending(client)
        try #require(items.count == 1, "\(items)")
        let item = items[0]
        #expect(item.status == .pending && item.record == SourceRef(sourceSystem: "UW", sourceKey: "R2"))
        #expect(item.candidate.bestRecord == SourceRef(sourceSystem: "SALES", sourceKey: "R1"))
        #expect(item.candidate.customerCode == queued.base && item.candidate.outcome == .clericalReview)
        #expect(!item.candidate.comparisons.isEmpty)
        #expect(item.candidate.comparisons.contains { $0.field == "birth_date" && $0.candidateValue == "1990-09-09" },
                "the service's own uid is admin and sees values unmasked: \(item.candidate.comparisons)")
        #expect(try await Self.pending(client, customer: queued.base).map(\.reviewId) == [item.reviewId])
        #expect(try await Self.pending(client, customer: queued.other).isEmpty)

        // Bad decisions.
        func decide(_ id: String, _ decision: ReviewDecision, _ op: String = "ops-1", _ reason: String = "why")
            async -> RPCError?
        {
            await S.failure {
                _ = try await client.call(IdentityAPI.decideReviewItem, DecideReviewItemRequest(
                    reviewId: id, decision: decision, operatorId: op, reason: reason))
            }
        }
        let noOperator = await decide(item.reviewId, .link, "")
        #expect(noOperator?.status == .invalidArgument && noOperator?.violations.map(\.field) == ["operator_id"])
        let noReason = await decide(item.reviewId, .link, "ops-1", "")
        #expect(noReason?.status == .invalidArgument && noReason?.violations.map(\.field) == ["reason"])
        let noDecision = await decide(item.reviewId, .unspecified)
        #expect(noDecision?.status == .invalidArgument && noDecision?.violations.map(\.field) == ["decision"])
        let badID = await decide("twelve", .link)
        #expect(badID?.status == .invalidArgument && badID?.violations.map(\.field) == ["review_id"])
        #expect(await decide("987654", .link)?.status == .notFound)

        let before = try await S.crossReference(client: client)
        let decided = try await client.call(IdentityAPI.decideReviewItem, DecideReviewItemRequest(
            reviewId: item.reviewId, decision: .link, operatorId: "clerk-7", reason: "same person, new phone"))
        #expect(decided.customerCode == queued.base && !decided.operationId.isEmpty)
        #expect(decided.item.status == .decidedLink && decided.item.decidedBy == "clerk-7")
        #expect(decided.item.reason == "same person, new phone" && decided.item.decidedAt != nil)
        #expect(try await S.find("UW", "R2", client: client) == queued.base)
        let alias = try await client.call(IdentityAPI.getCustomer, GetCustomerRequest(customerCode: queued.other))
        #expect(alias.resolvedFromAlias && alias.customer.customerCode == queued.base)
        #expect(try await Self.pending(client).isEmpty)
        let linked = try await client.call(IdentityAPI.listReviewItems, ListReviewItemsRequest(status: .decidedLink))
        #expect(linked.items.map(\.reviewId) == [item.reviewId])
        #expect(await decide(item.reviewId, .noLink)?.status == .failedPrecondition)
        let merged = try await S.events(CustomersMerged.self, client: client)
        #expect(merged.map(\.operationId) == [decided.operationId])
        #expect(merged.first?.survivorCode == queued.base && merged.first?.mergedCode == queued.other)
        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: queued.base))
        #expect(trail.entries.first?.type == .reviewDecided && trail.entries.first?.operatorId == "clerk-7")

        _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
            operationId: decided.operationId, operatorId: "ops-2", reason: "clerk was wrong"))
        #expect(try await S.crossReference(client: client) == before.map {
            $0.hasPrefix("UW/R2=") ? "UW/R2=\(queued.other)" : $0
        })
        let back = try await Self.pending(client)
        #expect(back.map(\.reviewId) == [item.reviewId] && back.first?.decidedBy == "")
        let undone = try await S.events(OperationUndone.self, client: client)
        #expect(undone.first?.undoneOperationId == decided.operationId && undone.first?.undoneType == .reviewDecided)
    }

    @Test func aNoLinkDecisionIsRememberedWhenTheRecordComesBack() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "reviewnolink")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        guard let queued = try await Self.queueOne(client: client) else { return }
        let item = try #require(try await Self.pending(client).first)
        let decided = try await client.call(IdentityAPI.decideReviewItem, DecideReviewItemRequest(
            reviewId: item.reviewId, decision: .noLink, operatorId: "clerk-7", reason: "twins"))
        #expect(decided.item.status == .decidedNoLink && decided.customerCode == queued.other)
        #expect(!decided.operationId.isEmpty)
        #expect(try await S.find("UW", "R2", client: client) == queued.other)
        #expect(try await Self.pending(client).isEmpty)

        // The same version again changes nothing; a newer version is resolved again but not queued again.
        let same = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [queued.variant]))
        #expect(same.results[0].outcome == .unchanged)
        var newer = queued.variant
        newer.sourceVersion = 2
        let resent = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [newer]))
        #expect(resent.results[0].outcome == .updated)
        #expect(!resent.results[0].sentToReview)
        #expect(try await Self.pending(client).isEmpty)
        let noLinks = try await client.call(IdentityAPI.listReviewItems, ListReviewItemsRequest(status: .decidedNoLink))
        #expect(noLinks.items.map(\.reviewId) == [item.reviewId])

        let refused = await S.failure {
            _ = try await client.call(IdentityAPI.undoOperation, UndoOperationRequest(
                operationId: decided.operationId, operatorId: "ops-2", reason: "undo a no-link"))
        }
        #expect(refused?.status == .failedPrecondition && refused?.message.contains("nothing to undo") == true)
        let trail = try await client.call(IdentityAPI.listAuditTrail, ListAuditTrailRequest(customerCode: queued.other))
        #expect(trail.entries.contains { $0.operationId == decided.operationId && $0.type == .reviewDecided })
    }

    @Test func aNewerVersionSupersedesThePendingItemsOfTheOldOne() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "reviewsuper")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        guard let queued = try await Self.queueOne(client: client) else { return }
        let item = try #require(try await Self.pending(client).first)
        var newer = queued.variant
        newer.sourceVersion = 2
        newer.details.email = "lin.xiao@example.com"
        _ = try await client.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [newer]))
        let superseded = try await client.call(IdentityAPI.listReviewItems, ListReviewItemsRequest(status: .superseded))
        #expect(superseded.items.map(\.reviewId) == [item.reviewId])
        let decided = await S.failure {
            _ = try await client.call(IdentityAPI.decideReviewItem, DecideReviewItemRequest(
                reviewId: item.reviewId, decision: .link, operatorId: "clerk-7", reason: "late"))
        }
        #expect(decided?.status == .failedPrecondition && decided?.message.contains("superseded") == true)
        // The newer version still scores in the review band: it waits under a new item.
        #expect(try await Self.pending(client).map(\.record) == [newer.ref])
        #expect(try await Self.pending(client).map(\.reviewId) != [item.reviewId])
    }

    @Test func aLinkAcrossTwoIDNumbersIsRefusedUntilSplit() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "reviewguard")
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)
        defer { Task { await suite.stopAll() } }

        // Everything alike but the (valid) ID numbers: the guard rail keeps them apart and queues the pair.
        let codes = try await S.ingest([
            S.person("SALES", "T1", name: "何欢", id: S.residentID("35020319900909002"), phone: "13200132001",
                     address: "厦门市湖里区长岸路5号", birth: Self.birth),
            S.person("UW", "T2", name: "何欢", id: S.residentID("35020319900909004"), phone: "13200132001",
                     address: "厦门市湖里区长岸路5号", birth: Self.birth),
        ], client: client)
        try #require(codes[0] != codes[1], "the guard rail let two ID numbers link: \(codes)")
        let items = try await Self.pending(client)
        let item = try #require(items.first { !$0.candidate.guardRails.isEmpty }, "queue: \(items)")
        let refused = await S.failure {
            _ = try await client.call(IdentityAPI.decideReviewItem, DecideReviewItemRequest(
                reviewId: item.reviewId, decision: .link, operatorId: "clerk-7", reason: "same person"))
        }
        #expect(refused?.status == .failedPrecondition && refused?.message.contains("resident_id") == true,
                "\(String(describing: refused))")
        #expect(try await Self.pending(client).map(\.reviewId).contains(item.reviewId), "a refused decision decides nothing")
        #expect(try await S.find("UW", "T2", client: client) == codes[1])
    }
}
