import ArgumentParser
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI

/// `clm health [SERVICE]`: asks every replica of every service (or of one) whether it is serving.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Show whether each replica of each service is serving; exit 1 if any is not.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "identity, scoring, lifecycle or retention; all four when left out.")
    var service: ServiceName?

    @Option(help: "Check only this replica's socket (a container's health check passes its own host name).")
    var replica: String?

    /// One replica's answer, or why there is none.
    struct ReplicaHealth: Encodable {
        var service: String
        var replica: String
        var serving: Bool
        var version: String?
        var uptimeSeconds: Int64?
        var schemaVersion: Int32?
        var problems: [String]
    }

    func run() async throws {
        let services = service.map { [$0] } ?? ServiceName.allCases
        var rows: [ReplicaHealth] = []
        for service in services {
            rows += await check(service)
        }
        if global.json {
            try printJSON(rows)
        } else {
            for row in rows {
                let state = row.serving ? "SERVING" : "NOT SERVING"
                let facts = [row.version.map { "v\($0)" }, row.schemaVersion.map { "schema \($0)" },
                             row.uptimeSeconds.map { "up \($0)s" }].compactMap { $0 }.joined(separator: ", ")
                print("\(row.service.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                      + "\(row.replica.padding(toLength: 16, withPad: " ", startingAt: 0)) \(state)"
                      + (facts.isEmpty ? "" : "  (\(facts))"))
                for problem in row.problems { print("    \(problem)") }
            }
        }
        if rows.contains(where: { !$0.serving }) { throw ExitCode(1) }
    }

    private func check(_ service: ServiceName) async -> [ReplicaHealth] {
        let folder = global.layout.folder(for: service)
        var sockets = SocketLayout.sockets(in: folder)
        if let replica {
            sockets = sockets.filter { $0 == global.layout.socket(for: service, replica: replica) }
        }
        guard !sockets.isEmpty else {
            let which = replica.map { "replica \($0) is not listening" } ?? "no replica is listening"
            return [ReplicaHealth(service: service.rawValue, replica: replica ?? "-", serving: false,
                                  problems: ["\(which) in \(folder); is the service running?"])]
        }
        var rows: [ReplicaHealth] = []
        for socket in sockets {
            let replica = String(socket.split(separator: "/").last!.dropLast(".sock".count))
            let client = RPCClient(.socket(socket), maxAttempts: 1)
            do {
                let answer = try await client.call(CommonAPI.check, HealthCheckRequest(),
                                                   timeout: .seconds(global.timeout))
                rows.append(ReplicaHealth(service: service.rawValue, replica: answer.replica,
                                          serving: answer.status == .serving, version: answer.version,
                                          uptimeSeconds: answer.uptimeSeconds, schemaVersion: answer.schemaVersion,
                                          problems: answer.problems))
            } catch {
                rows.append(ReplicaHealth(service: service.rawValue, replica: replica, serving: false,
                                          problems: [explain(error, service: service)
                                                     + " (a stale socket of a stopped replica?)"]))
            }
            await client.close()
        }
        return rows
    }
}
