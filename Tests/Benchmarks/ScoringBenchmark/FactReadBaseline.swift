import Models
import Store

/// The baseline of the full rescore, measured in the same run: every fact the rescore reads, read back through
/// PostgreSQL and libpq into this process with `COPY (SELECT …) TO STDOUT` on one connection — the same rows the
/// service's `FactReader` asks for (profiles, each customer's policies joined through `policy_party`, payments,
/// claims, servicing, service usage, interactions), with no per-customer statements and no decoding into values.
/// A floor for the database side of a rescore, not a bound on it: the service also writes a card per customer.
enum FactReadBaseline {
    /// The SELECTs copied out, one per kind of fact.
    static let selects = [
        """
        SELECT customer_code, party_kind, birth_year, sex, occupation_class,
               array_to_string(declared_habits, ',') AS habits, province, city, position
        FROM scoring.customer_profile
        """,
        """
        SELECT pp.customer_code, pp.role, pp.position AS party_position, f.*
        FROM scoring.policy_party pp JOIN scoring.policy_fact f ON f.policy_key = pp.policy_key
        """,
        "SELECT * FROM scoring.payment_fact",
        "SELECT * FROM scoring.claim_fact",
        "SELECT * FROM scoring.servicing_fact",
        "SELECT * FROM scoring.service_usage_fact",
        "SELECT * FROM scoring.interaction_fact",
    ]

    /// What one read of the facts took.
    struct Outcome {
        var seconds: Double
        var rows: Int
        var bytes: Int
    }

    static func measure(_ pool: PostgresPool) async throws -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let (rows, bytes) = try await pool.withConnection { connection in
            var rows = 0
            var bytes = 0
            for select in selects {
                rows += try connection.copyOut("COPY (\(select)) TO STDOUT") { line in bytes += line.utf8.count + 1 }
            }
            return (rows, bytes)
        }
        return Outcome(seconds: (clock.now - started).inSeconds, rows: rows, bytes: bytes)
    }
}
