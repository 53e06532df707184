import Store

/// The `identity` schema's own tables (migration 2): customers, party records with their blocking keys, business
/// records, the matcher's fitted parameters, the audit trail, the review queue and bulk jobs.
///
/// Personal data is never stored in the clear: a party record's source form, normalised form and match fields are
/// AES-GCM ciphertexts bound to the row (PersonalData.FieldCipher); blocking keys and guard-rail identifiers are keyed
/// hashes. Business records carry party references and amounts, not personal data, and are stored as received.
enum IdentitySchema {
    static let migration = Migration(version: 2, name: "identity: customers, records, matching, audit", sql: sql)

    private static let sql = """
        -- Per-installation secrets that are not configuration: the key of the customer-code permutation.
        CREATE TABLE installation (
            singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            code_key    bytea NOT NULL
        );
        INSERT INTO installation (code_key) VALUES (decode(md5(random()::text || clock_timestamp()::text), 'hex'));

        -- One row per customer code ever issued. A merged code stays, pointing at its survivor.
        CREATE TABLE customer (
            id              bigserial PRIMARY KEY,
            code            text NOT NULL UNIQUE,
            kind            smallint NOT NULL,                     -- PartyKind
            status          smallint NOT NULL DEFAULT 1,           -- CustomerStatus: 1 active, 2 merged, 3 erased
            survivor_id     bigint REFERENCES customer (id),
            -- Keyed hashes "type=hash" of the checked identifiers its records hold: the guard rail's input.
            identifiers     text[] NOT NULL DEFAULT '{}',
            -- GoldenRecord (protobuf), encrypted; NULL until computed.
            golden          bytea,
            -- CustomerProfile (protobuf): the non-personal attributes the feed carries.
            profile         bytea,
            created_by      text NOT NULL DEFAULT '',              -- the operation that created it
            created_at      timestamptz NOT NULL DEFAULT now(),
            updated_at      timestamptz NOT NULL DEFAULT now(),
            CHECK ((status = 2) = (survivor_id IS NOT NULL))
        );
        CREATE INDEX customer_survivor ON customer (survivor_id) WHERE survivor_id IS NOT NULL;

        -- Party records as received, one per (source system, source key), newest version only.
        CREATE TABLE party_record (
            id                  bigserial PRIMARY KEY,
            source_system       text NOT NULL,
            source_key          text NOT NULL,
            source_version      bigint NOT NULL CHECK (source_version > 0),
            source_updated_at   timestamptz NOT NULL,
            kind                smallint NOT NULL,
            record              bytea NOT NULL,                    -- PartyRecord (protobuf), encrypted
            normalised          bytea NOT NULL,                    -- NormalizedParty details and checks, encrypted
            match_fields        bytea NOT NULL,                    -- MatchFieldsCoding, encrypted
            match_keys          bigint[] NOT NULL DEFAULT '{}',    -- its rows in match_key
            customer_id         bigint REFERENCES customer (id),   -- NULL while resolution is deferred
            linked_by           text NOT NULL DEFAULT '',          -- new, matcher, review, merge, split
            link_weight         double precision,
            linked_at           timestamptz,
            changed_at          timestamptz NOT NULL DEFAULT now(),-- when its customer last changed (xref export)
            received_at         timestamptz NOT NULL DEFAULT now(),
            UNIQUE (source_system, source_key)
        );
        CREATE INDEX party_record_customer ON party_record (customer_id);
        CREATE INDEX party_record_unresolved ON party_record (id) WHERE customer_id IS NULL;

        -- The persistent blocking index: keyed 64-bit hashes of (rule, key) → resolved records.
        CREATE TABLE match_key (
            key         bigint NOT NULL,
            record_id   bigint NOT NULL,
            PRIMARY KEY (key, record_id)
        );

        -- The matcher's fitted parameters (model, term frequencies, stop keys) as JSON; one is active.
        CREATE TABLE match_model (
            version     text PRIMARY KEY,
            active      boolean NOT NULL DEFAULT false,
            fitted_on   bigint NOT NULL,                           -- records it was estimated from
            parameters  bytea NOT NULL,                            -- encrypted: term frequencies hold values
            created_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX match_model_active ON match_model (active) WHERE active;

        -- Policies, payments, claims, servicing, service usage, interactions: as received.
        CREATE TABLE business_record (
            id              bigserial PRIMARY KEY,
            kind            smallint NOT NULL,                     -- BusinessKind
            source_system   text NOT NULL,
            source_key      text NOT NULL,
            source_version  bigint NOT NULL CHECK (source_version > 0),
            record          bytea NOT NULL,                        -- the record's message (protobuf)
            policy_key      text NOT NULL DEFAULT '',              -- "<system>/<policy number>", when about a policy
            occurred_on     date,                                  -- for "newest first" in the 360 view
            received_at     timestamptz NOT NULL DEFAULT now(),
            UNIQUE (kind, source_system, source_key)
        );
        CREATE INDEX business_record_policy ON business_record (policy_key) WHERE policy_key <> '';

        -- The parties a business record names, with their role (policies) or 0 (the one party of other kinds).
        CREATE TABLE business_party (
            record_id       bigint NOT NULL REFERENCES business_record (id) ON DELETE CASCADE,
            party_system    text NOT NULL,
            party_key       text NOT NULL,
            role            smallint NOT NULL,
            relation        smallint NOT NULL DEFAULT 0,
            share           double precision NOT NULL DEFAULT 0,
            PRIMARY KEY (record_id, party_system, party_key, role)
        );
        CREATE INDEX business_party_party ON business_party (party_system, party_key);

        -- The audit trail: every change to customers, who made it, and what undoes it.
        CREATE TABLE operation (
            id              text PRIMARY KEY,
            seq             bigserial UNIQUE,
            type            smallint NOT NULL,                     -- OperationType
            occurred_at     timestamptz NOT NULL DEFAULT now(),
            operator_id     text NOT NULL,
            caller          text NOT NULL DEFAULT '',
            reason          text NOT NULL DEFAULT '',
            customer_ids    bigint[] NOT NULL DEFAULT '{}',
            record_ids      bigint[] NOT NULL DEFAULT '{}',
            detail          text NOT NULL DEFAULT '',
            undo            bytea,                                 -- JSON: what reverses it; NULL when it cannot be
            undone_by       text REFERENCES operation (id)
        );
        CREATE INDEX operation_customers ON operation USING gin (customer_ids);

        -- The clerical review queue.
        CREATE TABLE review_item (
            id                  bigserial PRIMARY KEY,
            status              smallint NOT NULL DEFAULT 1,       -- ReviewStatus
            record_id           bigint NOT NULL REFERENCES party_record (id),
            candidate_record_id bigint NOT NULL REFERENCES party_record (id),
            weight              double precision NOT NULL,
            candidate           bytea NOT NULL,                    -- MatchCandidate (protobuf), encrypted
            created_at          timestamptz NOT NULL DEFAULT now(),
            decided_by          text NOT NULL DEFAULT '',
            decided_at          timestamptz,
            reason              text NOT NULL DEFAULT '',
            operation_id        text REFERENCES operation (id)
        );
        CREATE INDEX review_item_pending ON review_item (created_at, id) WHERE status = 1;
        CREATE INDEX review_item_record ON review_item (record_id);
        CREATE INDEX review_item_candidate ON review_item (candidate_record_id);

        -- Bulk resolution jobs.
        CREATE TABLE bulk_job (
            id              text PRIMARY KEY,
            seq             bigserial UNIQUE,
            state           smallint NOT NULL,                     -- JobState
            operator_id     text NOT NULL DEFAULT '',
            estimate        boolean NOT NULL,
            total           bigint NOT NULL DEFAULT 0,
            done            bigint NOT NULL DEFAULT 0,
            phase           text NOT NULL DEFAULT '',
            message         text NOT NULL DEFAULT '',
            report          text NOT NULL DEFAULT '',
            started_at      timestamptz NOT NULL DEFAULT now(),
            finished_at     timestamptz,
            heartbeat_at    timestamptz NOT NULL DEFAULT now()
        );
        """
}
