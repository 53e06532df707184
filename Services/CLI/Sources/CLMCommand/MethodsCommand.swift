import ArgumentParser
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI

/// `clm methods SERVICE`: the methods a service serves, who may call them, and which are built.
struct MethodsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methods", abstract: "List the methods a service serves, with the roles each needs.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "identity, scoring, lifecycle or retention.")
    var service: ServiceName

    func run() async throws {
        let client = RPCClient(.folder(global.layout.folder(for: service)))
        defer { Task { await client.close() } }
        let answer: ListMethodsResponse
        do {
            answer = try await client.call(CommonAPI.listMethods, ListMethodsRequest(), timeout: .seconds(global.timeout))
        } catch {
            throw CommandFailure(explain(error, service: service))
        }
        if global.json {
            try printJSON(answer)
            return
        }
        let width = answer.methods.map(\.name.count).max() ?? 0
        for method in answer.methods {
            let roles = method.roles.isEmpty ? "any caller" : method.roles.joined(separator: ",")
            let state = method.implemented ? "" : "  [not built yet]"
            print("\(method.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(roles)\(state)")
        }
        let missing = answer.methods.filter { !$0.implemented }.count
        print("\(answer.methods.count) methods, \(answer.methods.count - missing) built, \(missing) not built yet")
    }
}
