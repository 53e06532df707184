import Models
import RPC
import ServiceAPI
import Synchronization

/// Follows identity's own feed the way scoring's consumer does (`ListEvents`, long-polling): the moment an event is
/// served here is the moment it is visible to any consumer. That is the baseline of the latency part — identity
/// alone, ingest return to feed event — and it gives each ingest's feed position, which tells the score-card
/// watcher which card includes the record.
///
/// Events are matched to the ingest that caused them by trace id: the loader sends each record with a trace id of
/// its own (`traceID(for:)`) and identity writes it on the events of that call.
final class IdentityFeedWatcher: Sendable {
    private let client: RPCClient
    private let ledger: LatencyLedger
    private let head = Atomic<Int64>(0)

    init(client: RPCClient, ledger: LatencyLedger) {
        self.client = client
        self.ledger = ledger
    }

    /// The position of the last event served so far.
    var position: Int64 { head.load(ordering: .relaxed) }

    /// The trace id of stream event `number`: a fixed prefix no generated trace id is likely to have, and the
    /// number, in the 16 lowercase hex digits of the suite's trace ids.
    static func traceID(for number: Int) -> String {
        let hex = String(number, radix: 16)
        return prefix + String(repeating: "0", count: 8 - hex.utf8.count) + hex
    }

    private static let prefix = "5cb05cb0"

    /// The stream event a trace id names, if it is one of the loader's.
    static func number(of traceID: String) -> Int? {
        guard traceID.utf8.count == 16, traceID.hasPrefix(prefix) else { return nil }
        return Int(traceID.dropFirst(prefix.utf8.count), radix: 16)
    }

    /// Reads the feed from the start until cancelled.
    func run() async {
        var after: Int64 = 0
        while !Task.isCancelled {
            let events: [FeedEvent]
            do {
                events = try await client.call(CommonAPI.listEvents,
                                               ListEventsRequest(after: after, limit: 1_000, waitMillis: 500)).events
            } catch {
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            let now = Timestamp.now.unixMicros
            for event in events {
                if let number = Self.number(of: event.traceID) {
                    ledger.feedServed(number, position: event.position, at: now)
                }
                after = event.position
            }
            head.store(after, ordering: .relaxed)
        }
    }
}
