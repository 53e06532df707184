import CLMTesting
import Models
import RPC
import ScoringAPI
import Testing

/// ListVipCustomers over the real clm-scoring and PostgreSQL, on cards written by hand (`CardFixture`).
///
/// | card | VIP since  | continuous tenure | tier     | premium (fen) |
/// |------|------------|-------------------|----------|---------------|
/// | 1    | 2020-03-01 | 120               | DIAMOND  | 5,000,000     |
/// | 2    | 2025-01-15 | 90                | STANDARD | 1,000,000     |
/// | 3    | 2024-01-10 | 90                | GOLD     | 2,000,000     |
/// | 4    | 2025-06-01 | 61                | BASIC    |   300,000     |
/// | 5    | 2023-05-20 | 75                | none     |   800,000     |
/// | 6    | not VIP    | 200               | GOLD     | 9,000,000     |
/// | 7    | not VIP    | 30                | BASIC    |   100,000     |
///
/// Longest tenure first, then by code: 1, 2, 3 (2 and 3 tie at 90 months), 5, 4.
@Suite(.serialized) struct VipListingTests {
    static func day(_ text: String) -> CalendarDate {
        let parts = text.split(separator: "-").compactMap { Int32($0) }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    static let book: [CardFixture] = [
        CardFixture(code: CardFixture.code(1), tier: .diamond, premiumMinor: 5_000_000, vipSince: day("2020-03-01"),
                    tenureMonths: 120),
        CardFixture(code: CardFixture.code(2), tier: .standard, premiumMinor: 1_000_000, vipSince: day("2025-01-15"),
                    tenureMonths: 90),
        CardFixture(code: CardFixture.code(3), tier: .gold, premiumMinor: 2_000_000, vipSince: day("2024-01-10"),
                    tenureMonths: 90),
        CardFixture(code: CardFixture.code(4), tier: .basic, premiumMinor: 300_000, vipSince: day("2025-06-01"),
                    tenureMonths: 61),
        CardFixture(code: CardFixture.code(5), premiumMinor: 800_000, vipSince: day("2023-05-20"), tenureMonths: 75),
        CardFixture(code: CardFixture.code(6), tier: .gold, premiumMinor: 9_000_000, tenureMonths: 200),
        CardFixture(code: CardFixture.code(7), tier: .basic, premiumMinor: 100_000, tenureMonths: 30),
    ]

    /// What the listing must say of card `n`.
    static func entry(_ n: Int) -> VipEntry {
        let card = book[n - 1]
        return VipEntry(customerCode: card.code, vipSince: card.vipSince, continuousTenureMonths: card.tenureMonths,
                        tier: card.tier, annualisedPremium: ScoringBook.cny(card.premiumMinor))
    }

    @Test func theVipListIsLongestTenureFirstPagedAndFilteredByEntry() async throws {
        let (suite, database) = try await ScoringSupport.start(prefix: "scoring_vip")
        defer { Task { await suite.stopAll() } }
        let scoring = suite.client(.scoring)
        func list(_ request: ListVipCustomersRequest) async throws -> ListVipCustomersResponse {
            try await scoring.call(ScoringAPI.listVipCustomers, request)
        }
        let none = try await list(ListVipCustomersRequest())
        #expect(none.customers.isEmpty && none.page.totalCount == 0 && none.page.nextPageToken.isEmpty)

        try await CardFixture.insert(Self.book, into: database)
        let all = try await list(ListVipCustomersRequest())
        #expect(all.customers == [1, 2, 3, 5, 4].map(Self.entry))
        #expect(all.page.totalCount == 5 && all.page.nextPageToken.isEmpty)

        // Two at a time; the second page starts inside the tie at 90 months.
        let first = try await list(ListVipCustomersRequest(page: PageRequest(pageSize: 2)))
        #expect(first.customers == [1, 2].map(Self.entry))
        #expect(first.page.totalCount == 5 && !first.page.nextPageToken.isEmpty)
        let second = try await list(ListVipCustomersRequest(
            page: PageRequest(pageSize: 2, pageToken: first.page.nextPageToken)))
        #expect(second.customers == [3, 5].map(Self.entry))
        #expect(second.page.totalCount == -1 && !second.page.nextPageToken.isEmpty)
        let third = try await list(ListVipCustomersRequest(
            page: PageRequest(pageSize: 2, pageToken: second.page.nextPageToken)))
        #expect(third.customers == [4].map(Self.entry))
        #expect(third.page.nextPageToken.isEmpty)

        // Entered on or after a day (inclusive), still longest tenure first.
        let since = try await list(ListVipCustomersRequest(enteredSince: Self.day("2025-01-15")))
        #expect(since.customers == [2, 4].map(Self.entry) && since.page.totalCount == 2)
        let later = try await list(ListVipCustomersRequest(enteredSince: Self.day("2025-01-16")))
        #expect(later.customers == [4].map(Self.entry) && later.page.totalCount == 1)
        let future = try await list(ListVipCustomersRequest(enteredSince: Self.day("2030-01-01")))
        #expect(future.customers.isEmpty && future.page.totalCount == 0)

        // A ListCustomers token is not this listing's.
        let customersPage = try await scoring.call(ScoringAPI.listCustomers,
                                                   ListCustomersRequest(page: PageRequest(pageSize: 1)))
        #expect(!customersPage.page.nextPageToken.isEmpty)
        let cases: [(ListVipCustomersRequest, String)] = [
            (ListVipCustomersRequest(page: PageRequest(pageSize: -1)), "page.page_size: must be between 0"),
            (ListVipCustomersRequest(page: PageRequest(pageSize: 1_001)), "page.page_size: must be between 0"),
            (ListVipCustomersRequest(page: PageRequest(pageToken: "not a token")),
             "page.page_token: not a token ListVipCustomers gave"),
            (ListVipCustomersRequest(page: PageRequest(pageToken: customersPage.page.nextPageToken)),
             "page.page_token: not a token ListVipCustomers gave"),
            (ListVipCustomersRequest(enteredSince: CalendarDate(year: 2025, month: 2, day: 30)),
             "entered_since: 2025-02-30 is not a calendar day"),
            (ListVipCustomersRequest(enteredSince: CalendarDate(year: 2025, month: 13, day: 1)),
             "entered_since: 2025-13-01 is not a calendar day"),
        ]
        for (request, message) in cases {
            let error = await ScoringSupport.failure { _ = try await list(request) }
            #expect(error?.status == .invalidArgument, "\(request)")
            #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message))")
        }
    }
}
