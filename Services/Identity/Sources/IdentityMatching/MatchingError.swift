/// Why matching settings were refused.
public struct MatchingError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: Sendable, Hashable {
        /// More fields than the packed level vector holds (16).
        case tooManyFields
        /// A field with more levels than the packed level vector holds (13 listed levels plus *null* and *else*).
        case tooManyLevels
        /// No field comparison, or none of the records holds any compared field.
        case noFields
        /// No blocking rule.
        case noBlockingRules
        /// Two records share an id.
        case duplicateRecordID
        /// A setting out of its range (a probability outside 0…1, a negative cap, …).
        case invalidSetting
    }

    /// The kind of failure.
    public var code: Code
    /// What was wrong, for people.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "MatchingError(\(code)): \(message)" }
}
