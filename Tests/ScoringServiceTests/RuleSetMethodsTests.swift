import CLMTesting
import Foundation
import Models
import RPC
import ScoringAPI
import Testing
import WireCodec

/// Scoring's rule-set methods over a real socket and PostgreSQL: the templates, drafts saved as numbered versions,
/// reading them back (a version, the latest, the active one), listing them newest first a page at a time,
/// validating stored and inline rule sets, and the status and message of each bad input.
@Suite(.serialized) struct RuleSetMethodsTests {
    static let tierRuleIDs = ["diamond-by-score", "gold-by-score", "standard-by-score", "basic-by-score"]

    /// The scoring service of a fresh suite, and a way to stop it.
    struct Bench {
        let suite: ServiceProcesses
        let scoring: RPCClient

        static func start(_ prefix: String) async throws -> Bench {
            let (suite, _) = try await ScoringSupport.start(prefix: prefix)
            return Bench(suite: suite, scoring: suite.client(.scoring))
        }

        func template(_ line: ProductLine) async throws -> RuleSet {
            try await scoring.call(ScoringAPI.getRuleSetTemplate, GetRuleSetTemplateRequest(productLine: line)).ruleSet
        }

        /// Saves `ruleSet` under `id` as ops-1 (or `operatorID`).
        func save(_ ruleSet: RuleSet, id: String, comment: String = "", operatorID: String = "ops-1")
            async throws -> SaveRuleSetResponse {
            var named = ruleSet
            named.ruleSetId = id
            return try await scoring.call(ScoringAPI.saveRuleSet,
                                          SaveRuleSetRequest(ruleSet: named, operatorId: operatorID, comment: comment))
        }

        func get(_ id: String, _ version: Int32 = 0) async throws -> RuleSet {
            try await scoring.call(ScoringAPI.getRuleSet,
                                   GetRuleSetRequest(ref: RuleSetRef(ruleSetId: id, version: version))).ruleSet
        }

        func list(id: String = "", status: RuleSetStatus = .unspecified, size: Int32 = 0, token: String = "")
            async throws -> ListRuleSetsResponse {
            try await scoring.call(ScoringAPI.listRuleSets, ListRuleSetsRequest(
                page: PageRequest(pageSize: size, pageToken: token), ruleSetId: id, status: status))
        }

        func validate(_ request: ValidateRuleSetRequest) async throws -> ValidateRuleSetResponse {
            try await scoring.call(ScoringAPI.validateRuleSet, request)
        }

        func stop() { Task { await suite.stopAll() } }
    }

    /// "id@version" of each listed version, in the order listed.
    static func refs(_ answer: ListRuleSetsResponse) -> [String] {
        answer.ruleSets.map { "\($0.ruleSetId)@\($0.version)" }
    }

    /// The life template with gold starting at 55 instead of 60: gold (55 to under 80) and standard (35 to under 60)
    /// both hold from 55 to under 60.
    static func overlapping(_ life: RuleSet) -> RuleSet {
        var ruleSet = life
        ruleSet.tierRules[1].conditions[0].threshold = Threshold(number: 55)
        return ruleSet
    }

    /// The one problem of ``overlapping(_:)``: the lowest point both rules hold at is 55.
    static let overlapProblem = RuleProblem(
        kind: .overlap, severity: .error,
        message: "Tier rules gold-by-score (GOLD) and standard-by-score (STANDARD) both hold where value_score=55: "
            + "every customer must get exactly one tier; tighten one of them so they no longer meet.",
        ruleIds: ["gold-by-score", "standard-by-score"], example: "value_score=55")

    @Test func eachLineWithATemplateGetsAValidOneOthersNotFound() async throws {
        let bench = try await Bench.start("rules_templates")
        defer { bench.stop() }
        let expected: [(ProductLine, String, diamondFrom: Double)] = [
            (.life, "Life (寿险) template: long-term value, tenure and cross-holding", 80),
            (.health, "Health (健康险) template: renewal, claims experience and service use", 80),
            (.auto, "Auto (车险) template: renewal and claims experience", 75),
            (.property, "Property (财产险) template: premium, renewal and claims experience", 75),
        ]
        for (line, description, diamondFrom) in expected {
            let template = try await bench.template(line)
            #expect(template.description == description)
            #expect(template.fromTemplate == line && template.ruleSetId == "" && template.version == 0)
            #expect(template.tierRules.map(\.ruleId) == Self.tierRuleIDs)
            #expect(template.tierRules[0].conditions == [
                Condition(metric: .valueScore, comparison: .atLeast, threshold: Threshold(number: diamondFrom))])
            #expect(template.layerRules.map(\.ruleId) == ["top-by-premium", "middle-by-premium", "base-by-premium"])
            let checked = try await bench.validate(ValidateRuleSetRequest(ruleSet: template))
            #expect(checked.valid && checked.problems == [], "\(line): \(checked.problems)")
        }
        for line in [ProductLine.accident, .annuity, .liability, .travel, .other] {
            let error = await ScoringSupport.failure { _ = try await bench.template(line) }
            #expect(error?.status == .notFound, "\(line)")
            #expect(error?.message == "there is no template for \(line.rawValue): templates exist for LIFE, HEALTH, "
                + "AUTO or PROPERTY; start from the nearest of them")
        }
        let unset = await ScoringSupport.failure { _ = try await bench.template(.unspecified) }
        #expect(unset?.status == .invalidArgument)
        #expect(unset?.message == "product_line: required: LIFE, HEALTH, AUTO or PROPERTY")
    }

    @Test func savesBecomeVersionsReadBackByVersionLatestOrActive() async throws {
        let bench = try await Bench.start("rules_versions")
        defer { bench.stop() }
        let life = try await bench.template(.life)

        let first = try await bench.save(life, id: "book-2025", comment: "first cut")
        #expect(first.problems == [])
        #expect(first.ruleSet.ruleSetId == "book-2025" && first.ruleSet.version == 1 && first.ruleSet.status == .draft)
        #expect(first.ruleSet.createdBy == "ops-1" && first.ruleSet.comment == "first cut")
        #expect(first.ruleSet.createdAt != nil && first.ruleSet.activatedAt == nil && first.ruleSet.activatedBy == "")
        #expect(first.ruleSet.tierRules == life.tierRules && first.ruleSet.clv == life.clv)

        // The version, status and stamps sent are ignored; the id is taken without surrounding spaces.
        var second = life
        second.description = "book 2025, second cut"
        second.version = 9
        second.status = .active
        second.activatedBy = "someone"
        let saved = try await bench.save(second, id: " book-2025 ", comment: "  narrower gold  ", operatorID: "ops-2")
        #expect(saved.ruleSet.ruleSetId == "book-2025" && saved.ruleSet.version == 2 && saved.ruleSet.status == .draft)
        #expect(saved.ruleSet.createdBy == "ops-2" && saved.ruleSet.comment == "narrower gold")
        #expect(saved.ruleSet.activatedBy == "" && saved.ruleSet.description == "book 2025, second cut")
        let firstAt = try #require(first.ruleSet.createdAt), secondAt = try #require(saved.ruleSet.createdAt)
        #expect(secondAt > firstAt)

        #expect(try await bench.get("book-2025") == saved.ruleSet)
        #expect(try await bench.get("book-2025", 2) == saved.ruleSet)
        #expect(try await bench.get("book-2025", 1) == first.ruleSet)

        let missingVersion = await ScoringSupport.failure { _ = try await bench.get("book-2025", 3) }
        #expect(missingVersion?.status == .notFound)
        #expect(missingVersion?.message == "rule set book-2025 has versions 1 to 2, not version 3; ask for one of "
            + "those, or version 0 for the latest")
        let unknown = await ScoringSupport.failure { _ = try await bench.get("book-2024") }
        #expect(unknown?.status == .notFound)
        #expect(unknown?.message == "no rule set book-2024 is stored: ListRuleSets shows the ids there are, and "
            + "SaveRuleSet saves version 1 of a new one")
        // Nothing has been activated: the active rule set (an empty ref) is not found.
        let active = await ScoringSupport.failure { _ = try await bench.get("") }
        #expect(active?.status == .notFound)
        #expect(active?.message.hasPrefix("no rule set is active yet") == true, "\(String(describing: active))")
    }

    @Test func theActiveVersionIsReadAndListedByItsStatus() async throws {
        let bench = try await Bench.start("rules_active")
        defer { bench.stop() }
        let life = try await bench.template(.life)
        let first = try await bench.save(life, id: "book-2025", comment: "one").ruleSet
        _ = try await bench.save(life, id: "book-2025", comment: "two")

        func activate(_ version: Int32) async throws -> RuleSet {
            try await bench.scoring.call(ScoringAPI.activateRuleSet, ActivateRuleSetRequest(
                ref: RuleSetRef(ruleSetId: "book-2025", version: version), operatorId: "ops-3", reason: "test",
                deferRescore: true)).ruleSet
        }
        let activated = try await activate(1)
        #expect(activated.status == .active && activated.activatedBy == "ops-3" && activated.activatedAt != nil)
        // An empty ref reads the active version, as activation stamped it.
        #expect(try await bench.get("") == activated)
        #expect(try await bench.get("book-2025", 1) == activated)
        var unchanged = activated
        unchanged.status = .draft
        unchanged.activatedBy = ""
        unchanged.activatedAt = nil
        #expect(unchanged == first, "activation changes the status and stamps only")
        let active = try await bench.list(status: .active)
        #expect(Self.refs(active) == ["book-2025@1"] && active.page.totalCount == 1)
        #expect(active.ruleSets.first?.activatedBy == "ops-3" && active.ruleSets.first?.activatedAt != nil)

        // Activating version 2 retires version 1; listings follow the status.
        _ = try await activate(2)
        #expect(try await bench.get("").version == 2)
        let statuses = try await bench.list().ruleSets.map { "\($0.version) \($0.status.rawValue)" }
        #expect(statuses == ["2 RULE_SET_STATUS_ACTIVE", "1 RULE_SET_STATUS_RETIRED"])
        let retired = try await bench.list(status: .retired)
        #expect(Self.refs(retired) == ["book-2025@1"] && retired.ruleSets.first?.retiredAt != nil)
        #expect(try await bench.list(status: .draft).ruleSets == [])
    }

    @Test func listingIsNewestFirstPagedFilteredAndWithoutRules() async throws {
        let bench = try await Bench.start("rules_listing")
        defer { bench.stop() }
        let life = try await bench.template(.life), auto = try await bench.template(.auto)
        _ = try await bench.save(life, id: "book-2025", comment: "one")
        _ = try await bench.save(auto, id: "motor", comment: "motor one", operatorID: "ops-2")
        _ = try await bench.save(life, id: "book-2025", comment: "two")

        let all = try await bench.list()
        #expect(Self.refs(all) == ["book-2025@2", "motor@1", "book-2025@1"])
        #expect(all.page == PageResponse(nextPageToken: "", totalCount: 3))
        #expect(all.ruleSets.map(\.comment) == ["two", "motor one", "one"])
        #expect(all.ruleSets.map(\.createdBy) == ["ops-1", "ops-2", "ops-1"])
        #expect(all.ruleSets.map(\.status) == [.draft, .draft, .draft])
        #expect(all.ruleSets[1].description == "Auto (车险) template: renewal and claims experience")
        #expect(all.ruleSets[1].fromTemplate == .auto && all.ruleSets.allSatisfy { $0.createdAt != nil })
        // Summaries: the rules are left out.
        for summary in all.ruleSets {
            #expect(summary.tierRules == [] && summary.valueComponents == [] && summary.layerRules == []
                && summary.potentialRules == [] && summary.riskComponents == [] && summary.riskGrades == []
                && summary.loyaltyComponents == [] && summary.clv == ClvAssumptions() && summary.lookbackMonths == 0)
        }

        let first = try await bench.list(size: 2)
        #expect(Self.refs(first) == ["book-2025@2", "motor@1"])
        #expect(first.page.totalCount == 3 && !first.page.nextPageToken.isEmpty)
        let second = try await bench.list(size: 2, token: first.page.nextPageToken)
        #expect(Self.refs(second) == ["book-2025@1"])
        // Counted on the first page only.
        #expect(second.page == PageResponse(nextPageToken: "", totalCount: -1))

        let book = try await bench.list(id: "book-2025", size: 1)
        #expect(Self.refs(book) == ["book-2025@2"] && book.page.totalCount == 2)
        let bookRest = try await bench.list(id: "book-2025", size: 1, token: book.page.nextPageToken)
        #expect(Self.refs(bookRest) == ["book-2025@1"] && bookRest.page.nextPageToken == "")
        #expect(Self.refs(try await bench.list(status: .draft)) == ["book-2025@2", "motor@1", "book-2025@1"])
        let active = try await bench.list(status: .active)
        #expect(active.ruleSets == [] && active.page.totalCount == 0)
        #expect(try await bench.list(id: "nothing-here").page.totalCount == 0)

        // A token belongs to its filters; a made-up one is refused; sizes out of range and bad ids are named.
        let otherFilters = await ScoringSupport.failure {
            _ = try await bench.list(size: 1, token: book.page.nextPageToken)
        }
        #expect(otherFilters?.status == .invalidArgument)
        #expect(otherFilters?.message == "page.page_token: the token continues a listing with other filters "
            + "(rule_set_id 'book-2025', status RULE_SET_STATUS_UNSPECIFIED); ask with the same filters, or again "
            + "from the first page")
        for token in ["bm90IGEgdG9rZW4=", "%%%", Data("r1\n\nRULE_SET_STATUS_UNSPECIFIED\nx\nbook-2025\n1".utf8)
            .base64EncodedString()] {
            let error = await ScoringSupport.failure { _ = try await bench.list(token: token) }
            #expect(error?.status == .invalidArgument, "\(token)")
            #expect(error?.message == "page.page_token: not a token ListRuleSets gave; start from the first page")
        }
        for size: Int32 in [-1, 1_001] {
            let error = await ScoringSupport.failure { _ = try await bench.list(size: size) }
            #expect(error?.status == .invalidArgument)
            #expect(error?.violations.map(\.field) == ["page.page_size"], "\(String(describing: error))")
        }
        let badID = await ScoringSupport.failure { _ = try await bench.list(id: "Book-2025") }
        #expect(badID?.status == .invalidArgument)
        #expect(badID?.message == "rule_set_id: 'Book-2025' is not a rule set id: 1–64 lower-case letters, digits, "
            + "'-' or '_', starting with a letter, e.g. book-2025 (did you mean 'book-2025'?)")
    }

    @Test func validationFindsConflictsInStoredAndInlineRuleSets() async throws {
        let bench = try await Bench.start("rules_validate")
        defer { bench.stop() }
        let life = try await bench.template(.life)
        _ = try await bench.save(life, id: "book-2025")

        for version: Int32 in [1, 0] {
            let stored = try await bench.validate(ValidateRuleSetRequest(stored: RuleSetRef(ruleSetId: "book-2025",
                                                                                           version: version)))
            #expect(stored == ValidateRuleSetResponse(valid: true, problems: []))
        }

        // An overlap: not valid, yet it may be saved as a draft, which then validates the same.
        let overlapping = Self.overlapping(life)
        #expect(try await bench.validate(ValidateRuleSetRequest(ruleSet: overlapping))
            == ValidateRuleSetResponse(valid: false, problems: [Self.overlapProblem]))
        let draft = try await bench.save(overlapping, id: "book-2025", comment: "gold from 55")
        #expect(draft.ruleSet.version == 2 && draft.problems == [Self.overlapProblem])
        #expect(try await bench.validate(ValidateRuleSetRequest(stored: RuleSetRef(ruleSetId: "book-2025")))
            == ValidateRuleSetResponse(valid: false, problems: [Self.overlapProblem]))

        // No diamond rule and gold open upwards: a warning only, so still valid.
        var noDiamond = life
        noDiamond.tierRules.removeFirst()
        noDiamond.tierRules[0].conditions.removeLast()
        #expect(try await bench.validate(ValidateRuleSetRequest(ruleSet: noDiamond)) == ValidateRuleSetResponse(
            valid: true, problems: [RuleProblem(
                kind: .unreachableTier, severity: .warning,
                message: "No tier rule gives DIAMOND: no customer can reach it; add a rule if the tier is meant to be "
                    + "used.")]))

        let none = await ScoringSupport.failure { _ = try await bench.validate(ValidateRuleSetRequest()) }
        #expect(none?.status == .invalidArgument)
        #expect(none?.violations.map(\.field) == ["candidate"], "\(String(describing: none))")
        let unknown = await ScoringSupport.failure {
            _ = try await bench.validate(ValidateRuleSetRequest(stored: RuleSetRef(ruleSetId: "book-2025", version: 7)))
        }
        #expect(unknown?.status == .notFound)
        #expect(unknown?.message.hasPrefix("rule set book-2025 has versions 1 to 2, not version 7") == true)
        let noActive = await ScoringSupport.failure {
            _ = try await bench.validate(ValidateRuleSetRequest(stored: RuleSetRef()))
        }
        #expect(noActive?.status == .notFound)
        #expect(noActive?.message.hasPrefix("no rule set is active yet") == true)
        let malformed = await ScoringSupport.failure {
            _ = try await bench.validate(ValidateRuleSetRequest(stored: RuleSetRef(ruleSetId: "book 2025")))
        }
        #expect(malformed?.status == .invalidArgument)
        #expect(malformed?.violations.map(\.field) == ["stored.rule_set_id"], "\(String(describing: malformed))")
    }

    @Test func badSavesAndRefsAreRefusedNamingTheField() async throws {
        let bench = try await Bench.start("rules_bad_input")
        defer { bench.stop() }
        let life = try await bench.template(.life)

        let longID = "a" + String(repeating: "b", count: 64)
        let ids: [(id: String, message: String)] = [
            ("", "required: a rule set id such as book-2025"),
            ("   ", "required: a rule set id such as book-2025"),
            ("Book 2025", "'Book 2025' is not a rule set id: 1–64 lower-case letters, digits, '-' or '_', starting "
                + "with a letter, e.g. book-2025 (did you mean 'book-2025'?)"),
            ("2025-book", "'2025-book' is not a rule set id: 1–64 lower-case letters, digits, '-' or '_', starting "
                + "with a letter, e.g. book-2025"),
            ("book@2", "'book@2' is not a rule set id: 1–64 lower-case letters, digits, '-' or '_', starting with a "
                + "letter, e.g. book-2025"),
            ("book.json", "'book.json' is not a rule set id: 1–64 lower-case letters, digits, '-' or '_', starting "
                + "with a letter, e.g. book-2025"),
            (longID, "'\(longID)' is not a rule set id: 1–64 lower-case letters, digits, '-' or '_', starting with a "
                + "letter, e.g. book-2025"),
        ]
        for (id, message) in ids {
            let error = await ScoringSupport.failure { _ = try await bench.save(life, id: id) }
            #expect(error?.status == .invalidArgument, "\(id)")
            #expect(error?.violations == [FieldViolation(field: "rule_set.rule_set_id", description: message)],
                    "\(String(describing: error))")
        }
        for operatorID in ["", " \n"] {
            let error = await ScoringSupport.failure { _ = try await bench.save(life, id: "book", operatorID: operatorID) }
            #expect(error?.status == .invalidArgument)
            #expect(error?.message == "operator_id: required: the person saving the rule set")
        }
        // Nothing was saved by the refused calls.
        #expect(try await bench.list().page.totalCount == 0)

        let refs: [(RuleSetRef, field: String)] = [
            (RuleSetRef(ruleSetId: "book", version: -1), "ref.version"),
            (RuleSetRef(ruleSetId: "", version: 3), "ref.version"),
            (RuleSetRef(ruleSetId: "BOOK"), "ref.rule_set_id"),
        ]
        for (ref, field) in refs {
            let error = await ScoringSupport.failure {
                _ = try await bench.scoring.call(ScoringAPI.getRuleSet, GetRuleSetRequest(ref: ref))
            }
            #expect(error?.status == .invalidArgument, "\(ref)")
            #expect(error?.violations.map(\.field) == [field], "\(String(describing: error))")
        }
    }
}
