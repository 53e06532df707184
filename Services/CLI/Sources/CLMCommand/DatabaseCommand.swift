import ArgumentParser
import Foundation
import Logging
import Models
import ServiceRuntime
import Store

/// `clm db init`: makes each service's role and schema in a database, as a superuser. Safe to run again.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Set up the suite's database.", subcommands: [Init.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create the four service roles and schemas (idempotent). Connects as a superuser via PG* variables.",
            discussion: """
                Each service gets a role clm_<service> that owns schema <service> and has no rights on the others. \
                Passwords are taken from CLM_DB_PASSWORD_<SERVICE> (e.g. CLM_DB_PASSWORD_IDENTITY) when set; \
                without one a role can log in only where pg_hba trusts the local socket.
                """)

        @Option(name: .customLong("database"), help: "Database to create the schemas in; created if missing.")
        var database = "clm"

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let logger = Logger(label: "clm.db")
            try await SuiteDatabase.initialize(database: database, superuser: PostgresConfiguration(
                environment: environment, applicationName: "clm db init"), environment: environment, logger: logger)
            print("database \(database): roles and schemas of \(ServiceName.allCases.map(\.rawValue).joined(separator: ", ")) are in place")
        }
    }
}
