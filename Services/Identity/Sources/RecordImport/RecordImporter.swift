/// The format of a source file.
public enum ImportFileFormat: Sendable, Hashable {
    case csv(CSVReader.Options)
    case jsonLines(JSONLinesReader.Options)

    /// The format a file name suggests: `.csv` (comma), `.tsv` / `.tab` (tab), `.jsonl` /
    /// `.ndjson` / `.json` (JSON Lines); nil otherwise.
    public static func inferred(fromPath path: String) -> ImportFileFormat? {
        let name = path.lowercased()
        func ends(_ suffixes: String...) -> Bool { suffixes.contains { name.hasSuffix($0) } }
        if ends(".csv", ".csv.txt") { return .csv(.csv) }
        if ends(".tsv", ".tab") { return .csv(.tsv) }
        if ends(".jsonl", ".ndjson", ".json", ".jsonlines") { return .jsonLines(.init()) }
        return nil
    }

    /// Opens a reader of this format over `source`.
    public func reader(for source: any ByteSource) throws(ImportFileError) -> any SourceRowReader {
        switch self {
        case .csv(let options): try CSVReader(source: source, options: options)
        case .jsonLines(let options): try JSONLinesReader(source: source, options: options)
        }
    }
}

/// One import run: reads rows, maps them to records, keeps the tally and reports progress.
///
/// Pull records with ``next()`` until it returns nil (a caller batches them into ingest RPCs
/// between pulls); each row gives exactly one event, a record or a rejection, so at the end
/// ``tally`` adds up: rows read = records produced + rows rejected.
///
/// ```swift
/// let importer = try RecordImporter(path: file, format: .csv(.csv), kind: .parties, sourceSystem: "CORE",
///                                   keyColumn: "客户号", mapping: mapping, progress: bar)
/// while let event = try importer.next() { … }
/// try importer.tally.checkBalanced()
/// ```
public final class RecordImporter {
    public enum Event: Sendable, Hashable {
        case record(ImportRecord)
        case rejected(RowRejection)
    }

    public let reader: any SourceRowReader
    public let mapper: RecordMapper
    public private(set) var tally: ImportTally
    private let progress: (any ImportProgressReporter)?
    private let progressInterval: Duration
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant
    private var finished = false

    /// Sets up an import over an open reader: validates the mapping against the kind and, for
    /// CSV, the header.
    /// - Throws: `MappingValidationError` listing every problem with the mapping.
    public init(reader: any SourceRowReader, kind: ImportKind, sourceSystem: String, keyColumn: String,
                mapping: ColumnMapping, options: RecordMapper.Options = .init(), keepingRejections: Bool = true,
                progress: (any ImportProgressReporter)? = nil,
                progressInterval: Duration = .milliseconds(200)) throws(MappingValidationError) {
        let resolved = try kind.validate(mapping, keyColumn: keyColumn, header: reader.header,
                                         sourceColumn: options.sourceSystemColumn,
                                         suppliedElsewhere: options.suppliedElsewhere)
        self.reader = reader
        self.mapper = RecordMapper(sourceSystem: sourceSystem, mapping: resolved, header: reader.header,
                                   options: options)
        self.tally = ImportTally(keepingRejections: keepingRejections)
        self.progress = progress
        self.progressInterval = progressInterval
        self.started = clock.now
        self.lastReport = started
    }

    /// Opens the file at `path` (`-` for standard input) and sets up an import over it.
    /// - Throws: `ImportFileError` for a file that cannot be read; `MappingValidationError`.
    public convenience init(path: String, format: ImportFileFormat, kind: ImportKind, sourceSystem: String,
                            keyColumn: String, mapping: ColumnMapping, options: RecordMapper.Options = .init(),
                            keepingRejections: Bool = true, progress: (any ImportProgressReporter)? = nil,
                            progressInterval: Duration = .milliseconds(200)) throws {
        let reader = try format.reader(for: try FileByteSource(path: path))
        try self.init(reader: reader, kind: kind, sourceSystem: sourceSystem, keyColumn: keyColumn, mapping: mapping,
                      options: options, keepingRejections: keepingRejections, progress: progress,
                      progressInterval: progressInterval)
    }

    /// The next record or rejection; nil when the file is done (a final progress report is sent).
    public func next() throws(ImportFileError) -> Event? {
        guard !finished else { return nil }
        guard let event = try reader.next() else {
            finished = true
            tally.blankLines = reader.blankLines
            progress?.report(currentProgress(isFinal: true))
            return nil
        }
        let result: Event
        switch event {
        case .rejected(let rejection):
            tally.countRejected(rejection)
            result = .rejected(rejection)
        case .row(let row):
            switch mapper.map(row) {
            case .success(let record):
                tally.countProduced()
                result = .record(record)
            case .failure(let rejection):
                tally.countRejected(rejection)
                result = .rejected(rejection)
            }
        }
        if progress != nil, tally.rowsRead & 1023 == 0 {
            let now = clock.now
            if now - lastReport >= progressInterval {
                lastReport = now
                progress?.report(currentProgress(isFinal: false))
            }
        }
        return result
    }

    /// A produced record was refused further on (e.g. by the ingest RPC): counts it as rejected.
    public func rejectProduced(_ rejection: RowRejection) {
        tally.rejectProduced(rejection)
    }

    /// Reads to the end, handing each event to `body`; returns the tally.
    @discardableResult
    public func run(_ body: (Event) -> Void) throws(ImportFileError) -> ImportTally {
        while let event = try next() { body(event) }
        return tally
    }

    /// Where the import stands now.
    public func currentProgress(isFinal: Bool = false) -> ImportProgress {
        ImportProgress(bytesRead: reader.bytesRead, totalBytes: reader.totalBytes, rowsRead: tally.rowsRead,
                       rowsRejected: tally.rowsRejected, elapsed: clock.now - started, isFinal: isFinal)
    }
}
