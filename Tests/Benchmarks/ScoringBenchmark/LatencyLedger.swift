import Synchronization

/// What happened to each event of the stream, written by the sender and the two watchers.
///
/// Times are wall-clock microseconds (`Timestamp.now`), the clock the scoring service writes `scored_at` with, so
/// that the service's own time can be set beside what the watchers saw.
final class LatencyLedger: Sendable {
    /// One event's times; nil until they happen.
    struct Entry: Sendable {
        var code = ""
        var measured = false
        var stored = false
        var sentAt: Int64?
        var returnedAt: Int64?
        /// When identity's feed first served an event of the ingest (matched by trace id), and the highest feed
        /// position among them: the card that includes the record has `facts_position` at least this.
        var feedAt: Int64?
        var position: Int64?
        /// When the score-card watcher first saw a card of the customer with `facts_position ≥ position`, and that
        /// card's `scored_at`.
        var cardAt: Int64?
        var scoredAt: Int64?
    }

    private struct State {
        var entries: [Entry]
        /// Events whose feed position is known and whose card has not been seen, by number.
        var awaitingCard: [Int: (code: String, position: Int64)] = [:]
    }

    private let state: Mutex<State>

    init(events: Int) {
        state = Mutex(State(entries: Array(repeating: Entry(), count: events)))
    }

    func sent(_ number: Int, code: String, measured: Bool, at time: Int64) {
        state.withLock {
            $0.entries[number].code = code
            $0.entries[number].measured = measured
            $0.entries[number].sentAt = time
        }
    }

    func returned(_ number: Int, stored: Bool, at time: Int64) {
        state.withLock {
            $0.entries[number].returnedAt = time
            $0.entries[number].stored = stored
        }
    }

    /// Identity's feed served an event of ingest `number` at `position`.
    func feedServed(_ number: Int, position: Int64, at time: Int64) {
        state.withLock { state in
            guard state.entries.indices.contains(number) else { return }
            var entry = state.entries[number]
            if entry.feedAt == nil { entry.feedAt = time }
            entry.position = max(entry.position ?? 0, position)
            state.entries[number] = entry
            if entry.cardAt == nil, let position = entry.position {
                state.awaitingCard[number] = (entry.code, position)
            }
        }
    }

    /// The events the score-card watcher is to look for.
    func awaitingCard() -> [Int: (code: String, position: Int64)] { state.withLock { $0.awaitingCard } }

    /// A card including event `number`'s facts was seen at `time`.
    func cardSeen(_ number: Int, at time: Int64, scoredAt: Int64) {
        state.withLock {
            guard $0.entries[number].cardAt == nil else { return }
            $0.entries[number].cardAt = time
            $0.entries[number].scoredAt = scoredAt
            $0.awaitingCard[number] = nil
        }
    }

    /// Measured events still without a card.
    func measuredOutstanding() -> Int {
        state.withLock { state in state.entries.filter { $0.measured && $0.stored && $0.cardAt == nil }.count }
    }

    /// Every entry, for the report.
    func entries() -> [Entry] { state.withLock { $0.entries } }
}
