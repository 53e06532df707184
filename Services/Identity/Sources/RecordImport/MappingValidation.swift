/// A mapping checked against a kind's catalogue (and the file's header, when it has one): aliases
/// resolved to field names, every field known, every required field mapped.
public struct ResolvedMapping: Sendable, Hashable {
    /// A catalogue field and the columns feeding it, in mapping order.
    public struct FieldColumns: Sendable, Hashable {
        public let field: ImportField
        public let columns: [String]
    }

    public let kind: ImportKind
    /// The column holding the source key (`--key`).
    public let keyColumn: String
    /// Mapped fields in catalogue order.
    public let fields: [FieldColumns]

    /// The columns feeding a field (by its catalogue name); empty if not mapped.
    public func columns(for field: String) -> [String] {
        fields.first { $0.field.name == field }?.columns ?? []
    }

    /// Every column the mapping reads, the key column first, each once.
    public var columnsRead: [String] {
        var seen: Set<String> = [keyColumn]
        var columns = [keyColumn]
        for field in fields {
            for column in field.columns where seen.insert(column).inserted { columns.append(column) }
        }
        return columns
    }
}

/// One thing wrong with a mapping.
public enum MappingProblem: Sendable, Hashable, CustomStringConvertible {
    /// No field of the kind has this name; `suggestion` is the closest known spelling, and
    /// `knownIn` the kinds that do have such a field.
    case unknownField(String, suggestion: String?, knownIn: [ImportKind])
    case requiredFieldNotMapped(String)
    /// None of a required group's fields is mapped (e.g. no name for a party).
    case requiredGroupNotMapped(group: String, fields: [String])
    /// A single-valued field fed by several columns (possibly under different aliases).
    case singleValuedFieldMappedTwice(field: String, columns: [String])
    /// The file's header has no such column. `field` is nil for the key column.
    case columnNotInHeader(column: String, field: String?, suggestion: String?)
    /// The header names the column more than once, so the mapping cannot tell which is meant.
    case ambiguousColumn(column: String, occurrences: Int)
    case emptyKeyColumn
    /// `--source-column` names no column.
    case emptySourceColumn

    public var description: String {
        switch self {
        case .unknownField(let name, let suggestion, let knownIn):
            var text = "unknown field '\(name)'"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            if !knownIn.isEmpty { text += " ('\(name)' is a field of \(knownIn.map(\.rawValue).joined(separator: ", ")))" }
            return text
        case .requiredFieldNotMapped(let field):
            return "required field '\(field)' is not mapped"
        case .requiredGroupNotMapped(let group, let fields):
            return "no \(group) field is mapped: map at least one of \(fields.joined(separator: ", "))"
        case .singleValuedFieldMappedTwice(let field, let columns):
            return "field '\(field)' takes one value but is mapped to \(columns.count) columns: "
                + columns.joined(separator: ", ")
        case .columnNotInHeader(let column, let field, let suggestion):
            let role = field.map { "column '\(column)' (mapped to \($0))" } ?? "key column '\(column)'"
            return "\(role) is not in the file's header" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .ambiguousColumn(let column, let occurrences):
            return "column '\(column)' appears \(occurrences) times in the header"
        case .emptyKeyColumn:
            return "no key column given (--key COLUMN)"
        case .emptySourceColumn:
            return "--source-column names no column"
        }
    }
}

/// Everything wrong with a mapping, reported together.
public struct MappingValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let kind: ImportKind
    public let problems: [MappingProblem]

    public var description: String {
        "the mapping for \(kind) cannot be used:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension ImportKind {
    /// Checks a mapping: every field known (an unknown one names the closest known field), no
    /// single-valued field fed twice, every required field (or one of each required group)
    /// mapped; with a header, every mapped column and the key column present exactly once.
    /// - Parameters:
    ///   - header: the CSV header; nil for JSON Lines, whose keys are not known up front.
    ///   - sourceColumn: the column holding each row's source system (`--source-column`), checked like the key.
    ///   - suppliedElsewhere: required fields the import supplies another way; they need not be mapped.
    /// - Throws: `MappingValidationError` listing every problem found.
    public func validate(_ mapping: ColumnMapping, keyColumn: String, header: [String]?, sourceColumn: String? = nil,
                         suppliedElsewhere: Set<String> = []) throws(MappingValidationError) -> ResolvedMapping {
        var problems: [MappingProblem] = []
        var columnsByField: [String: [String]] = [:]
        for entry in mapping.entries {
            guard let field = field(named: entry.field) else {
                let suggestion = closestField(to: entry.field)?.spelledAs
                let knownIn = ImportKind.allCases.filter { $0 != self && $0.field(named: entry.field) != nil }
                let problem = MappingProblem.unknownField(entry.field, suggestion: suggestion, knownIn: knownIn)
                if !problems.contains(problem) { problems.append(problem) }
                continue
            }
            columnsByField[field.name, default: []].append(entry.column)
        }
        for field in fields {
            guard let columns = columnsByField[field.name] else {
                if case .required = field.requirement, !suppliedElsewhere.contains(field.name) {
                    problems.append(.requiredFieldNotMapped(field.name))
                }
                continue
            }
            if !field.isMultiValued, columns.count > 1 {
                problems.append(.singleValuedFieldMappedTwice(field: field.name, columns: columns))
            }
        }
        for (group, members) in requiredGroups where !members.contains(where: { columnsByField[$0] != nil }) {
            problems.append(.requiredGroupNotMapped(group: group, fields: members))
        }
        let key = keyColumn.trimmed
        if key.isEmpty { problems.append(.emptyKeyColumn) }
        let source = sourceColumn?.trimmed
        if source?.isEmpty == true { problems.append(.emptySourceColumn) }
        if let header {
            var occurrences: [String: Int] = [:]
            for column in header { occurrences[column, default: 0] += 1 }
            func check(_ column: String, field: String?) {
                switch occurrences[column] ?? 0 {
                case 0:
                    let suggestion = EditDistance.closest(to: column, in: header.filter { !$0.isEmpty })
                    let problem = MappingProblem.columnNotInHeader(column: column, field: field, suggestion: suggestion)
                    if !problems.contains(problem) { problems.append(problem) }
                case 1: break
                case let n:
                    let problem = MappingProblem.ambiguousColumn(column: column, occurrences: n)
                    if !problems.contains(problem) { problems.append(problem) }
                }
            }
            if !key.isEmpty { check(key, field: nil) }
            if let source, !source.isEmpty { check(source, field: "the source system (--source-column)") }
            for field in fields {
                for column in columnsByField[field.name] ?? [] { check(column, field: field.name) }
            }
        }
        guard problems.isEmpty else { throw MappingValidationError(kind: self, problems: problems) }
        return ResolvedMapping(
            kind: self, keyColumn: key,
            fields: fields.compactMap { field in
                columnsByField[field.name].map { ResolvedMapping.FieldColumns(field: field, columns: $0) }
            })
    }
}

extension String {
    /// Without leading and trailing whitespace (Unicode's White_Space, so U+3000 and U+00A0 too).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        if !head.isSpace && !tail.isSpace { return self }
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, without the property table lookup.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
