import Models
import RPC
import Synchronization

/// Sends the stream's events to identity at a steady rate: event `i` leaves at `start + i / rate` on the continuous
/// clock, each in a task of its own so that a slow answer does not hold back the next event. The schedule is
/// absolute, so a late wake-up does not shift the events after it; when identity falls behind and `maxInFlight`
/// calls are waiting, the sender waits too and the achieved rate says so.
struct PacedSender: Sendable {
    let identity: RPCClient
    let ledger: LatencyLedger
    let book: LatencyBook
    /// The customer code identity gave each customer of `book`, by number.
    let codes: [String]
    let rate: Double
    /// Events from this number on are timed; those before are the warm-up.
    let firstMeasured: Int
    var maxInFlight = 256

    /// How the sending went.
    struct Outcome {
        /// Events per second over the timed events: from the first one's departure to the last one's.
        var achievedRate: Double
        /// The latest any event left after its slot.
        var worstLagMillis: Double
        var failed: Int
    }

    func send(events: Int) async throws -> Outcome {
        let clock = ContinuousClock()
        let counters = Counters()
        var worstLag = Duration.zero
        var firstMeasuredAt = clock.now
        var lastAt = clock.now
        let start = clock.now + .milliseconds(10)
        try await withThrowingDiscardingTaskGroup { group in
            for number in 0..<events {
                let slot = start + .seconds(Double(number) / rate)
                if clock.now < slot { try await Task.sleep(until: slot, tolerance: .microseconds(100), clock: clock) }
                while counters.inFlight.load(ordering: .relaxed) >= maxInFlight {
                    try await Task.sleep(for: .microseconds(200))
                }
                let now = clock.now
                worstLag = max(worstLag, now - slot)
                if number == firstMeasured { firstMeasuredAt = now }
                lastAt = now
                let customer = number % book.count
                let event = LatencyEvent.make(number, customer: customer, book: book)
                counters.inFlight.add(1, ordering: .relaxed)
                ledger.sent(number, code: codes[customer], measured: number >= firstMeasured,
                            at: Timestamp.now.unixMicros)
                group.addTask { [identity, ledger, counters] in
                    defer { counters.inFlight.subtract(1, ordering: .relaxed) }
                    let stored = (try? await event.send(identity, traceID: IdentityFeedWatcher.traceID(for: number)))
                        ?? false
                    ledger.returned(number, stored: stored, at: Timestamp.now.unixMicros)
                    if !stored { counters.failed.add(1, ordering: .relaxed) }
                }
            }
        }
        let timed = max(1, events - firstMeasured - 1)
        return Outcome(achievedRate: Double(timed) / max(1e-9, (lastAt - firstMeasuredAt).inSeconds),
                       worstLagMillis: worstLag.inSeconds * 1_000, failed: counters.failed.load(ordering: .relaxed))
    }
}

/// The sender's counts, shared with the tasks it starts.
private final class Counters: Sendable {
    let inFlight = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
}
