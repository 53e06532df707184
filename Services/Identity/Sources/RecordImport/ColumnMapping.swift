/// Which column of a source file feeds which field of a record: `--map name=客户姓名,id_number=证件号码`.
public struct ColumnMapping: Sendable, Hashable {
    /// Field name → column name (or JSON key).
    public private(set) var columnByField: [String: String]

    public init(columnByField: [String: String]) { self.columnByField = columnByField }

    /// Parses `field=column` pairs separated by commas; whitespace around names is ignored.
    /// - Throws: `ColumnMappingError` naming the pair that is not `field=column`, or a field mapped twice.
    public init(parsing text: String) throws(ColumnMappingError) {
        var mapping: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ColumnMappingError(pair: String(pair), reason: "expected field=column")
            }
            guard mapping[parts[0]] == nil else {
                throw ColumnMappingError(pair: String(pair), reason: "field \(parts[0]) is mapped twice")
            }
            mapping[parts[0]] = parts[1]
        }
        self.columnByField = mapping
    }
}

/// A `--map` entry that cannot be used.
public struct ColumnMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let pair: String
    public let reason: String
    public var description: String { "mapping '\(pair)': \(reason)" }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: WhitespaceSet) -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// The only set `trimmingCharacters(in:)` takes here; keeps the module free of Foundation.
enum WhitespaceSet { case whitespaces }
