import Models
import RPC
import ScoringAPI
import ScoringModel
import Store

/// ListVipCustomers: the customers on the VIP list (continuous tenure of five years or more), longest continuous
/// tenure first, then by code, optionally only those who entered it on or after a day; a page at a time.
///
/// Read from the `score_card` columns alone (`score_card_vip` serves the order), so no card is decoded. Pages follow
/// the order's key (tenure, then code), as ListCustomers' do.
struct VipListing {
    /// Tokens tagged "v1"; the one order is continuous tenure, longest first.
    static let token = ListingPageToken(tag: "v1", method: "ListVipCustomers")
    static let order = "CONTINUOUS_TENURE_DESC"

    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.listVipCustomers, roles: ScoringMethods.roles("ListVipCustomers")) { request, _ in
            try await list(request)
        }
    }

    /// - Throws: INVALID_ARGUMENT naming the field for a page size out of range (ListCustomers' limits), an
    ///   `entered_since` that is not a calendar day, or a page token that is not this listing's.
    func list(_ request: ListVipCustomersRequest) async throws -> ListVipCustomersResponse {
        let size = try CustomerListing.pageSize(request.page.pageSize)
        let after = try Self.position(request.page.pageToken)
        var query = ListingQuery()
        query.conditions.append("vip")
        if let since = request.enteredSince {
            // A day past its month's end comes back from the round trip as another date.
            guard (1...9999).contains(since.year), (1...12).contains(since.month), since.day >= 1,
                CalendarDate(daysSince1970: since.daysSince1970) == since
            else {
                throw RPCError.invalidArgument(field: "entered_since", "\(since) is not a calendar day")
            }
            query.conditions.append("vip_since >= \(query.bind(SQLValues.date(since)))")
        }
        let count = query
        if let after {
            let (months, code) = (query.bind(.int(Int64(after.months))), query.bind(.text(after.code)))
            query.conditions.append("(continuous_tenure_months < \(months) "
                + "OR (continuous_tenure_months = \(months) AND customer_code > \(code)))")
        }
        let limit = query.bind(.int(Int64(size) + 1))
        let sql = """
            SELECT customer_code, vip_since, continuous_tenure_months, tier, annualised_minor FROM score_card
            \(query.whereClause) ORDER BY continuous_tenure_months DESC, customer_code ASC LIMIT \(limit)
            """
        let (values, firstPage, currency) = (query.values, after == nil, context.settings.currency)
        return try await context.pool.withConnection { connection in
            let rows = try connection.query(sql, values)
            let entries = try rows.prefix(Int(size)).map { row in
                VipEntry(customerCode: try row.decode(String.self, "customer_code"),
                         vipSince: try SQLValues.day(row, "vip_since"),
                         continuousTenureMonths: try row.decode(Int32.self, "continuous_tenure_months"),
                         tier: CustomerTier(rawValue: try row.decode(String.self, "tier")) ?? .unspecified,
                         annualisedPremium: Money(minorUnits: try row.decode(Int64.self, "annualised_minor"),
                                                  currency: currency))
            }
            var next = ""
            if rows.count > Int(size), let last = entries.last {
                next = Self.token.encode(order: Self.order, value: String(last.continuousTenureMonths),
                                         code: last.customerCode)
            }
            var total: Int64 = -1
            if firstPage {
                total = try connection.query("SELECT count(*) FROM score_card \(count.whereClause)", count.values)[0]
                    .decode(Int64.self, at: 0)
            }
            return ListVipCustomersResponse(customers: entries, page: PageResponse(nextPageToken: next,
                                                                                   totalCount: total))
        }
    }

    /// The tenure and code the page token continues after; nil for the first page.
    /// - Throws: INVALID_ARGUMENT when the token is not one this listing gave.
    static func position(_ text: String) throws(RPCError) -> (months: Int32, code: String)? {
        guard let position = try token.decode(text, order: order, sorted: true) else { return nil }
        guard let months = position.value.flatMap({ Int32($0) }) else { throw token.foreign }
        return (months, position.code)
    }
}
