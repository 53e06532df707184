import CLMTesting
@testable import IdentityService
import Logging
import Models
import Store
import Testing

/// Migration 3 moves links out of `party_record` into `party_link`: an installation upgraded with records in place
/// keeps every link as it was, and its deferred records stay deferred.
@Suite struct PartyLinkMigrationTests {
    @Test func linksStoredBeforeTheMigrationMoveToPartyLink() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity], prefix: "linkmig")
        let logger = Logger(label: "clm.test.migration")
        let before = Array(IdentityMigrations.all.prefix { $0.version < PartyLinkSchema.migration.version })
        try await withPostgresPool(database.configuration(user: "clm_identity", poolSize: 1)) { pool in
            _ = try await SchemaMigrator.migrate(schema: "identity", migrations: before, pool: pool, logger: logger)
            try await pool.withConnection { connection in
                try connection.executeScript(
                    """
                    INSERT INTO customer (id, code, kind) VALUES (7, 'C-7', 1);
                    INSERT INTO party_record (id, source_system, source_key, source_version, source_updated_at, kind,
                                              record, normalised, match_fields, match_keys, customer_id, linked_by,
                                              link_weight, linked_at, changed_at)
                    VALUES (1, 'core', 'a', 1, now(), 1, '\\x01', '\\x02', '\\x03', '{11,12}', 7, 'matcher', 14.5,
                            '2026-01-02 03:04:05+00', '2026-02-03 04:05:06+00'),
                           (2, 'core', 'b', 1, now(), 1, '\\x01', '\\x02', '\\x03', '{}', NULL, '', NULL, NULL,
                            '2026-01-01 00:00:00+00');
                    """)
            }
            let version = try await SchemaMigrator.migrate(schema: "identity", migrations: IdentityMigrations.all,
                                                           pool: pool, logger: logger)
            #expect(version == PartyLinkSchema.migration.version)
            try await pool.withConnection { connection in
                let links = try connection.query(
                    """
                    SELECT record_id, customer_id, linked_by, link_weight, match_keys::text, linked_at::text,
                           changed_at::text
                    FROM party_link ORDER BY record_id
                    """).map { row in
                    [String(try row.decode(Int64.self, at: 0)), String(try row.decode(Int64.self, at: 1)),
                     try row.decode(String.self, at: 2), String(try row.decode(Double.self, at: 3)),
                     try row.decode(String.self, at: 4), try row.decode(String.self, at: 5),
                     try row.decode(String.self, at: 6)]
                }
                #expect(links == [["1", "7", "matcher", "14.5", "{11,12}", "2026-01-02 03:04:05+00",
                                   "2026-02-03 04:05:06+00"]])
                let left = try connection.query(
                    """
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'identity' AND table_name = 'party_record'
                      AND column_name IN ('customer_id', 'linked_by', 'link_weight', 'linked_at', 'changed_at',
                                          'match_keys')
                    """)
                #expect(left.isEmpty, "link columns left on party_record")
                #expect(try connection.query("SELECT count(*) FROM party_record")[0].decode(Int64.self, at: 0) == 2)
            }
        }
    }
}
