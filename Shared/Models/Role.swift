/// A role a caller holds. Methods name the roles that may call them; the access policy maps the
/// caller's uid (from the kernel, SO_PEERCRED) to its roles.
public struct Role: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }

    /// May call everything.
    public static let admin = Role("admin")
    /// Customer operations: reads and changes customers, reviews, campaigns.
    public static let operator_ = Role("operator")
    /// Reads customers, scores and reports; changes nothing.
    public static let analyst = Role("analyst")
    /// Another service of the suite: reads feeds.
    public static let service = Role("service")
    /// Risk management: the second approver of lifecycle overrides.
    public static let risk = Role("risk")
    /// Business side: requests lifecycle overrides, runs campaigns.
    public static let business = Role("business")
    /// May see personal data (ID numbers, phones) unmasked.
    public static let pii = Role("pii")

    public var description: String { rawValue }
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}
