import RPC
import ScoringAPI

/// ListCustomers' page tokens (`ListingPageToken` tagged "c1"): the order they were made for, and the last customer
/// shown (its sort value as the database wrote it, and its code).
enum CustomerPageToken {
    typealias Position = ListingPageToken.Position

    static let format = ListingPageToken(tag: "c1", method: "ListCustomers")

    /// The `score_card` column an order sorts by (highest first), before the code; nil for code order.
    static func sortColumn(_ order: CustomerOrder) -> String? {
        switch order {
        case .unspecified, .valueScoreDesc: "value_score"
        case .clvDesc: "clv_minor"
        case .annualisedPremiumDesc: "annualised_minor"
        case .riskScoreDesc: "risk_score"
        case .customerCode: nil
        }
    }

    static func encode(order: CustomerOrder, value: String?, code: String) -> String {
        format.encode(order: order.rawValue, value: value, code: code)
    }

    /// The position `token` names; nil for the first page.
    /// - Throws: INVALID_ARGUMENT when the token is not one this listing gave, or was given for another order.
    static func decode(_ token: String, order: CustomerOrder) throws(RPCError) -> Position? {
        try format.decode(token, order: order.rawValue, sorted: sortColumn(order) != nil)
    }
}
