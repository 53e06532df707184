import Models

/// The daily slot of the scheduled full rescore: a time of day in the book's time zone.
struct RescoreSchedule: Sendable, Hashable {
    /// Minutes after midnight, book time.
    var minuteOfDay: Int
    /// The book's offset from UTC.
    var utcOffsetSeconds: Int

    private static let microsPerDay: Int64 = 86_400_000_000

    /// The latest slot at or before `now`.
    func lastSlot(atOrBefore now: Timestamp) -> Timestamp {
        let offset = Int64(utcOffsetSeconds) * 1_000_000
        let local = now.unixMicros + offset
        let midnight = local - ((local % Self.microsPerDay) + Self.microsPerDay) % Self.microsPerDay
        var slot = midnight + Int64(minuteOfDay) * 60_000_000
        if slot > local { slot -= Self.microsPerDay }
        return Timestamp(unixMicros: slot - offset)
    }

    /// The first slot after `now`.
    func nextSlot(after now: Timestamp) -> Timestamp {
        Timestamp(unixMicros: lastSlot(atOrBefore: now).unixMicros + Self.microsPerDay)
    }
}
