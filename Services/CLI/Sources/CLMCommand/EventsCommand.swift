import ArgumentParser
import Foundation
import Models
import NIOCore
import RPC
import ServiceAPI

/// `clm events SERVICE`: reads a service's event feed, once or following it.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print a service's feed events after a position; --follow keeps waiting for more.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "identity, scoring, lifecycle or retention.")
    var service: ServiceName

    @Option(help: "Print events after this position (0: from the start).")
    var after: Int64 = 0

    @Option(help: "Events per request (1 to 10000).")
    var limit: Int32 = 100

    @Flag(help: "Keep following the feed until interrupted.")
    var follow = false

    struct Line: Encodable {
        var position: Int64
        var type: String
        var subject: String
        var occurredAtMicros: Int64?
        var traceID: String
        var payloadBytes: Int
    }

    func run() async throws {
        let client = RPCClient(.folder(global.layout.folder(for: service)))
        var position = after
        repeat {
            let answer: ListEventsResponse
            do {
                answer = try await client.call(
                    CommonAPI.listEvents, ListEventsRequest(after: position, limit: limit, waitMillis: follow ? 10_000 : 0),
                    timeout: .seconds(global.timeout + (follow ? 10 : 0)))
            } catch {
                throw CommandFailure(explain(error, service: service))
            }
            for event in answer.events {
                let line = Line(position: event.position, type: event.type, subject: event.subject,
                                occurredAtMicros: event.occurredAt?.unixMicros, traceID: event.traceID,
                                payloadBytes: event.payload.count)
                if global.json {
                    try printJSON(line)
                } else {
                    print("\(line.position)\t\(line.type)\t\(line.subject)\t\(line.payloadBytes) bytes\ttrace \(line.traceID)")
                }
                position = event.position
            }
            if !follow && !global.json { print("head position \(answer.headPosition)") }
        } while follow
        await client.close()
    }
}
