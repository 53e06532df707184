import Foundation
import RPC
import ScoringAPI

/// ListCustomers' page tokens: the order they were made for, and the last customer shown (its sort value as the
/// database wrote it, and its code). Opaque to callers (base64).
enum CustomerPageToken {
    /// Where the next page starts.
    struct Position: Sendable {
        /// The sort column's value as text; nil when ordered by code alone.
        var value: String?
        var code: String
    }

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
        let fields = ["c1", order.rawValue, value ?? "", code]
        return Data(fields.joined(separator: "\n").utf8).base64EncodedString()
    }

    /// The position `token` names; nil for the first page.
    /// - Throws: INVALID_ARGUMENT when the token is not one this listing gave, or was given for another order.
    static func decode(_ token: String, order: CustomerOrder) throws(RPCError) -> Position? {
        guard !token.isEmpty else { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw .invalidArgument(field: "page.page_token", "not a token ListCustomers gave; start from the first page")
        }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, fields[0] == "c1", !fields[3].isEmpty else {
            throw .invalidArgument(field: "page.page_token", "not a token ListCustomers gave; start from the first page")
        }
        guard fields[1] == order.rawValue else {
            throw .invalidArgument(field: "page.page_token",
                                   "the token continues a listing in \(fields[1]) order, not \(order.rawValue); "
                                       + "ask again from the first page")
        }
        let sorted = sortColumn(order) != nil
        guard sorted != fields[2].isEmpty else {
            throw .invalidArgument(field: "page.page_token", "not a token ListCustomers gave; start from the first page")
        }
        return Position(value: sorted ? fields[2] : nil, code: fields[3])
    }
}
