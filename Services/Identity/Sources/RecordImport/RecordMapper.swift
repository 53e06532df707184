/// A row turned into the fields of one record: what the ingest RPCs are built from.
public struct ImportRecord: Sendable, Hashable {
    /// A source column no field was mapped to, kept for `PartyDetails.other_attributes`.
    public struct Attribute: Sendable, Hashable {
        public let key: String
        public let value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public let kind: ImportKind
    /// `--source`.
    public let sourceSystem: String
    /// The `--key` column's value, trimmed.
    public let sourceKey: String
    /// Physical line (from 1) the row starts on.
    public let line: Int
    /// Catalogue field name → values, trimmed, null markers and empty values left out; a field
    /// with no value is absent. Single-valued fields have exactly one value.
    public let fields: [String: [String]]
    /// Unmapped columns with a value, when ``RecordMapper/Options/keepUnmappedColumns`` is set.
    public let otherAttributes: [Attribute]

    public init(kind: ImportKind, sourceSystem: String, sourceKey: String, line: Int,
                fields: [String: [String]], otherAttributes: [Attribute] = []) {
        self.kind = kind
        self.sourceSystem = sourceSystem
        self.sourceKey = sourceKey
        self.line = line
        self.fields = fields
        self.otherAttributes = otherAttributes
    }

    /// The values of a field (by catalogue name); empty when absent.
    public func values(_ field: String) -> [String] { fields[field] ?? [] }

    /// The first value of a field; nil when absent.
    public func value(_ field: String) -> String? { fields[field]?.first }
}

/// Turns rows into ``ImportRecord``s with a validated mapping.
///
/// Values are trimmed (Unicode whitespace, so full-width U+3000 too); empty values and the null
/// markers are absent. A row is rejected, with the reason naming the field and its column, when
/// its key is empty, a required field (or every field of a required group) is empty, or a
/// single-valued field gets more than one value (a JSON array).
public struct RecordMapper: Sendable {
    public struct Options: Sendable, Hashable {
        /// Values meaning "not given", compared after trimming (the empty value always is).
        public var nullMarkers: Set<String>
        /// Separators that split one cell into several values, for multi-valued fields only
        /// (e.g. `["/", ";"]` for `13800138000/13900139000`); none by default.
        public var multiValueSeparators: Set<Character>
        /// Keep columns no field is mapped to as ``ImportRecord/otherAttributes`` (they become
        /// `PartyDetails.other_attributes`: shown, never matched).
        public var keepUnmappedColumns: Bool
        /// The column holding each row's source system (`--source-column`), for a file that mixes systems; a row
        /// with it empty takes the mapper's `sourceSystem`, or is rejected when that is empty too.
        public var sourceSystemColumn: String?
        /// Required fields this import supplies another way, so that a mapping need not name them (policies'
        /// `policyholder_key` when the parties come from a policy-roles file).
        public var suppliedElsewhere: Set<String>

        public init(nullMarkers: Set<String> = Options.defaultNullMarkers, multiValueSeparators: Set<Character> = [],
                    keepUnmappedColumns: Bool = false, sourceSystemColumn: String? = nil,
                    suppliedElsewhere: Set<String> = []) {
            self.nullMarkers = nullMarkers
            self.multiValueSeparators = multiValueSeparators
            self.keepUnmappedColumns = keepUnmappedColumns
            self.sourceSystemColumn = sourceSystemColumn
            self.suppliedElsewhere = suppliedElsewhere
        }

        public static let defaultNullMarkers: Set<String> = ["NULL", "null", "\\N", "-"]
    }

    /// Where a mapped column's value is found in a row.
    private struct Column: Sendable {
        let name: String
        /// Index in a positional row; nil when the header lacks it (then it is looked up by name).
        let index: Int?
    }

    /// What mapping a row needs of a field, without the catalogue's text (cheap to copy).
    private struct MappedField: Sendable {
        let name: String
        let isMultiValued: Bool
        let isRequired: Bool
        /// Index in `groups` of its required group, if any.
        let group: Int?
        let columns: [Column]
    }

    public let kind: ImportKind
    public let sourceSystem: String
    public let mapping: ResolvedMapping
    public let options: Options
    private let header: [String]?
    private let key: Column
    private let sourceColumn: Column?
    private let mapped: [MappedField]
    /// Required groups: name, and the mapped fields of each.
    private let groups: [(name: String, fields: [String])]
    private let unmappedIndices: [Int]
    private let columnsRead: Set<String>
    private let nullMarkers: [String]
    private let longestNullMarker: Int

    /// - Parameters:
    ///   - header: the CSV header the rows' fields follow; nil for keyed (JSON Lines) rows.
    public init(sourceSystem: String, mapping: ResolvedMapping, header: [String]?, options: Options = .init()) {
        self.kind = mapping.kind
        self.sourceSystem = sourceSystem
        self.mapping = mapping
        self.options = options
        self.header = header
        func column(_ name: String) -> Column {
            if let header { return Column(name: name, index: header.firstIndex(of: name)) }
            return Column(name: name, index: nil)
        }
        key = column(mapping.keyColumn)
        let sourceColumnName = options.sourceSystemColumn?.trimmed
        sourceColumn = sourceColumnName.map(column)
        let groups = mapping.kind.requiredGroups.map { group in
            (name: group.group, fields: group.fields.filter { !mapping.columns(for: $0).isEmpty })
        }
        self.groups = groups
        mapped = mapping.fields.map { entry in
            var group: Int?
            if case .oneOf(let name) = entry.field.requirement { group = groups.firstIndex { $0.name == name } }
            var required = false
            if case .required = entry.field.requirement { required = true }
            return MappedField(name: entry.field.name, isMultiValued: entry.field.isMultiValued, isRequired: required,
                               group: group, columns: entry.columns.map(column))
        }
        var read = Set(mapping.columnsRead)
        if let sourceColumnName { read.insert(sourceColumnName) }
        columnsRead = read
        unmappedIndices = header.map { header in header.indices.filter { !read.contains(header[$0]) } } ?? []
        nullMarkers = options.nullMarkers.sorted()
        longestNullMarker = nullMarkers.map(\.utf8.count).max() ?? 0
    }

    /// The record for a row, or why the row is rejected.
    public func map(_ row: SourceRow) -> Result<ImportRecord, RowRejection> {
        var keyValues: [String] = []
        collect(key, in: row, splitting: false, into: &keyValues)
        guard let sourceKey = keyValues.first else {
            return .failure(RowRejection(line: row.line, reason: .emptyKey(column: key.name)))
        }
        guard keyValues.count == 1 else {
            return .failure(RowRejection(line: row.line,
                                         reason: .tooManyValues(field: "the source key", count: keyValues.count)))
        }
        /// Rows with a key are rejected with it, so that a rejects file can name them.
        func reject(_ reason: RejectionReason) -> Result<ImportRecord, RowRejection> {
            .failure(RowRejection(line: row.line, reason: reason, sourceKey: sourceKey))
        }
        var system = sourceSystem
        if let sourceColumn {
            var systems: [String] = []
            collect(sourceColumn, in: row, splitting: false, into: &systems)
            guard systems.count <= 1 else {
                return reject(.tooManyValues(field: "the source system", count: systems.count))
            }
            if let given = systems.first { system = given }
            if system.isEmpty { return reject(.emptySourceSystem(column: sourceColumn.name)) }
        }

        var fields: [String: [String]] = Dictionary(minimumCapacity: mapped.count)
        var groupHasValue = [Bool](repeating: false, count: groups.count)
        for entry in mapped {
            var found: [String] = []
            for column in entry.columns {
                collect(column, in: row, splitting: entry.isMultiValued, into: &found)
            }
            if found.isEmpty {
                if entry.isRequired {
                    return reject(.requiredFieldEmpty(field: entry.name, columns: entry.columns.map(\.name)))
                }
                continue
            }
            if !entry.isMultiValued, found.count > 1 {
                return reject(.tooManyValues(field: entry.name, count: found.count))
            }
            if let group = entry.group { groupHasValue[group] = true }
            fields[entry.name] = found
        }
        for (index, group) in groups.enumerated() where !groupHasValue[index] {
            return reject(.requiredGroupEmpty(group: group.name, fields: group.fields))
        }

        var others: [ImportRecord.Attribute] = []
        if options.keepUnmappedColumns {
            switch row.cells {
            case .positional(let cells):
                if let header {
                    for index in unmappedIndices where index < cells.count {
                        if let value = clean(cells[index]) { others.append(.init(key: header[index], value: value)) }
                    }
                }
            case .keyed(let cells):
                for name in cells.keys.sorted() where !columnsRead.contains(name) {
                    for value in cells[name]! {
                        if let value = clean(value) { others.append(.init(key: name, value: value)) }
                    }
                }
            }
        }
        return .success(ImportRecord(kind: kind, sourceSystem: system, sourceKey: sourceKey, line: row.line,
                                     fields: fields, otherAttributes: others))
    }

    /// Appends the non-empty values of one column in a row.
    private func collect(_ column: Column, in row: SourceRow, splitting: Bool, into result: inout [String]) {
        switch row.cells {
        case .positional(let cells):
            let index = column.index ?? (header == nil ? Int(column.name).map { $0 - 1 } : nil)
            guard let index, cells.indices.contains(index) else { return }
            add(cells[index], splitting: splitting, to: &result)
        case .keyed(let cells):
            for value in cells[column.name] ?? [] { add(value, splitting: splitting, to: &result) }
        }
    }

    private func add(_ value: String, splitting: Bool, to result: inout [String]) {
        if splitting, !options.multiValueSeparators.isEmpty {
            for part in value.split(whereSeparator: { options.multiValueSeparators.contains($0) }) {
                if let part = clean(String(part)) { result.append(part) }
            }
        } else if let value = clean(value) {
            result.append(value)
        }
    }

    /// Trimmed, or nil for an empty value or a null marker.
    private func clean(_ value: String) -> String? {
        let trimmed = value.trimmed
        if trimmed.isEmpty { return nil }
        if trimmed.utf8.count <= longestNullMarker, nullMarkers.contains(trimmed) { return nil }
        return trimmed
    }
}
