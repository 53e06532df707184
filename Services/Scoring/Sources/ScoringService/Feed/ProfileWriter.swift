import IdentityAPI
import Store

/// Keeps each customer's declared profile (identity's `CustomerProfile`) as the latest event carrying it says.
struct ProfileWriter {
    let connection: PostgresConnection
    let position: Int64

    /// Replaces the profile of `code`, unless a later event wrote it already.
    func replace(_ code: String, with profile: CustomerProfile) throws {
        try connection.execute(
            """
            INSERT INTO customer_profile (customer_code, party_kind, birth_year, sex, occupation_class,
                                          declared_habits, province, city, employer_code, position)
            VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10)
            ON CONFLICT (customer_code) DO UPDATE SET
                party_kind = excluded.party_kind, birth_year = excluded.birth_year, sex = excluded.sex,
                occupation_class = excluded.occupation_class, declared_habits = excluded.declared_habits,
                province = excluded.province, city = excluded.city, employer_code = excluded.employer_code,
                position = excluded.position
            WHERE customer_profile.position < excluded.position
            """,
            [.text(code), .text(profile.kind.rawValue), .int(Int64(profile.birthYear)), .text(profile.sex.rawValue),
             .int(Int64(profile.occupationClass)), PostgresValue.textArray(profile.declaredHabits.map(\.rawValue)),
             .text(profile.province), .text(profile.city), .text(profile.employerCustomerCode), .int(position)])
    }

    /// Drops the profile of a code that is no longer a customer of its own.
    func remove(_ code: String) throws {
        try connection.execute("DELETE FROM customer_profile WHERE customer_code = $1 AND position < $2",
                               [.text(code), .int(position)])
    }

    /// Forgets what the profile says about the person (birth year, sex, occupation, habits, place, employer) after
    /// identity erased the customer's personal data; the kind of party stays.
    func erase(_ code: String) throws {
        try connection.execute(
            """
            UPDATE customer_profile SET birth_year = 0, sex = $3, occupation_class = 0, declared_habits = '{}',
                province = '', city = '', employer_code = '', position = $2
            WHERE customer_code = $1 AND position < $2
            """, [.text(code), .int(position), .text(Sex.unspecified.rawValue)])
    }
}
