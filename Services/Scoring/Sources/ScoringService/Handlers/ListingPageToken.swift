import Foundation
import RPC

/// The page tokens of scoring's keyset listings: which listing and order a token was made for, and the last item
/// shown (its sort value as the database wrote it, and its customer code). Opaque to callers (base64).
///
/// Each listing has its own tag, so a token one listing gave is refused by another rather than read as a position
/// in the wrong order.
struct ListingPageToken: Sendable {
    /// Where the next page starts.
    struct Position: Sendable {
        /// The sort column's value as text; nil when ordered by code alone.
        var value: String?
        var code: String
    }

    /// Starts every token of the listing, with its format's version ("c1" for ListCustomers).
    let tag: String
    /// The method that gives the tokens, for messages.
    let method: String

    /// The token that continues after `code` (and `value`, its sort value) in `order`.
    func encode(order: String, value: String?, code: String) -> String {
        Data([tag, order, value ?? "", code].joined(separator: "\n").utf8).base64EncodedString()
    }

    /// The position `token` names; nil for the first page (an empty token).
    /// - Parameters:
    ///   - order: the order asked for now; the token must have been made for it.
    ///   - sorted: whether that order sorts by a value before the code (the token then carries one).
    /// - Throws: INVALID_ARGUMENT on `page.page_token` when the token is not one this listing gave, or was given
    ///   for another order.
    func decode(_ token: String, order: String, sorted: Bool) throws(RPCError) -> Position? {
        guard !token.isEmpty else { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw foreign
        }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, fields[0] == tag, !fields[3].isEmpty else { throw foreign }
        guard fields[1] == order else {
            throw .invalidArgument(field: "page.page_token",
                                   "the token continues a listing in \(fields[1]) order, not \(order); "
                                       + "ask again from the first page")
        }
        guard sorted != fields[2].isEmpty else { throw foreign }
        return Position(value: sorted ? fields[2] : nil, code: fields[3])
    }

    /// INVALID_ARGUMENT for a token this listing did not give.
    var foreign: RPCError {
        .invalidArgument(field: "page.page_token", "not a token \(method) gave; start from the first page")
    }
}
