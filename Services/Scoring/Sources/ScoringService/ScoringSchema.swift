import Store

/// The `scoring` schema's own tables (migration 2): each customer's facts from identity's feed, the codes identity
/// merged, split and restored, the score cards, the book's statistics, the rescore queue, rule sets and rescore jobs.
///
/// Facts are kept by their record's identity in identity (`"<source system>/<source key>"`, as the `*Linked` events
/// name it) with the customer code they belong to now, so that a merge in identity re-points rows from one code to
/// the other and a split or undo re-points them back, without a copy of any fact. Every fact row carries the feed
/// position of the event that last wrote it: an event never overwrites a row a later event wrote, which makes
/// applying an event twice a no-op and a replay of the feed from the start rebuild the same rows.
///
/// Enumerations are stored as their proto names (`POLICY_STATUS_IN_FORCE`), money as integer minor units with its
/// currency, days as `date`.
enum ScoringSchema {
    static let migration = Migration(version: 2, name: "scoring: facts, codes, score cards, rule sets, jobs", sql: sql)

    private static let sql = """
        -- The declared profile identity sends with CustomerCreated / Updated / Merged / Split (CustomerProfile).
        -- One row per active customer code; a merged code's row goes with the merge.
        CREATE TABLE customer_profile (
            customer_code       text PRIMARY KEY,
            party_kind          text NOT NULL,
            birth_year          integer NOT NULL,
            sex                 text NOT NULL,
            occupation_class    integer NOT NULL,
            declared_habits     text[] NOT NULL,
            province            text NOT NULL,
            city                text NOT NULL,
            employer_code       text NOT NULL,
            position            bigint NOT NULL
        );

        -- Codes identity merged away, each pointing at the customer it is an alias of now.
        CREATE TABLE customer_alias (
            alias_code          text PRIMARY KEY,
            survivor_code       text NOT NULL,
            operation_id        text NOT NULL,
            position            bigint NOT NULL
        );
        CREATE INDEX customer_alias_survivor ON customer_alias (survivor_code);

        -- Identity's merges and splits by operation id, so that an OperationUndone names both codes it concerns.
        CREATE TABLE code_operation (
            operation_id        text PRIMARY KEY,
            kind                text NOT NULL CHECK (kind IN ('merge', 'split')),
            customer_code       text NOT NULL,      -- the survivor; the customer split from
            other_code          text NOT NULL,      -- the merged code; the new code
            repointed           text[] NOT NULL,    -- merges: aliases of the merged code re-pointed at the survivor
            position            bigint NOT NULL
        );

        -- PolicyLinked: the policy's whole current state, and every customer on it with their role.
        CREATE TABLE policy_fact (
            policy_key              text PRIMARY KEY,
            product_line            text NOT NULL,
            product_code            text NOT NULL,
            premium_minor           bigint NOT NULL,
            premium_currency        text NOT NULL,
            payment_mode            text NOT NULL,
            annualised_minor        bigint NOT NULL,
            annualised_currency     text NOT NULL,
            premium_term_years      integer NOT NULL,
            sum_insured_minor       bigint,
            sum_insured_currency    text,
            issue_date              date,
            effective_date          date,
            end_date                date,
            status                  text NOT NULL,
            status_date             date,
            renewal_of              text NOT NULL,
            group_policy            boolean NOT NULL,
            agent_code              text NOT NULL,
            source_version          bigint NOT NULL,
            position                bigint NOT NULL
        );
        CREATE TABLE policy_party (
            policy_key          text NOT NULL REFERENCES policy_fact (policy_key) ON DELETE CASCADE,
            ordinal             integer NOT NULL,   -- the party's place in PolicyLinked.parties
            customer_code       text NOT NULL,
            role                text NOT NULL,
            relation            text NOT NULL,
            position            bigint NOT NULL,
            PRIMARY KEY (policy_key, ordinal)
        );
        CREATE INDEX policy_party_customer ON policy_party (customer_code);

        -- PaymentLinked, kept for the payer.
        CREATE TABLE payment_fact (
            payment_key         text PRIMARY KEY,
            customer_code       text NOT NULL,
            policy_key          text NOT NULL,
            product_line        text NOT NULL,
            instalment          integer NOT NULL,
            due_date            date,
            paid_date           date,
            amount_minor        bigint NOT NULL,
            amount_currency     text NOT NULL,
            status              text NOT NULL,
            source_version      bigint NOT NULL,
            position            bigint NOT NULL
        );
        CREATE INDEX payment_fact_customer ON payment_fact (customer_code);

        -- ClaimLinked, kept for the claimant and, when another customer, the policy's policyholder.
        CREATE TABLE claim_fact (
            claim_key           text PRIMARY KEY,
            customer_code       text NOT NULL,
            policyholder_code   text NOT NULL,      -- empty when the claimant holds the policy
            policy_key          text NOT NULL,
            product_line        text NOT NULL,
            incident_date       date,
            reported_date       date,
            closed_date         date,
            claimed_minor       bigint NOT NULL,
            claimed_currency    text NOT NULL,
            paid_minor          bigint,
            paid_currency       text,
            status              text NOT NULL,
            fraud_flag          boolean NOT NULL,
            source_version      bigint NOT NULL,
            position            bigint NOT NULL
        );
        CREATE INDEX claim_fact_customer ON claim_fact (customer_code);
        CREATE INDEX claim_fact_policyholder ON claim_fact (policyholder_code) WHERE policyholder_code <> '';

        -- ServicingLinked, kept for the requester.
        CREATE TABLE servicing_fact (
            servicing_key       text PRIMARY KEY,
            customer_code       text NOT NULL,
            policy_key          text NOT NULL,
            product_line        text NOT NULL,
            servicing_type      text NOT NULL,
            status              text NOT NULL,
            requested_date      date,
            closed_date         date,
            amount_minor        bigint,
            amount_currency     text,
            source_version      bigint NOT NULL,
            position            bigint NOT NULL
        );
        CREATE INDEX servicing_fact_customer ON servicing_fact (customer_code);

        -- ServiceUsageLinked, kept for the user.
        CREATE TABLE service_usage_fact (
            usage_key           text PRIMARY KEY,
            customer_code       text NOT NULL,
            policy_key          text NOT NULL,
            service_code        text NOT NULL,
            service_name        text NOT NULL,
            used_on             date,
            source_version      bigint NOT NULL,
            position            bigint NOT NULL
        );
        CREATE INDEX service_usage_fact_customer ON service_usage_fact (customer_code);

        -- InteractionLinked, kept for the party who interacted.
        CREATE TABLE interaction_fact (
            interaction_key         text PRIMARY KEY,
            customer_code           text NOT NULL,
            interaction_type        text NOT NULL,
            channel                 text NOT NULL,
            occurred_at             timestamptz NOT NULL,
            topic                   text NOT NULL,
            campaign_code           text NOT NULL,
            referred_customer_code  text NOT NULL,
            resolved                boolean NOT NULL,
            source_version          bigint NOT NULL,
            position                bigint NOT NULL
        );
        CREATE INDEX interaction_fact_customer ON interaction_fact (customer_code);

        -- Customers whose facts changed and whose card is to be computed again. Written with the facts, in the feed
        -- consumer's transaction; emptied by the rescorer.
        CREATE TABLE rescore_queue (
            customer_code       text PRIMARY KEY,
            trigger             text NOT NULL,      -- ScoreTrigger proto name
            position            bigint NOT NULL,    -- latest feed position that touched the customer
            queued_at           timestamptz NOT NULL DEFAULT clock_timestamp()
        );
        CREATE INDEX rescore_queue_order ON rescore_queue (queued_at);

        -- The current score card of each active customer: the ScoreCard message (protobuf, without explanation) and
        -- the columns listings filter and sort by.
        CREATE TABLE score_card (
            customer_code           text PRIMARY KEY,
            card                    bytea NOT NULL,
            tier                    text NOT NULL,
            layer                   text NOT NULL,
            risk_grade              text NOT NULL,
            potential               boolean NOT NULL,
            vip                     boolean NOT NULL,
            value_score             double precision NOT NULL,
            risk_score              double precision NOT NULL,
            annualised_minor        bigint NOT NULL,
            clv_minor               bigint NOT NULL,
            product_lines           text[] NOT NULL,    -- lines of the policies in force
            facts_position          bigint NOT NULL,
            scored_at               timestamptz NOT NULL
        );
        CREATE INDEX score_card_value ON score_card (value_score DESC, customer_code);
        CREATE INDEX score_card_clv ON score_card (clv_minor DESC, customer_code);
        CREATE INDEX score_card_premium ON score_card (annualised_minor DESC, customer_code);
        CREATE INDEX score_card_risk ON score_card (risk_score DESC, customer_code);

        -- The book's segment averages and RFM edges as last measured (ScoringModel.BookStatistics, JSON).
        CREATE TABLE book_statistics (
            singleton           boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            statistics          bytea NOT NULL,
            as_of               date NOT NULL,
            customers           bigint NOT NULL,
            facts_position      bigint NOT NULL,
            measured_at         timestamptz NOT NULL
        );

        -- Rule sets by id and version (RuleSet protobuf); at most one active. Written by the rule-set methods, which a
        -- later release builds; until then no rule set is active and cards carry no value score or tier.
        CREATE TABLE rule_set (
            rule_set_id         text NOT NULL,
            version             integer NOT NULL CHECK (version > 0),
            status              text NOT NULL,      -- RuleSetStatus proto name
            body                bytea NOT NULL,
            PRIMARY KEY (rule_set_id, version)
        );
        CREATE UNIQUE INDEX rule_set_one_active ON rule_set ((true)) WHERE status = 'RULE_SET_STATUS_ACTIVE';

        -- Full rescores (StartRescoreAll, schedule, rule-set activation); a later release adds its progress columns.
        CREATE TABLE rescore_job (
            job_id              text PRIMARY KEY,
            state               text NOT NULL,      -- JobState proto name
            requested_by        text NOT NULL,
            created_at          timestamptz NOT NULL DEFAULT now()
        );
        """
}
