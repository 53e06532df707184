import Foundation

extension Timestamp {
    /// This instant, to the microsecond.
    public static var now: Timestamp { Timestamp(unixMicros: Int64(Date().timeIntervalSince1970 * 1_000_000)) }
}
