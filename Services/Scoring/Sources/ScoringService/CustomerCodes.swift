import Foundation
import Models
import RPC
import Store

/// Customer codes as callers type them, and as identity's merges left them.
///
/// Scoring cannot turn a code into a customer id (the permutation's key is identity's), but `CustomerCodeText` tells
/// it a mistyped code from one it has never heard of.
enum CustomerCodes {
    /// The code in canonical form (upper case; `I` and `L` read as 1, `O` as 0), or INVALID_ARGUMENT naming `field`
    /// when it is empty or not a well-formed code.
    static func canonical(_ text: String, field: String) throws(RPCError) -> String {
        let asked = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !asked.isEmpty else { throw .invalidArgument(field: field, "required: a customer code such as C7K3M9QX2PAH") }
        guard let code = CustomerCodeText.canonical(asked) else {
            throw .invalidArgument(
                field: field,
                "'\(asked)' is not a customer code: C and 11 letters or digits with a valid check character, e.g. C7K3M9QX2PAH")
        }
        return code
    }

    /// The condition that `column` holds a code after `after` through `through` (to the end when nil), with its
    /// parameters from `$1`. Two shapes rather than one with `($2 IS NULL OR …)`: that one cannot bound an index
    /// scan, and once PostgreSQL switched to a generic plan every run of a full rescore read the cards from its
    /// start to the end of the book (the scoring phase of a second rescore of a million customers, which writes no
    /// card, took 43.3 s; 18.4 s with the bounded range).
    static func range(_ column: String, after: String, through: String?) -> (condition: String, [PostgresValue]) {
        guard let through else { return ("\(column) > $1", [.text(after)]) }
        return ("\(column) > $1 AND \(column) <= $2", [.text(after), .text(through)])
    }

    /// The customer `code` stands for now: its survivor when identity merged it away, else itself.
    static func current(_ code: String, on connection: PostgresConnection) throws -> String {
        try connection.query("SELECT survivor_code FROM customer_alias WHERE alias_code = $1", [.text(code)])
            .first?.decode(String.self, "survivor_code") ?? code
    }

    /// Whether scoring has any fact of `code` (a profile or a record).
    static func isKnown(_ code: String, on connection: PostgresConnection) throws -> Bool {
        try connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM customer_profile WHERE customer_code = $1)
                OR EXISTS (SELECT 1 FROM policy_party WHERE customer_code = $1)
                OR EXISTS (SELECT 1 FROM payment_fact WHERE customer_code = $1)
                OR EXISTS (SELECT 1 FROM claim_fact WHERE customer_code = $1 OR policyholder_code = $1)
                OR EXISTS (SELECT 1 FROM servicing_fact WHERE customer_code = $1)
                OR EXISTS (SELECT 1 FROM service_usage_fact WHERE customer_code = $1)
                OR EXISTS (SELECT 1 FROM interaction_fact WHERE customer_code = $1)
            """, [.text(code)])[0].decode(Bool.self, at: 0)
    }
}
