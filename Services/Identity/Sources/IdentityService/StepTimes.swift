import Models

/// How long each step of a long job took, in order, for its report ("golden records 4.1 s, links 9.8 s").
struct StepTimes: Sendable, CustomStringConvertible {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var steps: [(name: String, duration: Duration)] = []

    init() { last = clock.now }

    /// Ends the step running since the previous call (or since creation) under `name`.
    mutating func end(_ name: String) {
        let now = clock.now
        steps.append((name, now - last))
        last = now
    }

    var description: String {
        steps.map { "\($0.name) \(($0.duration.inSeconds * 10).rounded() / 10) s" }.joined(separator: ", ")
    }
}
