public import Models

/// Maps a caller's uid to its roles.
///
/// Written as `uid=role,role;uid=role`, e.g. `0=admin;1000=operator,analyst;10002=service`. A uid the policy
/// does not name has no roles: it may call only methods open to every caller (health, method listing).
public struct AccessPolicy: Sendable, Hashable {
    public private(set) var rolesByUID: [UInt32: Set<Role>]

    public init(rolesByUID: [UInt32: Set<Role>]) { self.rolesByUID = rolesByUID }

    /// Parses the written form.
    /// - Throws: `AccessPolicy.ParseError` naming the entry that is not `uid=role[,role…]`.
    public init(parsing text: String) throws(ParseError) {
        var roles: [UInt32: Set<Role>] = [:]
        for entry in text.split(separator: ";").map({ $0.trimmingWhitespace }) where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace }
            guard parts.count == 2, let uid = UInt32(parts[0]) else {
                throw ParseError(entry: entry, reason: "expected uid=role[,role...]")
            }
            let names = parts[1].split(separator: ",").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw ParseError(entry: entry, reason: "no roles given") }
            roles[uid, default: []].formUnion(names.map(Role.init(rawValue:)))
        }
        self.rolesByUID = roles
    }

    /// The roles of `uid`; none if the policy does not name it.
    public func roles(of uid: UInt32) -> Set<Role> { rolesByUID[uid] ?? [] }

    /// Adds `roles` to `uid`'s.
    public mutating func grant(_ roles: Set<Role>, to uid: UInt32) { rolesByUID[uid, default: []].formUnion(roles) }

    /// An entry of the written form that could not be read.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let entry: String
        public let reason: String
        public var description: String { "access policy entry '\(entry)': \(reason)" }
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
extension String {
    fileprivate var trimmingWhitespace: String { Substring(self).trimmingWhitespace }
}
