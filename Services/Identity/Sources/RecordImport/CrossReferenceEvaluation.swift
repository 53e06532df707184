// `clm eval`: pairwise precision, recall and F1 of an exported cross-reference (records grouped by customer code)
// against a ground truth (records grouped by entity), over the records present in both.

public import IdentityMatching

/// Where the true entity of each record comes from.
public struct TruthSource {
    /// A truth file: its key columns (matched against the cross-reference's `source_system,source_key`, or against
    /// `source_key` alone when one column is given) and its entity column, or a pattern over its last key column.
    public struct File {
        public var reader: any SourceRowReader
        public var keyColumns: [String]
        public var entityColumn: String

        public init(reader: any SourceRowReader, keyColumns: [String] = ["source_system", "source_key"],
                    entityColumn: String = "entity_id") {
            self.reader = reader
            self.keyColumns = keyColumns
            self.entityColumn = entityColumn
        }
    }

    public var file: File?
    /// The entity is the pattern's first capture group (or whole match) in the record's key: FEBRL's
    /// `rec-12-org` and `rec-12-dup-0` are entity 12 with `rec-(\d+)-`.
    public var keyPattern: Regex<AnyRegexOutput>?

    /// The truth file names each record's entity.
    public static func file(_ file: File) -> TruthSource { TruthSource(file: file, keyPattern: nil) }

    /// The truth is in the keys: of the truth file's records when given, else of the cross-reference's own.
    public static func keyPattern(_ pattern: Regex<AnyRegexOutput>, file: File? = nil) -> TruthSource {
        TruthSource(file: file, keyPattern: pattern)
    }
}

/// The outcome of comparing a cross-reference with a truth.
public struct CrossReferenceEvaluation: Sendable, Hashable, CustomStringConvertible {
    public struct Counts: Sendable, Hashable, Codable {
        /// Records in the cross-reference with a customer code, and in the truth with an entity.
        public var crossReferenceRecords = 0
        public var truthRecords = 0
        /// Records in both: the records evaluated.
        public var inBoth = 0
        public var onlyInCrossReference = 0
        public var onlyInTruth = 0
        /// Cross-reference rows with no customer code (resolution deferred): left out.
        public var unresolved = 0
        /// Rows whose key was seen before in the same file: the first is kept.
        public var duplicateCrossReferenceKeys = 0
        public var duplicateTruthKeys = 0
        /// Rows the CSV reader could not read.
        public var unreadableRows = 0
        /// Keys the truth pattern does not match: no entity, left out of the truth.
        public var keysNotMatchingPattern = 0
        /// Customers and entities among the records evaluated.
        public var customers = 0
        public var entities = 0

        public init() {}
    }

    public var counts: Counts
    /// The pair counts, from the matcher's own evaluation.
    public var pairwise: PairwiseEvaluation

    public var precision: Double { pairwise.precision }
    public var recall: Double { pairwise.recall }
    public var f1: Double { pairwise.f1 }
    /// Pairs together in both clusterings, in the cross-reference, and in the truth.
    public var truePositivePairs: Int { pairwise.truePositives }
    public var predictedPairs: Int { pairwise.predictedPairs }
    public var truePairs: Int { pairwise.truePairs }

    public var description: String {
        func format(_ x: Double) -> String {
            let scaled = Int((x * 10_000).rounded())
            return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - String(scaled % 10_000).count))\(scaled % 10_000)"
        }
        var lines = [
            "records evaluated: \(counts.inBoth) (\(counts.customers) customers, \(counts.entities) true entities)",
            "precision \(format(pairwise.precision))  recall \(format(pairwise.recall))  F1 \(format(pairwise.f1))",
            "pairs: \(pairwise.truePositives) true positives, \(pairwise.predictedPairs) predicted, "
                + "\(pairwise.truePairs) true",
        ]
        var notes: [String] = []
        if counts.onlyInCrossReference > 0 { notes.append("\(counts.onlyInCrossReference) only in the cross-reference") }
        if counts.onlyInTruth > 0 { notes.append("\(counts.onlyInTruth) only in the truth") }
        if counts.unresolved > 0 { notes.append("\(counts.unresolved) unresolved (no customer code)") }
        if counts.duplicateCrossReferenceKeys > 0 {
            notes.append("\(counts.duplicateCrossReferenceKeys) repeated keys in the cross-reference")
        }
        if counts.duplicateTruthKeys > 0 { notes.append("\(counts.duplicateTruthKeys) repeated keys in the truth") }
        if counts.keysNotMatchingPattern > 0 {
            notes.append("\(counts.keysNotMatchingPattern) keys not matching the truth pattern")
        }
        if counts.unreadableRows > 0 { notes.append("\(counts.unreadableRows) unreadable rows") }
        if !notes.isEmpty { lines.append("left out: " + notes.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    /// Compares a cross-reference (`source_system,source_key,customer_code`, as `clm export xref` writes it) with a
    /// truth.
    /// - Throws: `EvaluationError` when a file lacks a column; `ImportFileError` when one cannot be read.
    public static func evaluate(crossReference: any SourceRowReader, truth: TruthSource) throws -> CrossReferenceEvaluation {
        var counts = Counts()
        let keyColumnCount = truth.file?.keyColumns.count ?? 2
        guard (1...2).contains(keyColumnCount) else {
            throw EvaluationError("--truth-key takes one or two columns (source_system,source_key or source_key)")
        }
        var ids: [String: Int] = [:]
        func id(_ key: String) -> Int {
            if let id = ids[key] { return id }
            let id = ids.count
            ids[key] = id
            return id
        }
        func entity(in key: String, _ pattern: Regex<AnyRegexOutput>) -> String? {
            guard let match = key.firstMatch(of: pattern) else { return nil }
            let output = match.output
            let captured = output.count > 1 ? output[1].substring : output[0].substring
            return captured.map(String.init)
        }

        var predicted: [Int: String] = [:]
        var byPattern: [Int: String] = [:]
        let xref = try ColumnLookup(crossReference, columns: ["source_system", "source_key", "customer_code"],
                                    file: "the cross-reference")
        while let event = try crossReference.next() {
            guard case .row(let row) = event else {
                counts.unreadableRows += 1
                continue
            }
            let values = xref.values(of: row)
            let (system, key, code) = (values[0], values[1], values[2])
            let recordKey = keyColumnCount == 2 ? system + "\u{1F}" + key : key
            let recordID = id(recordKey)
            if predicted[recordID] != nil || byPattern[recordID] != nil {
                counts.duplicateCrossReferenceKeys += 1
                continue
            }
            if code.isEmpty {
                counts.unresolved += 1
                continue
            }
            predicted[recordID] = code
            if truth.file == nil, let pattern = truth.keyPattern {
                if let found = entity(in: key, pattern) { byPattern[recordID] = found } else { counts.keysNotMatchingPattern += 1 }
            }
        }
        counts.crossReferenceRecords = predicted.count

        var entities: [Int: String] = byPattern
        if let file = truth.file {
            let lookup = try ColumnLookup(file.reader, columns: file.keyColumns + (truth.keyPattern == nil ? [file.entityColumn] : []),
                                          file: "the truth file")
            while let event = try file.reader.next() {
                guard case .row(let row) = event else {
                    counts.unreadableRows += 1
                    continue
                }
                let values = lookup.values(of: row)
                let key = values[0..<keyColumnCount].joined(separator: "\u{1F}")
                let recordID = id(key)
                guard entities[recordID] == nil else {
                    counts.duplicateTruthKeys += 1
                    continue
                }
                if let pattern = truth.keyPattern {
                    guard let found = entity(in: values[keyColumnCount - 1], pattern) else {
                        counts.keysNotMatchingPattern += 1
                        continue
                    }
                    entities[recordID] = found
                } else if !values[keyColumnCount].isEmpty {
                    entities[recordID] = values[keyColumnCount]
                }
            }
        }
        counts.truthRecords = entities.count
        var customers: Set<String> = [], trueEntities: Set<String> = []
        for (recordID, code) in predicted {
            guard let entity = entities[recordID] else { continue }
            counts.inBoth += 1
            customers.insert(code)
            trueEntities.insert(entity)
        }
        counts.customers = customers.count
        counts.entities = trueEntities.count
        counts.onlyInCrossReference = counts.crossReferenceRecords - counts.inBoth
        counts.onlyInTruth = counts.truthRecords - counts.inBoth
        return CrossReferenceEvaluation(counts: counts, pairwise: PairwiseEvaluation(predicted: predicted, truth: entities))
    }
}

/// A file given to `clm eval` cannot be used.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds named columns in the rows of a CSV (by header position) or JSON Lines file (by key).
struct ColumnLookup {
    private let columns: [String]
    private let indices: [Int]?

    init(_ reader: any SourceRowReader, columns: [String], file: String) throws(EvaluationError) {
        self.columns = columns
        guard let header = reader.header else {
            indices = nil
            return
        }
        var indices: [Int] = []
        for column in columns {
            guard let index = header.firstIndex(of: column) else {
                throw EvaluationError("\(file) has no column '\(column)' (its header: \(header.joined(separator: ",")))")
            }
            indices.append(index)
        }
        self.indices = indices
    }

    /// The values of the columns in a row, trimmed; empty when missing.
    func values(of row: SourceRow) -> [String] {
        switch row.cells {
        case .positional(let cells):
            return (indices ?? []).map { $0 < cells.count ? cells[$0].trimmed : "" }
        case .keyed(let cells):
            return columns.map { cells[$0]?.first?.trimmed ?? "" }
        }
    }
}
