import NIOCore

/// One timer per connection for the deadlines of all its calls, instead of one scheduled task per call.
///
/// It is armed for the earliest deadline it was told of; when it fires, the owner expires what is due and arms it
/// again for the earliest deadline left. A call that finishes early costs nothing (no timer to cancel), and calls
/// with later deadlines than the armed one (the usual case: the same timeout, started later) cost a comparison.
/// Confined to the owner's event loop.
struct DeadlineSweep {
    private var timer: Scheduled<Void>?
    private var armedFor: NIODeadline?

    /// True when a sweep is already due by `deadline`, so that `arm` would change nothing (the common case).
    func covers(_ deadline: NIODeadline) -> Bool { armedFor.map { $0 <= deadline } ?? false }

    /// Makes sure `sweep` runs at or soon after `deadline`.
    mutating func arm(_ deadline: NIODeadline, on loop: any EventLoop, _ sweep: @escaping @Sendable () -> Void) {
        if covers(deadline) { return }
        timer?.cancel()
        armedFor = deadline
        timer = loop.scheduleTask(deadline: deadline) { sweep() }
    }

    /// Forgets the armed timer: first thing in the sweep (the timer has fired, so that `arm` can set the next one),
    /// and on close.
    mutating func disarm() {
        timer?.cancel()
        timer = nil
        armedFor = nil
    }

    /// Splits calls into those whose deadline has passed by `now` and the earliest deadline still to come.
    static func due(_ calls: some Sequence<(callID: UInt64, deadline: NIODeadline?)>, now: NIODeadline = .now())
        -> (expired: [UInt64], next: NIODeadline?)
    {
        var next: NIODeadline?
        var expired: [UInt64] = []
        for (callID, deadline) in calls {
            guard let deadline else { continue }
            if deadline <= now {
                expired.append(callID)
            } else if next.map({ deadline < $0 }) ?? true {
                next = deadline
            }
        }
        return (expired, next)
    }
}
