/// A blocking rule: a function from a record to the keys it is filed under. Two records are compared when they
/// share a key under at least one rule; the candidate pairs are the union over all rules.
public struct BlockingRule: Sendable {
    /// A stable name; part of every ``BlockingKey`` the rule makes, so keys of different rules never collide.
    public let name: String
    /// The record's keys under this rule (none when it lacks what the rule needs).
    public let keys: @Sendable (MatchRecord) -> [String]

    /// Creates a rule from any key function.
    /// - Parameters:
    ///   - name: a stable name.
    ///   - keys: the record's keys under this rule.
    public init(name: String, keys: @escaping @Sendable (MatchRecord) -> [String]) {
        self.name = name
        self.keys = keys
    }

    /// Records agreeing on every part: the keys are all combinations of the parts' values (a record with two
    /// phones is filed under both). A record lacking any part gets no key.
    public static func on(_ parts: BlockingPart..., name: String? = nil) -> BlockingRule {
        let ruleName = name ?? parts.map(\.name).joined(separator: "+")
        return BlockingRule(name: ruleName) { record in
            var keys = [""]
            for (index, part) in parts.enumerated() {
                var seen = Set<String>()
                let values = record.values(part.field).compactMap(part.transform).filter { seen.insert($0).inserted }
                if values.isEmpty { return [] }
                // The unit separator cannot occur in normalised values, so "ab"+"c" and "a"+"bc" stay apart.
                keys = keys.flatMap { key in values.map { index == 0 ? $0 : key + "\u{1F}" + $0 } }
            }
            return keys
        }
    }
}

/// One part of a ``BlockingRule/on(_:name:)`` rule: a field and how its values become key parts.
public struct BlockingPart: Sendable {
    /// The field name.
    public let field: String
    /// A name for the part, used in the rule's default name.
    public let name: String
    /// The key part of a value, or nil to skip the value.
    public let transform: @Sendable (String) -> String?

    /// Creates a part from any transform.
    public init(field: String, name: String? = nil, transform: @escaping @Sendable (String) -> String?) {
        self.field = field
        self.name = name ?? field
        self.transform = transform
    }

    /// The value itself.
    public static func value(_ field: String) -> BlockingPart { BlockingPart(field: field) { $0 } }

    /// The first `length` characters of the value.
    public static func prefix(_ field: String, _ length: Int) -> BlockingPart {
        BlockingPart(field: field, name: "\(field)[..\(length)]") { String($0.prefix(length)) }
    }

    /// A derived key of the value (pinyin, Soundex, …).
    public static func derived(_ field: String, _ key: DerivedKey) -> BlockingPart {
        BlockingPart(field: field, name: "\(key.name)(\(field))", transform: key.transform)
    }

    /// The year of a date value.
    public static func year(_ field: String) -> BlockingPart {
        BlockingPart(field: field, name: "year(\(field))") { value in DateParts(value).map { String($0.year) } }
    }
}

/// A key under one blocking rule, as stored in a match index.
public struct BlockingKey: Sendable, Hashable, Codable {
    /// The rule's name.
    public var rule: String
    /// The key under that rule.
    public var value: String

    /// Creates a key.
    public init(rule: String, value: String) {
        self.rule = rule
        self.value = value
    }

    /// A 64-bit FNV-1a hash of the rule and the value: the same in every process, for in-memory blocking.
    @Sendable public static func stableHash(_ key: BlockingKey) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for byte in key.rule.utf8 { mix(byte) }
        mix(0x1F)
        for byte in key.value.utf8 { mix(byte) }
        return Int64(bitPattern: hash)
    }
}

/// A block that was not compared because more records share its key than the cap allows: a shared agent phone, a
/// placeholder birth date. Its pairs may still be compared through other rules.
public struct SkippedBlock: Sendable, Hashable, Codable {
    /// The rule and key.
    public var key: BlockingKey
    /// How many records share the key.
    public var size: Int

    /// Creates a report of a skipped block.
    public init(key: BlockingKey, size: Int) {
        self.key = key
        self.size = size
    }
}
