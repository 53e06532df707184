/// One party record as the matcher sees it: normalised values by field, and the identifiers that guard clustering.
///
/// The matcher knows nothing of the meaning of a field: which fields exist and how they compare is the business of
/// ``FieldComparison``. Values are expected to be normalised already (case, width, whitespace, date format).
public struct MatchRecord: Sendable, Hashable, Codable {
    /// The caller's id for the record; unique within one resolution.
    public var id: Int
    /// Normalised values by field name. A field may hold several values (phones, e-mail addresses); an absent field
    /// or an empty list means "unknown" and compares as null (weight 0).
    public var fields: [String: [String]]
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
        // An empty string carries no evidence; keeping it would make "" agree exactly with "".
        self.fields = fields.compactMapValues { values in
            let kept = values.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : kept
        }
        self.identifiers = identifiers.filter { !$0.value.isEmpty }
    }

    /// The values of `field`, empty when the field is unknown.
    public func values(_ field: String) -> [String] { fields[field] ?? [] }
}
