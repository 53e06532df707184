import Foundation

/// The table `clm-bench` prints, with the ratios to the raw baseline and the targets.
struct Report {
    let options: BenchmarkOptions
    let messageBytes: Int
    let codecNanos: Double
    let envelopeNanos: Double
    let latency: LatencySample
    let transport: LatencySample
    let callsPerSecond: Double
    let raw: RawBaseline?

    /// p50 of a typed call within this many times the raw round trip.
    static let latencyTarget = 5.0
    /// Calls per second with 32 in flight.
    static let throughputTarget = 100_000.0

    func print() {
        let rule = String(repeating: "-", count: 78)
        Swift.print(rule)
        Swift.print(row("measurement", "p50 µs", "p99 µs", "per second"))
        Swift.print(rule)
        if let raw {
            Swift.print(row("raw C read/write ping-pong, \(messageBytes) B", fixed(raw.p50Micros),
                            fixed(raw.p99Micros), whole(raw.roundTripsPerSecond)))
        }
        Swift.print(row("rpc typed call, 1 in flight (\(options.calls))", fixed(latency.p50Micros),
                        fixed(latency.p99Micros), whole(latency.callsPerSecond)))
        Swift.print(row("rpc bytes call (no codec), 1 in flight", fixed(transport.p50Micros),
                        fixed(transport.p99Micros), whole(transport.callsPerSecond)))
        Swift.print(row("rpc typed calls, \(options.inFlight) in flight, 1 connection", "", "",
                        whole(callsPerSecond)))
        Swift.print(row("codec: encode+decode typed payload", fixed(codecNanos / 1_000), "",
                        whole(1e9 / codecNanos)))
        Swift.print(row("codec: frame+unframe request envelope", fixed(envelopeNanos / 1_000), "",
                        whole(1e9 / envelopeNanos)))
        Swift.print(rule)
        if let raw {
            let ratio = latency.p50Micros / raw.p50Micros
            Swift.print("rpc p50 / raw p50 = \(fixed(ratio))×   (target ≤ \(fixed(Self.latencyTarget))×: "
                + (ratio <= Self.latencyTarget ? "met" : "missed") + ")")
        }
        Swift.print("calls/s at \(options.inFlight) in flight = \(whole(callsPerSecond))   (target ≥ "
            + "\(whole(Self.throughputTarget)): " + (callsPerSecond >= Self.throughputTarget ? "met" : "missed") + ")")
    }

    private func row(_ name: String, _ p50: String, _ p99: String, _ rate: String) -> String {
        name.padding(toLength: 46, withPad: " ", startingAt: 0) + pad(p50, 9) + pad(p99, 9) + pad(rate, 13)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
    private func whole(_ value: Double) -> String { String(format: "%.0f", value) }
}
