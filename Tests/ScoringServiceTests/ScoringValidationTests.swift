import CLMTesting
import IdentityAPI
import Models
import RPC
import ScoringAPI
import Testing

/// Scoring's answers to bad and unknown customer codes and to listing requests out of range, and its card for a
/// customer with no business at all.
@Suite(.serialized) struct ScoringValidationTests {
    /// A well-formed code (check character right) that no installation is likely to have issued: C, ten characters
    /// of Crockford's base 32, and Σ (place × (value + 1)) mod 31 as the check character.
    static func wellFormedCode(_ values: [Int]) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var sum = 0
        for (index, value) in values.enumerated() { sum += (index + 1) * (value + 1) }
        return "C" + String(values.map { alphabet[$0] }) + String(alphabet[sum % 31])
    }

    @Test func badCodesAreInvalidUnknownOnesNotFound() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_codes")
        defer { Task { await suite.stopAll() } }
        let scoring = suite.client(.scoring)
        func get(_ code: String) async -> RPCError? {
            await ScoringSupport.failure {
                _ = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: code))
            }
        }

        for empty in ["", "   "] {
            let error = await get(empty)
            #expect(error?.status == .invalidArgument)
            #expect(error?.message.contains("customer_code: required") == true, "\(String(describing: error))")
        }
        // Too short; a letter Crockford's base 32 leaves out (U); a wrong check character (1·2+…+10·11 = 440,
        // 440 mod 31 = 6, so "7" is wrong).
        let digits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        #expect(Self.wellFormedCode(digits) == "C123456789A6")
        for malformed in ["C123", "X123456789A6", "C12345678UA6", "C123456789A7"] {
            let error = await get(malformed)
            #expect(error?.status == .invalidArgument, "\(malformed)")
            #expect(error?.message.contains("'\(malformed)' is not a customer code") == true, "\(String(describing: error))")
        }
        let unknown = await get("c123456789a6")
        #expect(unknown?.status == .notFound)
        // Canonical form in the answer: upper case.
        #expect(unknown?.message.contains("no customer C123456789A6 is known to scoring") == true,
                "\(String(describing: unknown))")
        let rescoreUnknown = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest(customerCode: "C123456789A6"))
        }
        #expect(rescoreUnknown?.status == .notFound)
        let rescoreEmpty = await ScoringSupport.failure {
            _ = try await scoring.call(ScoringAPI.rescoreCustomer, RescoreCustomerRequest())
        }
        #expect(rescoreEmpty?.status == .invalidArgument)
    }

    @Test func customersWithoutBusinessAreListedAPageAtATime() async throws {
        let (suite, _) = try await ScoringSupport.start(prefix: "scoring_list")
        defer { Task { await suite.stopAll() } }
        let identity = suite.client(.identity), scoring = suite.client(.scoring)
        // Three people with no policy yet (prospects).
        let parties = try await identity.call(IdentityAPI.ingestParties, IngestPartiesRequest(records: [
            ScoringBook.partyA, ScoringBook.partyB,
            PartyRecord(ref: SourceRef(sourceSystem: "WEB", sourceKey: "L7"), sourceVersion: 1,
                        details: PartyDetails(kind: .individual, fullName: "赵敏", phones: ["13700001111"])),
        ]))
        let codes = parties.results.map(\.customerCode).sorted()
        #expect(Set(codes).count == 3)

        // No policies: nothing held, no premium, no tenure; no renewal due and no premium earned, so neither rate.
        let card = try #require(try await ScoringSupport.card(codes[0].lowercased(), scoring) { _ in true })
        #expect(card.value.customerCode == codes[0])
        #expect(card.value.annualisedPremium == ScoringBook.cny(0) && card.metrics.policyCount == 0)
        #expect(card.metrics.tenureMonths == 0 && card.metrics.firstPolicyDate == nil)
        #expect(card.metrics.renewalRate == nil && card.metrics.claimsRatio == nil)
        #expect(card.risk.claimCount == 0 && !card.loyalty.vip)
        for code in codes { _ = try #require(try await ScoringSupport.card(code, scoring) { _ in true }) }

        let first = try await scoring.call(ScoringAPI.listCustomers, ListCustomersRequest(
            page: PageRequest(pageSize: 2), order: .customerCode))
        #expect(first.customers.map(\.customerCode) == Array(codes.prefix(2)))
        #expect(first.page.totalCount == 3 && !first.page.nextPageToken.isEmpty)
        let second = try await scoring.call(ScoringAPI.listCustomers, ListCustomersRequest(
            page: PageRequest(pageSize: 2, pageToken: first.page.nextPageToken), order: .customerCode))
        #expect(second.customers.map(\.customerCode) == [codes[2]])
        #expect(second.page.nextPageToken.isEmpty && second.page.totalCount == -1)
        // All score 0, so value-score order falls back on the code; the token carries the score.
        let byScore = try await scoring.call(ScoringAPI.listCustomers, ListCustomersRequest(page: PageRequest(pageSize: 1)))
        let nextByScore = try await scoring.call(ScoringAPI.listCustomers, ListCustomersRequest(
            page: PageRequest(pageSize: 5, pageToken: byScore.page.nextPageToken)))
        #expect((byScore.customers + nextByScore.customers).map(\.customerCode) == codes)
        #expect(try await scoring.call(ScoringAPI.listCustomers, ListCustomersRequest(vip: true)).customers.isEmpty)
        #expect(try await scoring.call(ScoringAPI.listCustomers,
                                       ListCustomersRequest(productLines: [.life])).customers.isEmpty)
        #expect(try await scoring.call(ScoringAPI.listCustomers,
                                       ListCustomersRequest(riskGrades: [.e])).customers.isEmpty)

        func listing(_ request: ListCustomersRequest) async -> RPCError? {
            await ScoringSupport.failure { _ = try await scoring.call(ScoringAPI.listCustomers, request) }
        }
        let cases: [(ListCustomersRequest, String)] = [
            (ListCustomersRequest(page: PageRequest(pageSize: -1)), "page.page_size: must be between 0"),
            (ListCustomersRequest(page: PageRequest(pageSize: 1_001)), "page.page_size: must be between 0"),
            (ListCustomersRequest(tiers: [.gold, .unspecified]), "tiers[1]: CUSTOMER_TIER_UNSPECIFIED cannot be asked for"),
            (ListCustomersRequest(productLines: [.unspecified]), "product_lines[0]: PRODUCT_LINE_UNSPECIFIED"),
            (ListCustomersRequest(minValueScore: 101), "min_value_score: must be a score from 0 to 100"),
            (ListCustomersRequest(page: PageRequest(pageToken: "not a token")), "page.page_token: not a token"),
            (ListCustomersRequest(page: PageRequest(pageToken: first.page.nextPageToken), order: .clvDesc),
             "page.page_token: the token continues a listing in CUSTOMER_ORDER_CUSTOMER_CODE order"),
        ]
        for (request, message) in cases {
            let error = await listing(request)
            #expect(error?.status == .invalidArgument, "\(request)")
            #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message))")
        }
    }

    @Test func anUnusableSettingStopsTheServiceNamingIt() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.scoring], prefix: "scoring_config")
        do {
            // 30 February is no day.
            let suite = try await ServiceProcesses.start([.scoring], database: database,
                                                         environment: ["CLM_SCORING_AS_OF": "2025-02-30"],
                                                         timeout: .seconds(20))
            await suite.stopAll()
            Issue.record("clm-scoring started with CLM_SCORING_AS_OF=2025-02-30")
        } catch {
            #expect("\(error)".contains("setting CLM_SCORING_AS_OF: '2025-02-30' is not a day as YYYY-MM-DD"),
                    "\(error)")
        }
    }

    @Test func rescoreWorkersMustLeaveAConnectionForTheRest() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.scoring], prefix: "scoring_workers")
        do {
            let suite = try await ServiceProcesses.start(
                [.scoring], database: database,
                environment: ["CLM_SCORING_RESCORE_WORKERS": "3", "CLM_DB_POOL_SIZE": "4"], timeout: .seconds(20))
            await suite.stopAll()
            Issue.record("clm-scoring started with 3 rescore workers and the book's reader on a pool of 4")
        } catch {
            #expect("\(error)".contains(
                "setting CLM_SCORING_RESCORE_WORKERS: 3 workers and the book's reader leave no connection of the 4"),
                    "\(error)")
        }
    }
}
