/// One field a record kind accepts: what `--map field=column` may name on its left.
public struct ImportField: Sendable, Hashable {
    /// Whether a mapping must name the field, and a row must give it a value.
    public enum Requirement: Sendable, Hashable {
        /// Must be mapped, and a row with it empty is rejected.
        case required
        /// At least one field of the named group must be mapped and, per row, have a value
        /// (e.g. a party's full name or given / family name).
        case oneOf(group: String)
        case optional
    }

    /// How the value is written in the source; the layer that builds ingest messages parses it.
    public enum ValueType: Sendable, Hashable {
        case text
        /// Digits, e.g. `3`.
        case integer
        /// A decimal number, e.g. `0.5`.
        case decimal
        /// An amount in major units, e.g. `1234.50` or `1,234.50`; the currency is the record's
        /// `currency` field, CNY when not given.
        case money
        /// A calendar date: `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY年M月D日`.
        case date
        /// An instant: ISO 8601 (`2024-03-01T09:30:00+08:00`), `YYYY-MM-DD HH:MM:SS` (Beijing time
        /// unless told otherwise) or a date.
        case timestamp
        /// `true`/`false`, `1`/`0`, `Y`/`N`, `是`/`否`.
        case boolean
        /// One of the listed values (the proto enum names, lower case), or a label a source
        /// commonly uses for them.
        case choice([Choice])
    }

    /// An accepted value of a ``ValueType/choice(_:)`` field and common source labels for it.
    public struct Choice: Sendable, Hashable {
        /// The proto enum value's name without its prefix, lower case: `annual`, `policyholder`.
        public let value: String
        /// Labels sources use for it: `年交`, `投保人`, `A`…
        public let labels: [String]

        public init(_ value: String, _ labels: [String] = []) {
            self.value = value
            self.labels = labels
        }
    }

    /// The field's name in mappings and in ``ImportRecord/fields``: the proto field's name, or
    /// `<role>_key` / `<role>_system` for a `SourceRef`.
    public let name: String
    /// Other names a mapping may use for it, e.g. `name` for `full_name`, `phone` for `phones`.
    public let aliases: [String]
    /// What it means, for `--help`.
    public let meaning: String
    public let requirement: Requirement
    /// Several columns may feed it (`phone=手机,phone=电话`), and each gives one value.
    public let isMultiValued: Bool
    public let valueType: ValueType
    /// Where the value goes in `identity.proto`, e.g. `PartyDetails.full_name`.
    public let protoField: String

    public init(_ name: String, aliases: [String] = [], _ meaning: String, _ requirement: Requirement = .optional,
                multiValued: Bool = false, type: ValueType = .text, proto protoField: String) {
        self.name = name
        self.aliases = aliases
        self.meaning = meaning
        self.requirement = requirement
        self.isMultiValued = multiValued
        self.valueType = type
        self.protoField = protoField
    }

    /// Whether a mapping must name it (alone or as one of its group).
    public var isRequired: Bool {
        if case .optional = requirement { return false }
        return true
    }

    /// The canonical value a source's label stands for, for a choice field: `年交` → `annual`;
    /// case and surrounding spaces are ignored. Nil when not a choice field or not recognised.
    public func choice(matching label: String) -> String? {
        guard case .choice(let choices) = valueType else { return nil }
        let folded = String(label.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            .lowercased()
        for choice in choices where choice.value == folded || choice.labels.contains(where: { $0.lowercased() == folded }) {
            return choice.value
        }
        return nil
    }

    /// A short name for the value type, for `--help`.
    public var typeName: String {
        switch valueType {
        case .text: "text"
        case .integer: "integer"
        case .decimal: "decimal"
        case .money: "money"
        case .date: "date"
        case .timestamp: "timestamp"
        case .boolean: "yes/no"
        case .choice: "choice"
        }
    }
}
