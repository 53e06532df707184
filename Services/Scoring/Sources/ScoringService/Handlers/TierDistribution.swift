import Models
import RPC
import ScoringAPI
import Store

/// GetTierDistribution: how the scored book spreads over the tiers and over the layers of the pyramid — customers,
/// potential customers, annualised premium, their shares and the average value score — optionally among the
/// holders of one product line.
///
/// The database does the counting: one GROUP BY over `score_card` by tier and layer (at most 5 × 4 groups, whatever
/// the size of the book), rolled up here into tiers and layers. Everything is read in one snapshot, so the counts,
/// the unscored customers and the active rule set agree with each other.
struct TierDistribution {
    let context: ScoringContext

    func register(in router: inout RPCRouter) {
        let roles = ScoringMethods.roles("GetTierDistribution")
        router.register(ScoringAPI.getTierDistribution, roles: roles) { request, _ in try await distribution(request) }
    }

    /// The distribution now. Every named tier (highest first) and layer (top first) is listed, with zeros when it
    /// has no customer; cards without a tier or layer (scored while no rule set was active) come last, as
    /// UNSPECIFIED, when there are any. Premium is in the book's currency.
    ///
    /// `unscored_customers` counts the customers with facts (a profile; merged codes have none) and no card yet,
    /// over the whole book even when a product line is asked for: the lines a customer holds in force are known
    /// only once the customer is scored.
    /// - Throws: `StoreError` from the database (INTERNAL); a product line the proto does not have is refused by
    ///   the codec before this runs (INVALID_ARGUMENT).
    func distribution(_ request: GetTierDistributionRequest) async throws -> GetTierDistributionResponse {
        var query = ListingQuery()
        if request.productLine != .unspecified {
            query.conditions.append("\(query.bind(.text(request.productLine.rawValue))) = ANY(product_lines)")
        }
        let sql = """
            SELECT tier, layer, count(*) AS customers, count(*) FILTER (WHERE potential) AS potential,
                   coalesce(sum(annualised_minor), 0)::bigint AS premium, coalesce(sum(value_score), 0) AS scores
            FROM score_card \(query.whereClause) GROUP BY tier, layer
            """
        let values = query.values
        let currency = context.settings.currency
        return try await context.pool.transaction(isolation: .repeatableRead) { connection in
            let groups = try connection.query(sql, values).map(Group.init(row:))
            let unscored = try connection.query(
                """
                SELECT count(*) FROM customer_profile p
                WHERE NOT EXISTS (SELECT 1 FROM score_card c WHERE c.customer_code = p.customer_code)
                """)[0].decode(Int64.self, at: 0)
            var response = Self.tally(groups, currency: currency)
            response.unscoredCustomers = unscored
            response.ruleSet = try RuleSetStore(connection: connection).activeRef() ?? RuleSetRef()
            response.computedAt = .now
            return response
        }
    }

    /// The cards of one tier and layer.
    struct Group: Sendable {
        var tier: CustomerTier
        var layer: PyramidLayer
        var customers: Int64
        var potential: Int64
        var premiumMinor: Int64
        /// The sum of their value scores.
        var scores: Double

        init(row: PostgresRow) throws {
            // A name this release does not know counts as no tier (layer) rather than failing the whole answer.
            tier = CustomerTier(rawValue: try row.decode(String.self, "tier")) ?? .unspecified
            layer = PyramidLayer(rawValue: try row.decode(String.self, "layer")) ?? .unspecified
            customers = try row.decode(Int64.self, "customers")
            potential = try row.decode(Int64.self, "potential")
            premiumMinor = try row.decode(Int64.self, "premium")
            scores = try row.decode(Double.self, "scores")
        }
    }

    /// Rolls the groups up into tiers and layers, with shares of all the customers and premium counted.
    static func tally(_ groups: [Group], currency: String) -> GetTierDistributionResponse {
        let customers = groups.reduce(0) { $0 + $1.customers }
        let premium = groups.reduce(0) { $0 + $1.premiumMinor }
        func share(_ part: Int64, of whole: Int64) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }

        let tiers = CustomerTier.allCases.reversed().compactMap { tier -> TierCount? in
            let members = groups.filter { $0.tier == tier }
            let count = members.reduce(0) { $0 + $1.customers }
            guard tier != .unspecified || count > 0 else { return nil }
            let amount = members.reduce(0) { $0 + $1.premiumMinor }
            return TierCount(
                tier: tier, customers: count, potentialCustomers: members.reduce(0) { $0 + $1.potential },
                annualisedPremium: money(amount), customerShare: share(count, of: customers),
                premiumShare: share(amount, of: premium),
                averageValueScore: count > 0 ? members.reduce(0) { $0 + $1.scores } / Double(count) : 0)
        }
        let layers = PyramidLayer.allCases.reversed().compactMap { layer -> LayerCount? in
            let members = groups.filter { $0.layer == layer }
            let count = members.reduce(0) { $0 + $1.customers }
            guard layer != .unspecified || count > 0 else { return nil }
            let amount = members.reduce(0) { $0 + $1.premiumMinor }
            return LayerCount(layer: layer, customers: count, annualisedPremium: money(amount),
                              customerShare: share(count, of: customers), premiumShare: share(amount, of: premium))
        }
        return GetTierDistributionResponse(tiers: tiers, pyramid: layers, scoredCustomers: customers)
    }
}
