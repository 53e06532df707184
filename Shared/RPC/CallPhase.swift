import Synchronization

/// Where one client call stands, shared by the call and its cancellation handler, which may run on any thread at
/// any moment: new, then queued for the event loop, or cancelled first.
///
/// It closes the gap in which a cancellation would be lost: one that arrives before the request reaches the event
/// loop finds no pending entry there to fail. Whichever side loses the race to move the phase on is the one that
/// asks the event loop to fail the call, and that request runs after the drain that registers the call, since the
/// drain was scheduled when the call was queued.
final class CallPhase: Sendable {
    private static let new: UInt8 = 0
    private static let queued: UInt8 = 1
    private static let cancelled: UInt8 = 2
    private let value = Atomic<UInt8>(CallPhase.new)

    var isCancelled: Bool { value.load(ordering: .acquiring) == Self.cancelled }

    /// False when the call was cancelled before it was queued.
    func markQueued() -> Bool {
        value.compareExchange(expected: Self.new, desired: Self.queued, ordering: .acquiringAndReleasing).exchanged
    }

    /// True when the call was already queued, so that the event loop must fail it.
    func markCancelled() -> Bool {
        !value.compareExchange(expected: Self.new, desired: Self.cancelled, ordering: .acquiringAndReleasing).exchanged
            && value.load(ordering: .acquiring) == Self.queued
    }
}
