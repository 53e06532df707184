public import Store

/// The tables of the event feed, the same in every service's schema: the outbox the service writes its events to,
/// and the cursor it keeps of the feed it consumes.
public enum FeedSchema {
    /// The migration that makes them. Each service lists it among its own migrations (as version 1).
    public static func migration(version: Int) -> Migration {
        Migration(version: version, name: "event feed: outbox and consumer cursors", sql: sql)
    }

    private static let sql = """
        -- Domain events, written in the same transaction as the change they describe. `position` is given by the
        -- relay after commit, in commit order, so a reader that follows positions never passes an event that
        -- commits later (ids come from a sequence and become visible out of order; positions do not).
        CREATE TABLE outbox (
            id          bigserial PRIMARY KEY,
            position    bigint UNIQUE,
            event_type  text NOT NULL,
            subject     text NOT NULL,
            payload     bytea NOT NULL,
            trace_id    text NOT NULL DEFAULT '',
            created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
            CHECK (position IS NULL OR position > 0)
        );
        -- The relay's work list: rows still waiting for a position.
        CREATE INDEX outbox_unpositioned ON outbox (id) WHERE position IS NULL;

        -- How far this service has applied the feed of each service it consumes. Updated in the same transaction
        -- as the effects of the events, so a crash neither loses nor repeats one.
        CREATE TABLE feed_cursor (
            source      text PRIMARY KEY,
            position    bigint NOT NULL DEFAULT 0 CHECK (position >= 0),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        """
}
