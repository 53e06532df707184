import Foundation
import Models
import RPC
import ScoringAPI
import Store

/// ListCustomers: scored customers filtered by tier, layer, risk grade, potential, VIP, product line and value
/// score, in the order asked for, a page at a time. Pages follow the order's key (value, then code), so customers
/// rescored between two pages are neither skipped nor shown twice unless their sort value moved.
struct CustomerListing {
    static let defaultPageSize: Int32 = 50
    static let maxPageSize: Int32 = 1_000

    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        router.register(ScoringAPI.listCustomers, roles: ScoringMethods.roles("ListCustomers")) { request, _ in
            try await list(request)
        }
    }

    /// - Throws: INVALID_ARGUMENT naming the field for a page size out of range, an UNSPECIFIED filter value, a
    ///   minimum value score outside 0–100, or a page token that is not this listing's.
    func list(_ request: ListCustomersRequest) async throws -> ListCustomersResponse {
        let order = request.order == .unspecified ? CustomerOrder.valueScoreDesc : request.order
        let size = try Self.pageSize(request.page.pageSize)
        let after = try CustomerPageToken.decode(request.page.pageToken, order: order)
        var query = try Self.filters(request)
        let sort = CustomerPageToken.sortColumn(order)
        let direction = order == .customerCode ? "ASC" : "DESC"
        let count = query
        if let after {
            let code = query.bind(.text(after.code))
            if let column = sort, let value = after.value {
                let bound = query.bind(.text(value))
                query.conditions.append("(\(column) < \(bound) OR (\(column) = \(bound) AND customer_code > \(code)))")
            } else {
                query.conditions.append("customer_code > \(code)")
            }
        }
        let limit = query.bind(.int(Int64(size) + 1))
        let ordering = (sort.map { ["\($0) \(direction)"] } ?? []) + ["customer_code ASC"]
        let sql = "SELECT customer_code, card, \(sort ?? "''")::text AS sort_value FROM score_card \(query.whereClause) "
            + "ORDER BY \(ordering.joined(separator: ", ")) LIMIT \(limit)"
        let firstPage = after == nil
        let values = query.values
        return try await context.pool.withConnection { connection in
            let rows = try connection.query(sql, values)
            var customers: [CustomerValue] = []
            var last: (value: String, code: String)?
            for row in rows.prefix(Int(size)) {
                customers.append(try ScoreCardStore.card(row).value)
                last = (try row.decode(String.self, "sort_value"), try row.decode(String.self, "customer_code"))
            }
            var next = ""
            if rows.count > Int(size), let last {
                next = CustomerPageToken.encode(order: order, value: sort == nil ? nil : last.value, code: last.code)
            }
            var total: Int64 = -1
            if firstPage {
                total = try connection.query("SELECT count(*) FROM score_card \(count.whereClause)", count.values)[0]
                    .decode(Int64.self, at: 0)
            }
            return ListCustomersResponse(customers: customers, page: PageResponse(nextPageToken: next, totalCount: total))
        }
    }

    static func pageSize(_ asked: Int32) throws(RPCError) -> Int32 {
        guard asked >= 0, asked <= maxPageSize else {
            throw .invalidArgument(field: "page.page_size",
                                   "must be between 0 (default \(defaultPageSize)) and \(maxPageSize), not \(asked)")
        }
        return asked == 0 ? defaultPageSize : asked
    }

    /// The request's filters as conditions on `score_card`.
    static func filters(_ request: ListCustomersRequest) throws(RPCError) -> ListingQuery {
        var query = ListingQuery()
        try query.any(of: request.tiers.map(\.rawValue), column: "tier", field: "tiers",
                      unspecified: CustomerTier.unspecified.rawValue)
        try query.any(of: request.layers.map(\.rawValue), column: "layer", field: "layers",
                      unspecified: PyramidLayer.unspecified.rawValue)
        try query.any(of: request.riskGrades.map(\.rawValue), column: "risk_grade", field: "risk_grades",
                      unspecified: RiskGrade.unspecified.rawValue)
        if let index = request.productLines.firstIndex(of: .unspecified) {
            throw .invalidArgument(field: "product_lines[\(index)]",
                                   "PRODUCT_LINE_UNSPECIFIED is not a product line; leave the list empty for any")
        }
        if !request.productLines.isEmpty {
            let lines = query.bind(PostgresValue.textArray(request.productLines.map(\.rawValue)))
            query.conditions.append("product_lines && \(lines)::text[]")
        }
        if let potential = request.potential { query.conditions.append("potential = \(query.bind(.bool(potential)))") }
        if let vip = request.vip { query.conditions.append("vip = \(query.bind(.bool(vip)))") }
        if let minimum = request.minValueScore {
            guard minimum.isFinite, (0...100).contains(minimum) else {
                throw .invalidArgument(field: "min_value_score", "must be a score from 0 to 100, not \(minimum)")
            }
            query.conditions.append("value_score >= \(query.bind(.double(minimum)))")
        }
        return query
    }
}

/// Conditions and their parameters, numbered as they are bound.
struct ListingQuery {
    var conditions: [String] = []
    var values: [PostgresValue] = []

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: PostgresValue) -> String {
        values.append(value)
        return "$\(values.count)"
    }

    /// `column` is one of `names`, unless the list is empty; INVALID_ARGUMENT for the unspecified value.
    mutating func any(of names: [String], column: String, field: String, unspecified: String) throws(RPCError) {
        if let index = names.firstIndex(of: unspecified) {
            throw .invalidArgument(field: "\(field)[\(index)]", "\(unspecified) cannot be asked for; leave the list empty for any")
        }
        guard !names.isEmpty else { return }
        conditions.append("\(column) = ANY(\(bind(PostgresValue.textArray(names)))::text[])")
    }

    var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
}
