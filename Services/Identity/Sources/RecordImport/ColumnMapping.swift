/// Which column of a source file feeds which field of a record: `--map name=客户姓名,id_number=证件号码`.
///
/// A mapping is a list of `field=column` entries in the order given. A multi-valued field may be
/// fed by several columns (`phone=手机,phone=电话`), each giving one value. Field names are kept as
/// written here; ``ImportKind/validate(_:keyColumn:header:)`` resolves aliases, checks them
/// against the kind's catalogue and the file's header.
public struct ColumnMapping: Sendable, Hashable {
    /// One `field=column` pair.
    public struct Entry: Sendable, Hashable {
        public var field: String
        /// Column name in a CSV header, or a (dotted) key of a JSON Lines object.
        public var column: String

        public init(field: String, column: String) {
            self.field = field
            self.column = column
        }
    }

    /// Every `field=column` pair, in the order given.
    public private(set) var entries: [Entry]

    /// Field name → column name (or JSON key); for a field fed by several columns, the first.
    public var columnByField: [String: String] {
        var columns: [String: String] = [:]
        for entry in entries where columns[entry.field] == nil { columns[entry.field] = entry.column }
        return columns
    }

    /// Field name → every column feeding it, in order.
    public var columnsByField: [String: [String]] {
        var columns: [String: [String]] = [:]
        for entry in entries { columns[entry.field, default: []].append(entry.column) }
        return columns
    }

    public init(columnByField: [String: String]) {
        self.entries = columnByField.sorted { $0.key < $1.key }.map { Entry(field: $0.key, column: $0.value) }
    }

    public init(entries: [Entry]) { self.entries = entries }

    /// Parses `field=column` pairs separated by commas; whitespace around names is ignored.
    /// - Throws: `ColumnMappingError` naming the pair that is not `field=column`, or a field mapped twice.
    public init(parsing text: String) throws(ColumnMappingError) {
        try self.init(parsing: text, allowingRepeatedFields: false)
    }

    /// Parses `field=column` pairs separated by commas, as `--map` takes them.
    /// - Parameter allowingRepeatedFields: whether a field may be named by several pairs
    ///   (`phone=手机,phone=电话`); validation against a kind then allows it for multi-valued fields only.
    /// - Throws: `ColumnMappingError` naming the pair that is not `field=column`, or a field mapped
    ///   twice when that is not allowed, or the same pair given twice.
    public init(parsing text: String, allowingRepeatedFields: Bool) throws(ColumnMappingError) {
        var entries: [Entry] = []
        for pair in text.split(separator: ",") {
            let entry = try Self.entry(pair, line: nil)
            try Self.append(entry, pair: String(pair), line: nil, to: &entries, allowingRepeatedFields)
        }
        self.entries = entries
    }

    /// Parses a `--map-file`: one `field=column` per line; blank lines and lines starting with `#`
    /// are skipped. Everything after the first `=` is the column name, commas included.
    /// Repeated fields are allowed (validation limits them to multi-valued fields).
    /// - Throws: `ColumnMappingError` with the line number of the first bad line.
    public init(mapFile text: String) throws(ColumnMappingError) {
        var entries: [Entry] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var content = Substring(line)
            if content.last == "\r" { content = content.dropLast() }
            if number == 1, content.first == "\u{FEFF}" { content = content.dropFirst() }
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let entry = try Self.entry(content, line: number)
            try Self.append(entry, pair: trimmed, line: number, to: &entries, true)
        }
        self.entries = entries
    }

    /// This mapping followed by `other`'s entries (`--map` given with `--map-file`, or `--map` repeated).
    /// - Throws: `ColumnMappingError` if the same `field=column` pair is in both.
    public func merging(_ other: ColumnMapping) throws(ColumnMappingError) -> ColumnMapping {
        var entries = self.entries
        for entry in other.entries {
            try Self.append(entry, pair: "\(entry.field)=\(entry.column)", line: nil, to: &entries, true)
        }
        return ColumnMapping(entries: entries)
    }

    private static func entry(_ pair: Substring, line: Int?) throws(ColumnMappingError) -> Entry {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ColumnMappingError(pair: String(pair), reason: "expected field=column", line: line)
        }
        return Entry(field: parts[0], column: parts[1])
    }

    private static func append(_ entry: Entry, pair: String, line: Int?, to entries: inout [Entry],
                               _ allowingRepeatedFields: Bool) throws(ColumnMappingError) {
        if entries.contains(entry) {
            throw ColumnMappingError(pair: pair, reason: "given twice", line: line)
        }
        if !allowingRepeatedFields, entries.contains(where: { $0.field == entry.field }) {
            throw ColumnMappingError(pair: pair, reason: "field \(entry.field) is mapped twice", line: line)
        }
        entries.append(entry)
    }
}

/// A `--map` entry that cannot be used.
public struct ColumnMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let pair: String
    public let reason: String
    /// The `--map-file` line, when the pair came from one.
    public let line: Int?

    init(pair: String, reason: String, line: Int? = nil) {
        self.pair = pair
        self.reason = reason
        self.line = line
    }

    public var description: String {
        if let line { return "mapping file line \(line) '\(pair)': \(reason)" }
        return "mapping '\(pair)': \(reason)"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: WhitespaceSet) -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// The only set `trimmingCharacters(in:)` takes here; keeps mapping code free of Foundation.
enum WhitespaceSet { case whitespaces }
