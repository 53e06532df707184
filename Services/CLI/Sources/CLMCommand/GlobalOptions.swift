public import ArgumentParser
import Foundation
import Models
import RPC

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("socket-dir"), help: "Root folder of the suite's sockets. Env CLM_SOCKET_DIR; default /run/clm.")
    var socketDirectory: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "Seconds to wait for an answer.")
    var timeout: Int64 = 10

    var layout: SocketLayout {
        SocketLayout(root: socketDirectory ?? ProcessInfo.processInfo.environment["CLM_SOCKET_DIR"] ?? "/run/clm")
    }
}

extension ServiceName: ExpressibleByArgument {}

/// Prints `value` as pretty JSON with sorted keys.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// What to tell the operator when a call fails, with a hint for the common causes.
func explain(_ error: RPCError, service: ServiceName) -> String {
    switch error.status {
    case .unavailable: "\(service): \(error.message)"
    case .permissionDenied: "\(service): \(error.message) (set CLM_ACCESS for the service to grant roles to your uid)"
    default: "\(service): \(error.status): \(error.message)"
    }
}

/// A failure to report as it is, without the usage text ArgumentParser adds to validation errors.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
