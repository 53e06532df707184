import CLMTesting
import Foundation
import IdentityAPI
import Logging
import Models
import RPC
import ScoringAPI
@testable import ScoringService
import ServiceRuntime
import Store
import Testing

/// What the scoring end-to-end tests share: the two services over one database, the book sent to identity, polling
/// for cards, and looks at scoring's tables.
enum ScoringSupport {
    /// Both services against a fresh database, scoring as of the book's day.
    /// - Parameter environment: more settings for the services (e.g. `CLM_SCORING_INITIAL_RULE_SET`).
    static func start(prefix: String, environment: [String: String] = [:]) async throws
        -> (ServiceProcesses, TestDatabase)
    {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity, .scoring], prefix: prefix)
        let suite = try await ServiceProcesses.start(
            [.identity, .scoring], database: database,
            // No scheduled full rescore in the middle of a test (fixture cards without facts would go).
            environment: environment.merging(["CLM_SCORING_AS_OF": ScoringBook.asOf, "CLM_SCORING_RESCORE_AT": "off"])
                { mine, _ in mine })
        return (suite, database)
    }

    /// Sends the whole book to identity; returns the codes of customers A and B.
    static func ingestBook(_ identity: RPCClient) async throws -> (a: String, b: String) {
        let parties = try await identity.call(IdentityAPI.ingestParties,
                                              IngestPartiesRequest(records: [ScoringBook.partyA, ScoringBook.partyB]))
        let codes = parties.results.map(\.customerCode)
        precondition(codes.count == 2 && codes[0] != codes[1] && !codes.contains(""), "two customers: \(parties)")
        for (name, outcomes) in [
            ("policies", try await identity.call(IdentityAPI.ingestPolicies,
                                                 IngestPoliciesRequest(records: ScoringBook.policies)).results),
            ("payments", try await identity.call(IdentityAPI.ingestPayments,
                                                 IngestPaymentsRequest(records: ScoringBook.payments)).results),
            ("claims", try await identity.call(IdentityAPI.ingestClaims,
                                               IngestClaimsRequest(records: ScoringBook.claims)).results),
            ("service usage", try await identity.call(IdentityAPI.ingestServiceUsage,
                                                      IngestServiceUsageRequest(records: ScoringBook.serviceUsage)).results),
            ("interactions", try await identity.call(IdentityAPI.ingestInteractions,
                                                     IngestInteractionsRequest(records: ScoringBook.interactions)).results),
        ] {
            precondition(outcomes.allSatisfy { $0.outcome == .created }, "\(name) not all stored: \(outcomes)")
        }
        return (codes[0], codes[1])
    }

    /// The card of `code` once `until` holds for it, polling for up to 20 s (the feed and the rescorer are
    /// asynchronous); the last card seen otherwise, or nil when there was none.
    static func card(_ code: String, _ scoring: RPCClient, until: (ScoreCard) -> Bool) async throws -> ScoreCard? {
        let giveUp = ContinuousClock.now + .seconds(20)
        var last: ScoreCard?
        while true {
            do {
                last = try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: code)).scoreCard
            } catch {
                // The call throws RPCError only; NOT_FOUND means no card yet.
                guard error.status == .notFound else { throw error }
                last = nil
            }
            if let card = last, until(card) { return card }
            if ContinuousClock.now > giveUp { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The cards of the book's customers A and B once both carry all their facts and were scored under `ruleSetID`.
    static func bookCards(_ a: String, _ b: String, _ scoring: RPCClient, ruleSetID: String) async throws
        -> (a: ScoreCard, b: ScoreCard)
    {
        let cardA = try #require(try await card(a, scoring) {
            $0.value.ruleSetId == ruleSetID && $0.metrics.policyCount == 2 && $0.risk.claimCount == 1
                && $0.metrics.serviceUses == 1 && $0.metrics.interactionCount == 1
        }, "A was never scored under \(ruleSetID)")
        let cardB = try #require(try await card(b, scoring) { $0.value.ruleSetId == ruleSetID && $0.risk.claimCount == 1 },
                                 "B was never scored under \(ruleSetID)")
        return (cardA, cardB)
    }

    /// The RPC error `body` throws, or nil when it succeeds.
    static func failure(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.unknown, "not an RPC error: \(error)")
        }
    }

    /// `actual` within a millionth (relative) of `expected`.
    static func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= 1e-6 * max(1, abs(expected))
    }

    /// Runs `body` with a pool, as scoring's role, on a fresh database whose `scoring` schema is migrated: for tests
    /// that drive the service's stores directly, without its process.
    static func withMigratedSchema(prefix: String, _ body: (PostgresPool) async throws -> Void) async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.scoring], prefix: prefix)
        try await withPostgresPool(database.configuration(user: ServiceName.scoring.databaseRole)) { pool in
            _ = try await SchemaMigrator.migrate(schema: ServiceName.scoring.schema, migrations: ScoringMigrations.all,
                                             pool: pool, logger: Logger(label: "scoring-test-\(prefix)"))
            try await body(pool)
        }
    }

    /// Runs `body` with a superuser pool on the test database.
    static func withDatabase<T: Sendable>(_ database: TestDatabase, _ body: (PostgresPool) async throws -> T)
        async throws -> T
    {
        try await withPostgresPool(database.superuser, label: "clm.test.scoring", body)
    }
}
