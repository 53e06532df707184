/// Why a message could not be encoded or decoded.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case malformed, unknownMessageType, unknownField, typeMismatch, unknownEnumValue, valueOutOfRange
        }
        private let base: Base

        /// The bytes are not a valid encoding of the expected message (truncated, garbled, wrong type).
        public static let malformed = Code(base: .malformed)
        /// No message of that name is in the protos this build was generated from.
        public static let unknownMessageType = Code(base: .unknownMessageType)
        /// A Swift property names no field of the proto message: the Swift type and the proto have drifted.
        public static let unknownField = Code(base: .unknownField)
        /// A Swift value does not fit the proto field's type (a string for an int64, say).
        public static let typeMismatch = Code(base: .typeMismatch)
        /// An enum number or name the proto enum does not declare.
        public static let unknownEnumValue = Code(base: .unknownEnumValue)
        /// A number too large or small for the field or for the Swift type it decodes into.
        public static let valueOutOfRange = Code(base: .valueOutOfRange)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The proto message concerned, e.g. `clm.rpc.v1.RequestEnvelope`.
    public var messageType: String
    /// The field concerned, dotted from the message, when there is one.
    public var field: String?
    /// What went wrong, for a person.
    public var message: String

    public init(_ code: Code, messageType: String, field: String? = nil, _ message: String) {
        self.code = code
        self.messageType = messageType
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = field.map { "\(messageType).\($0)" } ?? messageType
        return "\(place): \(message)"
    }
}
