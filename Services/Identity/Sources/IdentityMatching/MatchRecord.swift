/// One party record as the matcher sees it: normalised values by field, and the identifiers that guard clustering.
///
/// The matcher knows nothing of the meaning of a field: which fields exist and how they compare is the business of
/// ``FieldComparison``. Values are expected to be normalised already (case, width, whitespace, date format).
///
/// A bulk resolution holds every record of the book, so the values are kept in two flat arrays (field names and
/// values side by side, grouped by field) rather than a dictionary of arrays: a third of the memory.
public struct MatchRecord: Sendable, Hashable, Codable {
    /// The caller's id for the record; unique within one resolution.
    public var id: Int
    /// Each value's field name, grouped by name in name order; `values[i]` belongs to `names[i]`.
    private let names: [String]
    private let values: [String]
    /// Identifiers known to be valid, by type (`"resident_id"` → `"11010519491231002X"`). Two records whose clusters
    /// hold different values for the same type are never linked automatically.
    public var identifiers: [String: String]

    /// Creates a record.
    /// - Parameters:
    ///   - id: the caller's id, unique within one resolution.
    ///   - fields: normalised values by field name; empty strings are dropped.
    ///   - identifiers: valid identifiers by type, used by the guard rail only.
    public init(id: Int, fields: [String: [String]], identifiers: [String: String] = [:]) {
        self.id = id
        var names: [String] = [], values: [String] = []
        for name in fields.keys.sorted() {
            // An empty string carries no evidence; keeping it would make "" agree exactly with "".
            for value in fields[name]! where !value.isEmpty {
                names.append(name)
                values.append(value)
            }
        }
        self.names = names
        self.values = values
        self.identifiers = identifiers.filter { !$0.value.isEmpty }
    }

    /// Normalised values by field name, as given (without empty values and fields).
    public var fields: [String: [String]] {
        Dictionary(zip(names, values).map { ($0, [$1]) }, uniquingKeysWith: +)
    }

    /// The values of `field`, empty when the field is unknown.
    public func values(_ field: String) -> ArraySlice<String> {
        guard let first = names.firstIndex(of: field) else { return [] }
        var end = first + 1
        while end < names.count && names[end] == field { end += 1 }
        return values[first..<end]
    }

    private enum CodingKeys: String, CodingKey { case id, fields, identifiers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(Int.self, forKey: .id),
                  fields: try container.decode([String: [String]].self, forKey: .fields),
                  identifiers: try container.decode([String: String].self, forKey: .identifiers))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(fields, forKey: .fields)
        try container.encode(identifiers, forKey: .identifiers)
    }
}
