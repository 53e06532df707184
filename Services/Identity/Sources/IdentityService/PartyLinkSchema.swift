import Store

/// Migration 3: a party record's link to its customer moves out of `party_record` into `party_link`.
///
/// The record's sealed forms are written once, when it arrives; its link changes with every resolution, merge, split
/// and undo. In one row, each of those rewrote the sealed forms too (a kilobyte a record): a bulk job linking a
/// million deferred records rewrote the whole table, and left a dead version of every row. Now linking is an insert
/// into a narrow table. A record with no `party_link` row is unresolved (deferred).
enum PartyLinkSchema {
    static let migration = Migration(version: 3, name: "identity: party links in their own table", sql: sql)

    private static let sql = """
        CREATE TABLE party_link (
            record_id       bigint PRIMARY KEY REFERENCES party_record (id),
            customer_id     bigint NOT NULL REFERENCES customer (id),
            linked_by       text NOT NULL,                         -- new, matcher, review, merge, split
            link_weight     double precision,
            match_keys      bigint[] NOT NULL DEFAULT '{}',        -- its rows in match_key
            linked_at       timestamptz NOT NULL DEFAULT now(),
            changed_at      timestamptz NOT NULL DEFAULT now()     -- when its customer last changed (xref export)
        );
        INSERT INTO party_link (record_id, customer_id, linked_by, link_weight, match_keys, linked_at, changed_at)
        SELECT id, customer_id, linked_by, link_weight, match_keys, coalesce(linked_at, received_at), changed_at
        FROM party_record WHERE customer_id IS NOT NULL;
        CREATE INDEX party_link_customer ON party_link (customer_id);
        ALTER TABLE party_record DROP COLUMN customer_id, DROP COLUMN linked_by, DROP COLUMN link_weight,
            DROP COLUMN linked_at, DROP COLUMN changed_at, DROP COLUMN match_keys;
        """
}
