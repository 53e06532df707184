import Store

/// Migration 5: each policy's party rows carry the policy's facts, so that a whole-book pass (`BookScan`) reads every
/// customer's policies in the order of customers with one index scan. Joined to `policy_fact` instead, the read is a
/// probe per policy or, as PostgreSQL plans a whole book, a hash join whose million customers' rows are sorted on
/// disk, in every pass. `policy_fact` stays the policy's record (its position decides whether an event is newer);
/// triggers keep the copies equal to it, whoever writes either table.
enum ScoringSchemaPolicyParties {
    static let migration = Migration(version: 5, name: "scoring: policy facts on their party rows", sql: sql)

    private static let sql = """
        ALTER TABLE policy_party ADD COLUMN policy policy_fact;
        UPDATE policy_party pp SET policy = f FROM policy_fact f WHERE f.policy_key = pp.policy_key;
        ALTER TABLE policy_party ALTER COLUMN policy SET NOT NULL;

        -- A party row takes its policy's facts as it is written.
        CREATE FUNCTION policy_party_copy_policy() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            NEW.policy := (SELECT f FROM policy_fact f WHERE f.policy_key = NEW.policy_key);
            RETURN NEW;
        END $$;
        CREATE TRIGGER policy_party_copy_policy BEFORE INSERT OR UPDATE OF policy_key ON policy_party
            FOR EACH ROW EXECUTE FUNCTION policy_party_copy_policy();

        -- A policy's new facts reach the party rows it has.
        CREATE FUNCTION policy_fact_copy_to_parties() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT
        AS $$
        BEGIN
            UPDATE policy_party SET policy = NEW WHERE policy_key = NEW.policy_key;
            RETURN NULL;
        END $$;
        CREATE TRIGGER policy_fact_copy_to_parties AFTER UPDATE ON policy_fact
            FOR EACH ROW EXECUTE FUNCTION policy_fact_copy_to_parties();

        -- A customer's policies in order, for the whole-book scan (and still every party row of a customer).
        DROP INDEX policy_party_customer;
        CREATE INDEX policy_party_customer ON policy_party (customer_code, policy_key);
        """
}
