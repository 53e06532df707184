import Store
import Testing

@Suite struct ValueTextTests {
    @Test func timestampsAndDatesPrintAsPostgresReadsThem() {
        #expect(PostgresTimestamp(microsSince1970: 0).isoText == "1970-01-01 00:00:00.000000+00")
        #expect(PostgresTimestamp(microsSince1970: -1).isoText == "1969-12-31 23:59:59.999999+00")
        #expect(PostgresTimestamp(microsSince1970: 1_709_168_645_000_123).isoText == "2024-02-29 01:04:05.000123+00")
        #expect(PostgresDate(year: 0, month: 12, day: 31).isoText == "0001-12-31 BC")
        #expect(PostgresDate(daysSince1970: -719_528) == PostgresDate(year: 0, month: 1, day: 1))
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(PostgresDate(daysSince1970: days).daysSince1970 == days)
        }
    }

    @Test func literalsAndConveniencesBuildTheRightValues() {
        let values: [PostgresValue] = [nil, true, 42, 1.5, "text", PostgresValue(7), PostgresValue(nil as String?)]
        #expect(values == [.null, .bool(true), .int(42), .double(1.5), .text("text"), .int(7), .null])
        #expect(PostgresValue.double(.infinity).textRepresentation == "Infinity")
        #expect(PostgresValue.bytes([0, 0xab]).textRepresentation == #"\x00ab"#)
    }

    @Test func configurationReadsTheEnvironmentAndHidesThePassword() {
        let configuration = PostgresConfiguration(
            environment: ["PGHOST": "/run/pg", "PGPORT": "6543", "PGDATABASE": "clm", "PGUSER": "clm_scoring",
                          "PGPASSWORD": "s3cret", "CLM_DB_POOL_SIZE": "9"],
            applicationName: "scoring")
        #expect(configuration == PostgresConfiguration(
            host: "/run/pg", port: 6543, database: "clm", user: "clm_scoring", password: "s3cret",
            applicationName: "scoring", poolSize: 9))
        #expect(!configuration.description.contains("s3cret"))
        let defaults = PostgresConfiguration(
            environment: ["CLM_DB_POOL_SIZE": "zero", "PGHOST": ""], applicationName: "x")
        #expect(defaults.poolSize == 4)
        #expect(defaults.host == nil)
    }

    @Test func bootstrapStatementsQuoteNamesAndPasswords() {
        let statements = RoleBootstrap.statements(
            database: "clm", schemas: [(schema: "identity", role: "clm_identity", password: "it's\\secret")])
        #expect(statements.contains(#"ALTER ROLE "clm_identity" PASSWORD E'it''s\\secret'"#))
        #expect(statements.contains(#"CREATE SCHEMA IF NOT EXISTS "identity" AUTHORIZATION "clm_identity""#))
        #expect(statements.contains(#"GRANT CONNECT, TEMPORARY ON DATABASE "clm" TO "clm_identity""#))
        #expect(statements.contains(#"ALTER ROLE "clm_identity" SET search_path = "identity""#))
        #expect(PostgresQuoting.identifier(#"we"ird"#) == #""we""ird""#)
        #expect(PostgresQuoting.dollarQuoted("a $clm$ b") == "$clm1$a $clm$ b$clm1$")
    }
}
