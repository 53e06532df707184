import Models
import ScoringModel
import Store

/// A customer's facts as a whole-book scan fetched them (`BookScan`): the rows, not decoded yet, so that the scan's
/// thread only sorts rows out by customer while whoever takes the run decodes it, on another core.
struct FetchedFacts: Sendable {
    /// One fact's row.
    enum Fact: Sendable {
        case profile(PostgresRow)
        /// A policy's row with all the customer's roles on it.
        case policy(PostgresRow, roles: PolicyFact.Roles)
        case payment(PostgresRow)
        case claim(PostgresRow)
        case servicing(PostgresRow)
        case serviceUsage(PostgresRow)
        case interaction(PostgresRow)
        /// Only that the customer exists (`BookScan.Part.claimCustomers` and the like).
        case customer
    }

    var code: String
    /// The feed position of the latest event the facts include.
    var position: Int64
    /// Each table's facts in that table's order.
    var facts: [Fact]

    /// The facts decoded, as `FactReader` gives them.
    func decoded(utcOffsetSeconds: Int) throws -> StoredFacts {
        var decoded = CustomerFacts(customerCode: code)
        for fact in facts {
            switch fact {
            case .profile(let row): decoded.profile = try FactRows.profile(row)
            case .policy(let row, let roles): decoded.policies.append(try FactRows.policy(row, roles: roles))
            case .payment(let row): decoded.payments.append(try FactRows.payment(row))
            case .claim(let row): decoded.claims.append(try FactRows.claim(row))
            case .servicing(let row): decoded.servicing.append(try FactRows.servicing(row))
            case .serviceUsage(let row): decoded.serviceUsage.append(try FactRows.serviceUsage(row))
            case .interaction(let row):
                decoded.interactions.append(try FactRows.interaction(row, utcOffsetSeconds: utcOffsetSeconds))
            case .customer: break
            }
        }
        return StoredFacts(facts: decoded, position: position)
    }
}
