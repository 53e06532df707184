import CLMTesting
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI
import Store
import Testing

/// The four real executables on Unix sockets against the real PostgreSQL, driven from outside as an operator would.
@Suite(.serialized) struct SuiteEndToEndTests {
    @Test func clmHealthSeesAllFourServicesServing() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase()
        let suite = try await ServiceProcesses.start(ServiceName.allCases, database: database)
        defer { Task { await suite.stopAll() } }

        let health = try runCLM(["health", "--json", "--socket-dir", suite.socketRoot])
        #expect(health.status == 0, "clm health failed:\n\(health.output)")
        let rows = try JSONDecoder().decode([HealthRow].self, from: Data(health.stdout.utf8))
        #expect(Set(rows.map(\.service)) == Set(ServiceName.allCases.map(\.rawValue)))
        #expect(rows.allSatisfy { $0.serving && $0.problems.isEmpty && ($0.schemaVersion ?? 0) >= 1 })

        let methods = try runCLM(["methods", "identity", "--json", "--socket-dir", suite.socketRoot])
        #expect(methods.status == 0)
        let listing = try JSONDecoder().decode(ListMethodsResponse.self, from: Data(methods.stdout.utf8))
        #expect(listing.methods.contains { $0.name == "/clm.rpc.v1.Health/Check" && $0.implemented })
        #expect(listing.methods.contains { $0.name == "/clm.identity.v1.Identity/ResolveParty" && $0.implemented })
        let identityMethods = listing.methods.filter { $0.name.hasPrefix("/clm.identity.v1.") }
        #expect(identityMethods.count == 24 && identityMethods.allSatisfy { $0.implemented })
        await suite.stopAll()
    }

    @Test func clmHealthNamesAServiceThatIsDownAndFails() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase()
        let suite = try await ServiceProcesses.start([.identity, .scoring], database: database)
        #expect(await suite.terminate(.scoring) == 0)

        let health = try runCLM(["health", "--socket-dir", suite.socketRoot])
        #expect(health.status == 1)
        #expect(health.output.contains("identity"))
        #expect(health.output.contains("no replica is listening in \(suite.socketRoot)/scoring"))
        await suite.stopAll()
    }

    @Test func sigtermWhileCallsAreInFlightLetsThemFinishAndExitsZero() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase([.identity])
        let suite = try await ServiceProcesses.start([.identity], database: database)
        let client = suite.client(.identity)

        // Feed reads that wait 1.5 s for events that never come: calls that are still running when SIGTERM lands.
        let calls = (0..<5).map { _ in
            Task { try await client.call(CommonAPI.listEvents, ListEventsRequest(after: 0, limit: 10, waitMillis: 1_500)) }
        }
        try await Task.sleep(for: .milliseconds(400))
        suite.process(.identity)?.terminate()  // SIGTERM
        for call in calls {
            let answer = try await call.value  // OK, not UNAVAILABLE: the call finished its wait
            #expect(answer.events.isEmpty)
        }
        let status = await suite.terminate(.identity)
        #expect(status == 0, "clm-identity exited with \(status):\n\(suite.logTail(.identity))")
        #expect(SocketLayout.sockets(in: suite.layout.folder(for: .identity)).isEmpty, "the socket file outlived the process")
        await client.close()
        await suite.stopAll()
    }

    @Test func noServiceRoleCanReadAnotherServicesSchema() async throws {
        let database = try await PostgresTestCluster.shared().createSuiteDatabase()
        // Starting the services applies their migrations, so every schema has its outbox.
        let suite = try await ServiceProcesses.start(ServiceName.allCases, database: database)
        await suite.stopAll()
        for reader in ServiceName.allCases {
            try await withPostgresPool(database.configuration(user: reader.databaseRole, poolSize: 1)) { pool in
                for owner in ServiceName.allCases {
                    let query = "SELECT count(*) AS n FROM \(owner.schema).outbox"
                    if owner == reader {
                        let rows = try await pool.withConnection { try $0.query(query) }
                        #expect(try rows[0].decode(Int.self, "n") == 0)
                    } else {
                        do {
                            _ = try await pool.withConnection { try $0.query(query) }
                            Issue.record("\(reader.databaseRole) could read \(owner.schema).outbox")
                        } catch let error as StoreError {
                            #expect(error.code == .insufficientPrivilege, "\(reader) on \(owner): \(error)")
                        }
                    }
                }
            }
        }
    }
}

/// One row of `clm health --json`.
struct HealthRow: Decodable {
    var service: String
    var replica: String
    var serving: Bool
    var schemaVersion: Int32?
    var problems: [String]
}

/// What a `clm` run printed and how it ended.
struct CLMRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var output: String { stdout + stderr }
}

/// Runs the real `clm` executable.
func runCLM(_ arguments: [String]) throws -> CLMRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(ServiceProcesses.binaryFolder)/clm")
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLMRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                  stderr: String(decoding: stderr, as: UTF8.self))
}
