import Store

/// Migration 3: what applying rule sets needs — rule-set history columns, full-rescore jobs with their progress and
/// resume point, and the VIP columns of score cards that the VIP list sorts and filters by.
enum ScoringSchemaRuleSets {
    static let migration = Migration(version: 3, name: "scoring: rule-set history, rescore jobs, VIP columns", sql: sql)

    private static let sql = """
        ALTER TABLE rule_set
            ADD COLUMN created_at   timestamptz NOT NULL DEFAULT now(),
            ADD COLUMN created_by   text NOT NULL DEFAULT '',
            ADD COLUMN activated_at timestamptz,
            ADD COLUMN retired_at   timestamptz;
        CREATE INDEX rule_set_newest ON rule_set (created_at DESC, rule_set_id, version DESC);

        -- A full rescore walks the book in customer-code order; `after_code` is where it got to, so that a
        -- replica that finds the job's heartbeat stale (its runner died) carries on from there instead of
        -- starting again. At most one job runs at a time.
        DROP TABLE rescore_job;
        CREATE TABLE rescore_job (
            job_id              text PRIMARY KEY,
            seq                 bigserial UNIQUE,
            state               text NOT NULL,      -- JobState proto name
            trigger             text NOT NULL,      -- ScoreTrigger proto name
            requested_by        text NOT NULL,
            reason              text NOT NULL DEFAULT '',
            rule_set_id         text NOT NULL DEFAULT '',
            rule_set_version    integer NOT NULL DEFAULT 0,
            items_total         bigint NOT NULL DEFAULT -1,
            items_done          bigint NOT NULL DEFAULT 0,
            items_failed        bigint NOT NULL DEFAULT 0,
            after_code          text NOT NULL DEFAULT '',
            message             text NOT NULL DEFAULT '',
            created_at          timestamptz NOT NULL DEFAULT now(),
            started_at          timestamptz,
            finished_at         timestamptz,
            heartbeat_at        timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX rescore_job_one_running ON rescore_job ((true))
            WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_RUNNING');

        ALTER TABLE score_card
            ADD COLUMN vip_since                date,
            ADD COLUMN continuous_tenure_months integer NOT NULL DEFAULT 0,
            ADD COLUMN rule_set_id              text NOT NULL DEFAULT '',
            ADD COLUMN rule_set_version         integer NOT NULL DEFAULT 0;
        CREATE INDEX score_card_vip ON score_card (continuous_tenure_months DESC, customer_code) WHERE vip;
        CREATE INDEX score_card_tier ON score_card (tier, value_score DESC, customer_code);
        """
}
