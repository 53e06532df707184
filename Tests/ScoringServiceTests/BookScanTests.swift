import Models
import ScoringModel
@testable import ScoringService
import Store
import Synchronization
import Testing

/// Whole-book passes read the facts with one ordered scan per table (`BookScan`); what they read must be what the
/// per-customer reader (`FactReader.facts(of:)`, the rescorer's) reads, customer by customer, however the rows fall
/// across fetches and runs.
@Suite(.serialized) struct BookScanTests {
    /// A book of 120 customers written straight into scoring's tables: profiles for most, policies with one or
    /// several roles (and some with an unspecified role only), payments (one customer has far more than a fetch
    /// holds), claims whose claimant does or does not hold the policy, servicing, service usage and interactions.
    private static func withBook(_ body: (PostgresPool) async throws -> Void) async throws {
        try await ScoringSupport.withMigratedSchema(prefix: "book_scan") { pool in
            try await pool.transaction { connection in
                try connection.executeScript(Self.book)
            }
            try await body(pool)
        }
    }

    /// Codes C000…C119; rows keyed so that their order differs from the order of insertion.
    private static let book = """
        INSERT INTO customer_profile (customer_code, party_kind, birth_year, sex, occupation_class, declared_habits,
                                      province, city, employer_code, position)
        SELECT 'C' || lpad(i::text, 3, '0'), 'PARTY_KIND_INDIVIDUAL', 1950 + i % 50,
               CASE WHEN i % 2 = 0 THEN 'SEX_FEMALE' ELSE 'SEX_MALE' END, 1 + i % 6,
               CASE WHEN i % 7 = 0 THEN ARRAY['DECLARED_HABIT_SMOKING'] ELSE ARRAY[]::text[] END,
               'P' || i % 4, 'City' || i % 9, '', 1000 + i
        FROM generate_series(0, 119) AS i WHERE i % 10 <> 3;

        INSERT INTO policy_fact (policy_key, product_line, product_code, premium_minor, premium_currency, payment_mode,
                                 annualised_minor, annualised_currency, premium_term_years, issue_date, effective_date,
                                 end_date, status, status_date, renewal_of, group_policy, agent_code, source_version,
                                 position)
        SELECT 'POL/' || (997 * p % 400), CASE p % 3 WHEN 0 THEN 'PRODUCT_LINE_LIFE' WHEN 1 THEN 'PRODUCT_LINE_HEALTH'
               ELSE 'PRODUCT_LINE_AUTO' END, 'X' || p % 5, 10000 + p * 37, 'CNY', 'PAYMENT_MODE_ANNUAL',
               10000 + p * 37, 'CNY', 1 + p % 20, date '2015-01-01' + p * 11, date '2015-01-01' + p * 11,
               date '2016-01-01' + p * 11, 'POLICY_STATUS_IN_FORCE', NULL, '', false, 'A1', 1, 2000 + p
        FROM generate_series(0, 399) AS p;

        -- Each policy's holder; every third policy also insures the next customer, every fifth names the holder
        -- beneficiary too (two roles on one policy), every 31st gives the next customer an unspecified role only.
        INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
        SELECT 'POL/' || (997 * p % 400), 0, 'C' || lpad((p % 117)::text, 3, '0'), 'PARTY_ROLE_POLICYHOLDER', '',
               3000 + p FROM generate_series(0, 399) AS p;
        INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
        SELECT 'POL/' || (997 * p % 400), 1, 'C' || lpad((p % 117 + 1)::text, 3, '0'), 'PARTY_ROLE_INSURED', '',
               3500 + p FROM generate_series(0, 399, 3) AS p;
        INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
        SELECT 'POL/' || (997 * p % 400), 2, 'C' || lpad((p % 117)::text, 3, '0'), 'PARTY_ROLE_BENEFICIARY', '',
               3900 + p FROM generate_series(0, 399, 5) AS p;
        INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
        SELECT 'POL/' || (997 * p % 400), 3, 'C' || lpad((p % 117 + 2)::text, 3, '0'), 'PARTY_ROLE_UNSPECIFIED', '',
               4000 + p FROM generate_series(1, 399, 31) AS p;

        -- Customer C005 pays far more instalments than a fetch holds.
        INSERT INTO payment_fact (payment_key, customer_code, policy_key, product_line, instalment, due_date,
                                  paid_date, amount_minor, amount_currency, status, source_version, position)
        SELECT 'PAY/' || (7919 * n % 1000), 'C' || lpad(CASE WHEN n < 60 THEN 5 ELSE n % 113 END::text, 3, '0'),
               'POL/' || n % 400, 'PRODUCT_LINE_LIFE', 1 + n % 12, date '2020-01-01' + n, date '2020-01-02' + n,
               500 + n, 'CNY', CASE WHEN n % 9 = 0 THEN 'PAYMENT_STATUS_OVERDUE' ELSE 'PAYMENT_STATUS_PAID' END, 1,
               5000 + n
        FROM generate_series(0, 999) AS n;

        -- Claims by C100…C119, half of them on policies held by C000…C049.
        INSERT INTO claim_fact (claim_key, customer_code, policyholder_code, policy_key, product_line, incident_date,
                                reported_date, closed_date, claimed_minor, claimed_currency, paid_minor, paid_currency,
                                status, fraud_flag, source_version, position)
        SELECT 'CLM/' || (31 * n % 90), 'C' || lpad((100 + n % 20)::text, 3, '0'),
               CASE WHEN n % 2 = 0 THEN 'C' || lpad((n % 50)::text, 3, '0') ELSE '' END, 'POL/' || n,
               'PRODUCT_LINE_HEALTH', date '2022-03-01' + n, date '2022-03-05' + n, NULL, 20000 + n, 'CNY',
               CASE WHEN n % 3 = 0 THEN 15000 + n END, CASE WHEN n % 3 = 0 THEN 'CNY' END, 'CLAIM_STATUS_PAID',
               n % 17 = 0, 1, 6000 + n
        FROM generate_series(0, 89) AS n;

        INSERT INTO servicing_fact (servicing_key, customer_code, policy_key, product_line, servicing_type, status,
                                    requested_date, closed_date, amount_minor, amount_currency, source_version,
                                    position)
        SELECT 'SRV/' || (13 * n % 60), 'C' || lpad((n * 2 % 100)::text, 3, '0'), 'POL/' || n, 'PRODUCT_LINE_LIFE',
               'SERVICING_TYPE_SURRENDER', 'SERVICING_STATUS_COMPLETED', date '2023-01-01' + n, NULL, NULL, NULL, 1,
               7000 + n
        FROM generate_series(0, 59) AS n;

        INSERT INTO service_usage_fact (usage_key, customer_code, policy_key, service_code, service_name, used_on,
                                        source_version, position)
        SELECT 'USE/' || (17 * n % 300), 'C' || lpad((n % 97)::text, 3, '0'), 'POL/' || n, 'S' || n % 6,
               'Service ' || n % 6, date '2024-06-01' + n, 1, 8000 + n
        FROM generate_series(0, 299) AS n;

        -- Interactions of every customer.
        INSERT INTO interaction_fact (interaction_key, customer_code, interaction_type, channel, occurred_at, topic,
                                      campaign_code, referred_customer_code, resolved, source_version, position)
        SELECT 'INT/' || (101 * n % 500), 'C' || lpad((n % 120)::text, 3, '0'), 'INTERACTION_TYPE_APP_LOGIN',
               'CONTACT_CHANNEL_APP', timestamptz '2024-01-01 23:30:00+00' + n * interval '7 hours', '', '', '',
               true, 1, 9000 + n
        FROM generate_series(0, 499) AS n;
        """

    /// C000 … C119.
    private static func code(_ number: Int) -> String {
        let digits = String(number)
        let zeros = String(repeating: "0", count: 3 - digits.count)
        return "C" + zeros + digits
    }

    @Test(arguments: [false, true])
    func theScanReadsEveryCustomerAsTheReaderDoesInRunsOfCompleteCustomers(readAhead: Bool) async throws {
        try await Self.withBook { pool in
            try await pool.transaction(isolation: .repeatableRead) { connection in
                let reader = FactReader(connection: connection, utcOffsetSeconds: 8 * 3600)
                let codes = (0..<120).map(Self.code)
                let expected = try reader.facts(of: codes)
                #expect(expected.count == 120, "every customer has some fact")
                #expect(expected["C005"].map { $0.facts.payments.count > 60 } == true)

                var scan = BookScan(connection: connection, utcOffsetSeconds: 8 * 3600)
                scan.fetchSize = 7
                scan.readAhead = readAhead
                var runs: [[StoredFacts]] = []
                try scan.forEachDecodedRun(customers: 13) { runs.append($0) }
                let read = runs.flatMap { $0 }
                #expect(read.map(\.facts.customerCode) == codes, "each customer once, in order of codes")
                for stored in read {
                    #expect(stored.facts == expected[stored.facts.customerCode]?.facts, "\(stored.facts.customerCode)")
                    #expect(stored.position == expected[stored.facts.customerCode]?.position)
                }
                #expect(runs.dropLast().allSatisfy { $0.count >= 13 }, "runs are filled before they are handed out")
            }
        }
    }

    /// Each fact table is read in the scan's order straight off an index. Sorting each customer's rows by key after
    /// an index on the customer alone took a third of the payments' scan over a million customers (migration 6).
    @Test func everyFactTableIsReadInTheScansOrderOffAnIndexWithoutASort() async throws {
        try await Self.withBook { pool in
            try await pool.transaction { connection in
                // The book is small: price sorts and full scans out, as a large book's size would.
                for setting in ["enable_seqscan", "enable_sort", "enable_incremental_sort"] {
                    try connection.execute("SET LOCAL \(setting) = off")
                }
                let parts: [BookScan.Part] = [.profile, .policies, .payments, .servicing, .serviceUsage, .interactions]
                for part in parts {
                    let plan = try connection.query("EXPLAIN (COSTS OFF) \(part.query)", [.text("")]).map {
                        try $0.decode(String.self, "QUERY PLAN")
                    }
                    #expect(plan.contains { $0.contains("Index") }, "\(part): \(plan)")
                    #expect(!plan.contains { $0.contains("Sort") }, "\(part): \(plan)")
                }
            }
        }
    }

    @Test func aPolicysNewFactsReachItsPartyRowsAsTheScanReadsThem() async throws {
        try await Self.withBook { pool in
            // The party rows carry copies of their policy's facts (migration 5); a changed policy changes them all,
            // and a party row written later copies the policy as it is then.
            try await pool.transaction { connection in
                try connection.execute(
                    """
                    UPDATE policy_fact SET premium_minor = 777, status = 'POLICY_STATUS_LAPSED', position = 99999
                    WHERE policy_key = 'POL/0'
                    """)
                try connection.execute(
                    """
                    INSERT INTO policy_party (policy_key, ordinal, customer_code, role, relation, position)
                    VALUES ('POL/0', 9, 'C050', 'PARTY_ROLE_INSURED', '', 99999)
                    """)
            }
            try await pool.transaction(isolation: .repeatableRead) { connection in
                let reader = FactReader(connection: connection, utcOffsetSeconds: 8 * 3600)
                var read: [StoredFacts] = []
                try BookScan(connection: connection, utcOffsetSeconds: 8 * 3600).forEachDecodedRun(customers: 50) {
                    read += $0
                }
                for code in ["C000", "C050"] {
                    let scanned = read.first { $0.facts.customerCode == code }
                    let policy = scanned?.facts.policies.first { $0.policyKey == "POL/0" }
                    #expect(policy?.premium.minorUnits == 777 && policy?.status == .lapsed, "\(code)")
                    #expect(scanned?.facts == (try reader.facts(of: [code]))[code]?.facts, "\(code)")
                }
            }
        }
    }

    @Test func aScanAfterACodeReadsOnlyTheCustomersAfterIt() async throws {
        try await Self.withBook { pool in
            try await pool.transaction(isolation: .repeatableRead) { connection in
                var scan = BookScan(connection: connection, utcOffsetSeconds: 8 * 3600)
                scan.fetchSize = 5
                var all: [StoredFacts] = []
                try scan.forEachDecodedRun(customers: 1_000) { all += $0 }
                var rest: [StoredFacts] = []
                try scan.forEachDecodedRun(after: "C059", customers: 9) { rest += $0 }
                #expect(rest.map(\.facts.customerCode) == all.filter { $0.facts.customerCode > "C059" }
                    .map(\.facts.customerCode))
                #expect(rest.map(\.facts) == all.filter { $0.facts.customerCode > "C059" }.map(\.facts),
                        "a claim is the policyholder's too however the scan starts")
            }
        }
    }

    @Test func theMeasurementPartsSeeEveryCustomerWithTheFactsMeasuringNeeds() async throws {
        try await Self.withBook { pool in
            try await pool.transaction(isolation: .repeatableRead) { connection in
                let scan = BookScan(connection: connection, utcOffsetSeconds: 8 * 3600)
                var all: [StoredFacts] = [], measured: [StoredFacts] = []
                try scan.forEachDecodedRun(customers: 50) { all += $0 }
                try scan.forEachDecodedRun(parts: BookScan.Part.measurement, customers: 50) { measured += $0 }
                #expect(measured.map(\.facts.customerCode) == all.map(\.facts.customerCode),
                        "customers with only claims or interactions are counted too")
                for (part, whole) in zip(measured, all) {
                    #expect(part.facts.policies == whole.facts.policies && part.facts.payments == whole.facts.payments
                        && part.facts.profile == whole.facts.profile
                        && part.facts.serviceUsage == whole.facts.serviceUsage)
                    #expect(part.facts.claims.isEmpty && part.facts.interactions.isEmpty && part.facts.servicing.isEmpty)
                }
            }
        }
    }

    @Test func aPassHandsEveryCustomerToExactlyOneWorkerAndEndsWithTheRestOfTheBook() async throws {
        try await Self.withBook { pool in
            let read = Mutex<[BookRun]>([])
            var pass = BookPass(pool: pool, runSize: 7, workers: 3, utcOffsetSeconds: 8 * 3600)
            pass.fetchSize = 5
            let partials = try await pass.run(start: { [String]() }, onRead: { run in
                read.withLock { $0.append(run) }
            }) { codes, run in
                codes += try run.facts(utcOffsetSeconds: 8 * 3600).map(\.facts.customerCode)
            }
            #expect(partials.count == 3)
            #expect(partials.flatMap { $0 }.sorted() == (0..<120).map(Self.code), "each customer once")
            let runs = read.withLock { $0 }
            #expect(runs.map(\.index) == Array(runs.indices), "runs are read in order")
            #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.through == $1.after }, "ranges follow each other")
            #expect(runs.last.map { $0.fetched.isEmpty && $0.through == nil && $0.after == "C119" } == true,
                    "the last run covers the codes after the last customer")
        }
    }

    @Test func aWorkerThatFailsStopsThePass() async throws {
        struct Broken: Error {}
        try await Self.withBook { pool in
            let read = Mutex(0)
            var pass = BookPass(pool: pool, runSize: 1, workers: 2, utcOffsetSeconds: 8 * 3600)
            pass.fetchSize = 3
            await #expect(throws: Broken.self) {
                _ = try await pass.run(start: { 0 }, onRead: { _ in read.withLock { $0 += 1 } }) { _, run in
                    if run.index == 2 { throw Broken() }
                }
            }
            #expect(read.withLock { $0 } < 10, "the scan stopped soon after, far from the end of the book")
            // The scan's transaction ended: the pool's connections are free for the next pass.
            let again = try await pass.run(start: { 0 }) { count, run in count += run.fetched.count }
            #expect(again.reduce(0, +) == 120)
        }
    }
}
