import CLMTesting
import Foundation
import IdentityAPI
import Models
import RPC
import Testing

/// The identity commands of the operator CLI, run as the built `clm` binary against a real clm-identity and
/// PostgreSQL: merge / split / undo / audit, the review queue, the 360 view and relationships, resolve, and the
/// error paths (the service's own message, a non-zero exit status).
@Suite(.serialized) struct CLIOperationsTests {
    typealias S = CustomerOpsSupport

    /// A running clm-identity and a folder to run `clm` in.
    struct Bench {
        let suite: ServiceProcesses
        let client: RPCClient
        let folder: String

        static func start(_ prefix: String) async throws -> Bench {
            let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: prefix)
            let suite = try await ServiceProcesses.start([.identity], database: database)
            return Bench(suite: suite, client: suite.client(.identity),
                         folder: try CLMBinary.runFolder("clm-\(prefix)"))
        }

        /// `clm arguments --socket-dir <the suite's>`.
        func clm(_ arguments: String...) async throws -> CLMRun {
            try await CLMBinary.run(arguments + ["--socket-dir", suite.socketRoot], in: folder)
        }

        /// What `clm customer find` prints for a party record.
        func find(_ system: String, _ key: String) async throws -> String {
            try await clm("customer", "find", "--source", system, "--key", key).stdout
        }

        func stop() {
            try? FileManager.default.removeItem(atPath: folder)
            Task { await suite.stopAll() }
        }
    }


    /// What stands between `before` and the next `after` in `text`, e.g. an operation id.
    static func between(_ text: String, _ before: String, _ after: String) -> String? {
        guard let start = text.range(of: before)?.upperBound,
            let end = text[start...].range(of: after)?.lowerBound
        else { return nil }
        return String(text[start..<end])
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ run: CLMRun) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(run.stdout.utf8))
    }

    @Test func mergeSplitUndoAndAuditKeepCodesAndAliases() async throws {
        let bench = try await Bench.start("climerge")
        defer { bench.stop() }
        let id = S.residentID("44030519800101002")
        let codes = try await S.ingest([
            S.person("SALES", "A1", name: "李娜", id: id, phone: "13600136001", address: "深圳市南山区科技园路1号"),
            S.person("UW", "A2", name: "李娜", id: id, phone: "13600136001", address: "深圳市南山区科技园路1号"),
            S.person("SALES", "B1", name: "周敏", phone: "13500135002", address: "广州市天河区体育西路9号",
                     birth: CalendarDate(year: 1982, month: 3, day: 4)),
        ], client: bench.client)
        let (a, b) = (codes[0], codes[2])
        try #require(codes[1] == a && !a.isEmpty && b != a, "fixture: \(codes)\n\(bench.suite.logTail(.identity))")

        // Merge: b becomes an alias of a and still resolves, to a.
        let merge = try await bench.clm("merge", a, b, "--reason", "same person, ticket 42", "--operator", "ops-1")
        try #require(merge.status == 0, "\(merge.output)")
        let operation = try #require(Self.between(merge.stdout, "merged \(b) into \(a) (operation ", ")"),
                                     "\(merge.stdout)")
        #expect(CLMBinary.words(merge.stdout) == ["merged \(b) into \(a) (operation \(operation))",
                                             "\(a): 3 source records; aliases: \(b)", ""])
        let alias = try await bench.clm("customer", "show", b)
        #expect(alias.status == 0 && CLMBinary.words(alias.stdout).first == "customer \(a) ACTIVE (\(b) is an alias of it)",
                "\(alias.output)")
        #expect(try await bench.find("SALES", "B1") == "SALES/B1 → customer \(a)\n")
        let aliasView = CLMBinary.words(try await bench.clm("customer", "360", b).stdout)
        #expect(aliasView.first == "customer \(a) ACTIVE (\(b) is an alias of it)", "\(aliasView)")
        #expect(aliasView.contains("source records (3):"), "\(aliasView)")

        // The trail, asked for by the alias: who, why, what.
        let trail = try await bench.clm("audit", b)
        #expect(trail.status == 0, "\(trail.output)")
        let entry = CLMBinary.words(trail.stdout).prefix(5)
        #expect(entry.first?.hasSuffix(" merge \(operation) by ops-1 (uid \(getuid()))") == true, "\(trail.stdout)")
        #expect(Array(entry.dropFirst()) == ["reason: same person, ticket 42", "customers: \(a), \(b)",
                                             "records: SALES/B1", "absorbed \(b) into \(a)"])
        let trailJSON = try Self.decode(ListAuditTrailResponse.self, try await bench.clm("audit", a, "--json"))
        #expect(trailJSON.entries.first?.operationId == operation && trailJSON.entries.first?.type == .merge)

        // Undo: both codes are customers again; a second undo is refused with the service's reason.
        let undo = try await bench.clm("undo", operation, "--reason", "not the same person after all", "--operator",
                                       "ops-2")
        try #require(undo.status == 0, "\(undo.output)")
        let undoID = try #require(Self.between(undo.stdout, "undid \(operation) (operation ", ")"))
        #expect(undo.stdout == "undid \(operation) (operation \(undoID)); customers now: \(a), \(b)\n")
        #expect(CLMBinary.words(try await bench.clm("customer", "show", b).stdout).first == "customer \(b) ACTIVE")
        #expect(CLMBinary.words(try await bench.clm("customer", "show", a).stdout).contains("aliases: none"))
        let twice = try await bench.clm("undo", operation, "--reason", "again")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("identity: FAILED_PRECONDITION: \(operation) is already undone (by \(undoID))"),
                "\(twice.output)")

        // Split: UW/A2 moves to a new code; undoing the split folds it back.
        let split = try await bench.clm("split", a, "--records", "UW:A2", "--reason", "UW record is her sister",
                                        "--operator", "ops-1", "--json")
        try #require(split.status == 0, "\(split.output)")
        let splitAnswer = try Self.decode(SplitCustomerResponse.self, split)
        let n = splitAnswer.newCustomerCode
        #expect(n != a && n.hasPrefix("C") && n.count == 12)
        #expect(try await bench.find("UW", "A2") == "UW/A2 → customer \(n)\n")
        #expect(try await bench.find("SALES", "A1") == "SALES/A1 → customer \(a)\n")
        let unsplit = try await bench.clm("undo", splitAnswer.operationId, "--reason", "sisters share no ID number")
        #expect(unsplit.status == 0 && unsplit.stdout.hasSuffix("; customers now: \(a)\n"), "\(unsplit.output)")
        #expect(try await bench.find("UW", "A2") == "UW/A2 → customer \(a)\n")

        // Bad input: the CLI's own usage errors exit 64, the service's refusals exit 1 with its message.
        let unknown = S.wellFormedCode()
        let noReason = try await bench.clm("merge", a, b)
        #expect(noReason.status == 64 && noReason.stderr.contains("Missing expected argument '--reason <reason>'"),
                "\(noReason.output)")
        let blankReason = try await bench.clm("merge", a, b, "--reason", "  ", "--operator", "ops-1")
        #expect(blankReason.status == 1 && blankReason.stderr.contains(
            "identity: INVALID_ARGUMENT: reason: required: why the change is made (it goes to the audit trail)"),
                "\(blankReason.output)")
        let noSuchCustomer = try await bench.clm("merge", a, unknown, "--reason", "typo")
        #expect(noSuchCustomer.status == 1
            && noSuchCustomer.stderr.contains("identity: NOT_FOUND: merged_code: no customer \(unknown)"),
                "\(noSuchCustomer.output)")
        let noSuchOperation = try await bench.clm("undo", "no-such-operation", "--reason", "typo")
        #expect(noSuchOperation.status == 1
            && noSuchOperation.stderr.contains("identity: NOT_FOUND: operation_id: no operation no-such-operation"),
                "\(noSuchOperation.output)")
        let auditUnknown = try await bench.clm("audit", unknown)
        #expect(auditUnknown.status == 1
            && auditUnknown.stderr.contains("identity: NOT_FOUND: customer_code: no customer \(unknown)"),
                "\(auditUnknown.output)")
        let badRecords = try await bench.clm("split", a, "--records", "A2", "--reason", "typo")
        #expect(badRecords.status == 64 && badRecords.stderr.contains("--records A2: write SYSTEM:KEY"),
                "\(badRecords.output)")

        // Several customers in one merge: one call each; a refused one stops there and names the merges before it.
        let partly = try await bench.clm("merge", a, b, unknown, "--reason", "one household", "--operator", "ops-1")
        #expect(partly.status == 1, "\(partly.output)")
        #expect(partly.stderr.contains(
            "identity: NOT_FOUND: merged_code: no customer \(unknown); merged before it: \(b) (operation "),
                "\(partly.output)")
        #expect(try await S.find("SALES", "B1", client: bench.client) == a)
    }

    @Test func eraseAsksForConfirmationThenEmptiesTheCustomerForGood() async throws {
        let bench = try await Bench.start("clierase")
        defer { bench.stop() }
        let codes = try await S.ingest([
            S.person("SALES", "E1", name: "王芳", phone: "13700137001", address: "杭州市西湖区文三路5号",
                     birth: CalendarDate(year: 1979, month: 6, day: 7)),
        ], client: bench.client)
        let code = try #require(codes.first, "fixture: \(codes)")
        let before = try await bench.clm("customer", "360", code)
        try #require(before.status == 0 && before.stdout.contains("王芳"), "the view shows the name: \(before.output)")

        // Without --yes nothing reaches the service; without --request the CLI says what is missing.
        let unconfirmed = try await bench.clm("erase", code, "--request", "DSR-7", "--reason", "subject's request")
        #expect(unconfirmed.status == 64
            && unconfirmed.stderr.contains("erasing \(code) cannot be undone; run again with --yes to confirm"),
                "\(unconfirmed.output)")
        let noRequest = try await bench.clm("erase", code, "--reason", "subject's request", "--yes")
        #expect(noRequest.status == 64 && noRequest.stderr.contains("Missing expected argument '--request <request>'"),
                "\(noRequest.output)")
        #expect(CLMBinary.words(try await bench.clm("customer", "show", code).stdout).first
            == "customer \(code) ACTIVE")

        let erase = try await bench.clm("erase", code, "--request", "DSR-7", "--reason", "subject's request",
                                        "--operator", "dpo-1", "--yes")
        try #require(erase.status == 0, "\(erase.output)")
        let operation = try #require(Self.between(erase.stdout, "erased \(code) (operation ", ")"), "\(erase.stdout)")
        #expect(CLMBinary.words(try await bench.clm("customer", "show", code).stdout).first
            == "customer \(code) ERASED")
        let after = try await bench.clm("customer", "360", code)
        #expect(after.status == 0 && !after.stdout.contains("王芳") && !after.stdout.contains("13700137001"),
                "\(after.output)")
        // The source reference still leads to the code; the trail says who erased it, on which request.
        #expect(try await bench.find("SALES", "E1") == "SALES/E1 → customer \(code)\n")
        let trail = try Self.decode(ListAuditTrailResponse.self, try await bench.clm("audit", code, "--json"))
        #expect(trail.entries.first?.operationId == operation && trail.entries.first?.type == .erasure,
                "\(trail.entries)")
        #expect(trail.entries.first?.operatorId == "dpo-1", "\(trail.entries)")

        let twice = try await bench.clm("erase", code, "--request", "DSR-7", "--reason", "again", "--yes")
        #expect(twice.status == 1 && twice.stderr.contains("identity: FAILED_PRECONDITION: \(code) is erased already"),
                "\(twice.output)")
    }

    @Test func reviewListShowsTheQueuedItemAndDecideEmptiesIt() async throws {
        let bench = try await Bench.start("clireview")
        defer { bench.stop() }
        guard let queued = try await ReviewQueueTests.queueOne(client: bench.client) else { return }

        let listed = try await bench.clm("review", "list", "--json")
        try #require(listed.status == 0, "\(listed.output)")
        let items = try Self.decode(ListReviewItemsResponse.self, listed).items
        try #require(items.count == 1, "\(items)")
        let item = items[0]
        #expect(item.record == SourceRef(sourceSystem: "UW", sourceKey: "R2"))
        #expect(item.candidate.customerCode == queued.base)

        let text = try await bench.clm("review", "list")
        let lines = CLMBinary.words(text.stdout)
        #expect(lines.first?.hasPrefix("review \(item.reviewId) pending queued ") == true, "\(text.stdout)")
        #expect(lines.dropFirst().first?.hasPrefix(
            "record UW/R2 might be customer \(queued.base) (best record SALES/R1): weight ") == true, "\(text.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix(", clerical_review") == true, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("field level weight m u tf query candidate") }, "\(text.stdout)")
        #expect(lines.contains { $0.hasPrefix("birth_date ") && $0.hasSuffix(" 1990-09-09 1990-09-09") },
                "the per-field explanation: \(text.stdout)")
        #expect(lines.suffix(2) == ["1 item", ""])

        let noSuchItem = try await bench.clm("review", "decide", "987654", "--link", "--reason", "typo")
        #expect(noSuchItem.status == 1
            && noSuchItem.stderr.contains("identity: NOT_FOUND: review_id: no review item 987654"),
                "\(noSuchItem.output)")
        let undecided = try await bench.clm("review", "decide", item.reviewId, "--reason", "forgot the decision")
        #expect(undecided.status == 64 && undecided.stderr.contains("--link"), "\(undecided.output)")

        let decided = try await bench.clm("review", "decide", item.reviewId, "--link", "--reason",
                                          "same person, new phone", "--operator", "clerk-7")
        try #require(decided.status == 0, "\(decided.output)")
        #expect(decided.stdout.hasPrefix(
            "review \(item.reviewId): decided_link by clerk-7; UW/R2 belongs to customer \(queued.base)\noperation "),
                "\(decided.stdout)")
        #expect(try await bench.clm("review", "list").stdout == "no pending review items\n")
        let empty = try Self.decode(ListReviewItemsResponse.self, try await bench.clm("review", "list", "--json"))
        #expect(empty.items.isEmpty)
        let linked = try Self.decode(ListReviewItemsResponse.self,
                                     try await bench.clm("review", "list", "--status", "decided_link", "--json"))
        #expect(linked.items.map(\.reviewId) == [item.reviewId] && linked.items.first?.decidedBy == "clerk-7")
        #expect(CLMBinary.words(try await bench.clm("customer", "show", queued.other).stdout).first
            == "customer \(queued.base) ACTIVE (\(queued.other) is an alias of it)")
        let badStatus = try await bench.clm("review", "list", "--status", "maybe")
        #expect(badStatus.status == 64 && badStatus.stderr.contains("--status maybe: one of pending, decided_link"),
                "\(badStatus.output)")
    }

    @Test func the360ViewRelationshipsAndResolveAnswerFromTheStoredRecords() async throws {
        let bench = try await Bench.start("cliview")
        defer { bench.stop() }
        let parentID = S.residentID("11010819700202004")
        let childID = S.residentID("11010820050505004")
        let child = S.person("SALES", "K1", name: "孙小雨", id: childID, phone: "13300133005", address: "北京市海淀区中关村大街5号",
                             birth: CalendarDate(year: 2005, month: 5, day: 5))
        let codes = try await S.ingest([
            S.person("SALES", "P1", name: "孙丽", id: parentID, phone: "13300133001", address: "北京市海淀区中关村大街5号",
                     birth: CalendarDate(year: 1970, month: 2, day: 2)),
            S.person("UW", "U1", name: "孙丽", id: parentID, phone: "13300133001", address: "北京市海淀区中关村大街5号",
                     birth: CalendarDate(year: 1970, month: 2, day: 2)),
            child,
        ], client: bench.client)
        let (parent, kid) = (codes[0], codes[2])
        try #require(codes[1] == parent && kid != parent, "fixture: \(codes)\n\(bench.suite.logTail(.identity))")
        let policy = PolicyRecord(
            ref: SourceRef(sourceSystem: "SALES", sourceKey: "POL-7"), sourceVersion: 1, productLine: .health,
            productCode: "H01",
            parties: [PolicyParty(party: SourceRef(sourceKey: "P1"), role: .policyholder),
                      PolicyParty(party: SourceRef(sourceKey: "K1"), role: .insured, relationToPolicyholder: .child)],
            premium: Money(minorUnits: 120_000, currency: "CNY"), paymentMode: .annual,
            issueDate: CalendarDate(year: 2022, month: 4, day: 1), status: .inForce)
        _ = try await bench.client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: [policy]))
        _ = try await bench.client.call(IdentityAPI.ingestPayments, IngestPaymentsRequest(records: [
            PaymentRecord(ref: SourceRef(sourceSystem: "SALES", sourceKey: "PAY-7"), sourceVersion: 1,
                          policyNumber: "POL-7", instalment: 1, dueDate: CalendarDate(year: 2022, month: 4, day: 1),
                          paidDate: CalendarDate(year: 2022, month: 3, day: 28),
                          amount: Money(minorUnits: 120_000, currency: "CNY"), status: .paid),
        ]))

        // The 360 view carries both source records, the policy with the customer's role, and the payment.
        let json = try await bench.clm("customer", "360", parent, "--json")
        try #require(json.status == 0, "\(json.output)")
        let view = try Self.decode(GetCustomer360Response.self, json)
        #expect(view.customer.customerCode == parent)
        #expect(view.sourceRecords.map(\.record.ref) == [SourceRef(sourceSystem: "SALES", sourceKey: "P1"),
                                                          SourceRef(sourceSystem: "UW", sourceKey: "U1")])
        #expect(view.sourceRecords.map(\.record.details.fullName) == ["孙丽", "孙丽"])
        #expect(view.policies.map(\.policy.ref.sourceKey) == ["POL-7"])
        #expect(view.policies.first?.customerRoles == [.policyholder])
        #expect(view.payments.map(\.ref.sourceKey) == ["PAY-7"])
        let text = CLMBinary.words(try await bench.clm("customer", "360", parent).stdout)
        #expect(text.first == "customer \(parent) ACTIVE", "\(text)")
        for expected in ["source records (2):", "policies (1):", "payments (1):", "claims: none", "servicing: none",
                         "services used: none", "interactions: none", "relationships (2):",
                         "SALES/POL-7 health H01 policyholder in_force CNY 1200.00 annual CNY 1200.00 2022-04-01 "
                             + "insured \(kid) (child)",
                         "SALES/PAY-7 POL-7 1 2022-04-01 2022-03-28 CNY 1200.00 paid"] {
            #expect(text.contains(expected), "missing \(expected) in\n\(text.joined(separator: "\n"))")
        }
        #expect(text.contains { $0.hasPrefix("SALES/P1 1 new ") && $0.contains(" 孙丽 resident_id ") }, "\(text)")

        // Relationships, from either side, and filtered by type.
        let since = "2022-04-01T00:00:00Z"
        for code in [parent, kid] {
            let relationships = try await bench.clm("customer", "relationships", code)
            #expect(CLMBinary.words(relationships.stdout) == [
                "from relationship to evidence since",
                "\(parent) policyholder_of_insured \(kid) policy:SALES/POL-7 \(since)",
                "\(parent) parent_of \(kid) policy:SALES/POL-7 \(since)", "",
            ], "\(relationships.output)")
        }
        let parents = try Self.decode(ListRelationshipsResponse.self, try await bench.clm(
            "customer", "relationships", kid, "--type", "parent-of", "--json"))
        #expect(parents.relationships.map(\.type) == [.parentOf])

        // Resolve from flags: the parent links, its explanation is printed; the record is not stored.
        let resolved = try await bench.clm("resolve", "--name", "孙丽", "--id-number", parentID, "--birth-date",
                                           "19700202", "--phone", "133 0013 3001")
        try #require(resolved.status == 0, "\(resolved.output)")
        let lines = CLMBinary.words(resolved.stdout)
        #expect(lines.first == "outcome: link → customer \(parent)", "\(resolved.stdout)")
        #expect(lines.contains { $0.hasPrefix("1. customer \(parent) (best record ") && $0.hasSuffix(", link") },
                "\(resolved.stdout)")
        #expect(lines.contains { $0.hasPrefix("birth_date same-date ") && $0.hasSuffix(" 1970-02-02 1970-02-02") },
                "\(resolved.stdout)")
        let resolvedJSON = try Self.decode(ResolvePartyResponse.self, try await bench.clm(
            "resolve", "--name", "孙丽", "--id-number", parentID, "--birth-date", "1970-02-02", "--source", "SALES",
            "--key", "P1", "--json"))
        #expect(resolvedJSON.outcome == .link && resolvedJSON.customerCode == parent)
        #expect(resolvedJSON.candidates.first?.bestRecord == SourceRef(sourceSystem: "UW", sourceKey: "U1"),
                "SALES/P1 itself is left out of the candidates")
        #expect(resolvedJSON.normalisedQuery.birthDate == CalendarDate(year: 1970, month: 2, day: 2))
        #expect(try await S.crossReference(client: bench.client).count == 3, "resolve stores nothing")

        // Resolve from a JSON record, in the import's field names.
        let file = bench.folder + "/query.json"
        try Data(#"{"name": "孙小雨", "id_number": "\#(childID)", "dob": "2005年5月5日", "phones": ["13300133005"]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let fromFile = try Self.decode(ResolvePartyResponse.self,
                                       try await bench.clm("resolve", "--json-record", file, "--json"))
        #expect(fromFile.outcome == .link && fromFile.customerCode == kid)
        #expect(fromFile.candidates.first?.bestRecord == child.ref)

        // Bad input.
        let unknown = S.wellFormedCode()
        let noCustomer = try await bench.clm("customer", "360", unknown)
        #expect(noCustomer.status == 1 && noCustomer.stderr.contains("identity: NOT_FOUND: no customer \(unknown)"),
                "\(noCustomer.output)")
        let notACode = try await bench.clm("customer", "relationships", "nonsense")
        #expect(notACode.status == 1 && notACode.stderr.contains(
            "identity: INVALID_ARGUMENT: customer_code: 'nonsense' is not a customer code"), "\(notACode.output)")
        let badType = try await bench.clm("customer", "relationships", parent, "--type", "cousin")
        #expect(badType.status == 64 && badType.stderr.contains("--type cousin: one of household, spouse, parent_of"),
                "\(badType.output)")
        let misspelt = try await bench.clm("resolve", "--field", "nmae=孙丽")
        #expect(misspelt.status == 1 && misspelt.stderr.contains("nmae is not a party field (did you mean name?)"),
                "\(misspelt.output)")
        let nothing = try await bench.clm("resolve")
        #expect(nothing.status == 64 && nothing.stderr.contains("give the record to resolve"), "\(nothing.output)")
    }
}
