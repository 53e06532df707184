public import Foundation
public import Models

/// What to generate.
public struct BookConfiguration: Sendable, Hashable {
    /// True persons (each in one to four source systems).
    public var persons: Int
    /// True organisations.
    public var organisations: Int
    /// The same seed (and the same other settings) gives byte-identical files.
    public var seed: UInt64
    public var format: OutputFormat
    public var errorRates: ErrorRates
    /// The day the book is taken: no record is dated after it. 2025-06-30 by default.
    public var asOf: CalendarDate
    /// Policies are first issued from 1 January of this year. 2015 by default.
    public var firstIssueYear: Int
    /// Persons per block, the unit of parallel work; part of what the output depends on.
    public var blockSize: Int
    /// Worker threads; the output does not depend on it.
    public var threads: Int

    public init(persons: Int, organisations: Int, seed: UInt64 = 1, format: OutputFormat = .csv,
                errorRates: ErrorRates = .defaults, asOf: CalendarDate = CalendarDate(year: 2025, month: 6, day: 30),
                firstIssueYear: Int = 2015, blockSize: Int = 1000,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.persons = persons
        self.organisations = organisations
        self.seed = seed
        self.format = format
        self.errorRates = errorRates
        self.asOf = asOf
        self.firstIssueYear = firstIssueYear
        self.blockSize = blockSize
        self.threads = threads
    }

    var asOfDay: Day { Day(year: Int(asOf.year), month: Int(asOf.month), day: Int(asOf.day)) }
}

/// Where generation has got to.
public struct GenerationProgress: Sendable {
    public var organisationsDone: Int
    public var personsDone: Int
    public var partyRows: Int
    public var elapsedSeconds: Double
}

/// What was written.
public struct BookSummary: Sendable {
    /// Rows per file (header excluded).
    public var rows: [RecordFile: Int]
    /// Per error kind: records on which it could apply, and on which it was applied.
    public var errors: [ErrorKind: ErrorTally]
    public var files: [RecordFile: URL]
    public var elapsedSeconds: Double
}

/// Errors of `BookGenerator.write`.
public enum BookGeneratorError: Error, CustomStringConvertible {
    case tooManyOrganisations(Int, limit: Int)
    case invalidConfiguration(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .tooManyOrganisations(let count, let limit): "\(count) organisations asked for; at most \(limit)"
        case .invalidConfiguration(let message): message
        case .cannotWrite(let message): message
        }
    }
}

/// Generates a synthetic book of business: true persons and organisations, their party records in four source
/// systems with realistic errors, their policies and other business records, and the ground truth.
///
/// Work is split into blocks of `blockSize` persons (and of organisations), each with random streams of its own, so
/// blocks are generated in parallel and written in order: the output depends on the configuration alone, never on
/// the number of threads. Memory stays bounded: only a wave of blocks is held at once, plus a small summary per
/// organisation and the resident ID numbers issued (8 bytes each, to keep them unique).
public struct BookGenerator: Sendable {
    public let configuration: BookConfiguration

    public init(configuration: BookConfiguration) { self.configuration = configuration }

    /// Blocks generated together before being written; fixed, because ID uniqueness is settled per wave.
    static let wave = 8
    /// Block numbers of organisation blocks start here (numbering space separate from person blocks).
    static let organisationBlockOffset = 120_000

    /// Writes every file into `directory` (created if needed) and returns the counts.
    public func write(to directory: URL, progress: (@Sendable (GenerationProgress) -> Void)? = nil) throws -> BookSummary {
        let configuration = configuration
        guard configuration.persons >= 0, configuration.organisations >= 0, configuration.blockSize > 0 else {
            throw BookGeneratorError.invalidConfiguration("counts must not be negative")
        }
        let limit = BlockGenerator.organisationNameSpace
        guard configuration.organisations <= limit else {
            throw BookGeneratorError.tooManyOrganisations(configuration.organisations, limit: limit)
        }
        guard (configuration.persons + configuration.blockSize - 1) / configuration.blockSize < Self.organisationBlockOffset
        else { throw BookGeneratorError.invalidConfiguration("too many persons for the block size") }
        let started = Date()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var handles: [RecordFile: FileHandle] = [:]
        var urls: [RecordFile: URL] = [:]
        for file in RecordFile.allCases {
            let url = directory.appendingPathComponent(file.fileName(configuration.format))
            guard FileManager.default.createFile(atPath: url.path, contents: Data(TableBuffer.header(file, format: configuration.format))),
                  let handle = try? FileHandle(forWritingTo: url)
            else { throw BookGeneratorError.cannotWrite("cannot create \(url.path)") }
            try handle.seekToEnd()
            handles[file] = handle
            urls[file] = url
        }
        defer { for handle in handles.values { try? handle.close() } }

        let numbering = Numbering(seed: configuration.seed)
        let variants = HanziVariants.shared
        let tables = BlockGenerator.Tables()
        var rows: [RecordFile: Int] = [:]
        var tallies: [ErrorKind: ErrorTally] = [:]
        var organisations: [OrganisationSummary] = []
        organisations.reserveCapacity(configuration.organisations)
        var issued = Set<UInt64>()
        issued.reserveCapacity(configuration.persons)
        var personsDone = 0

        func emit(_ output: BlockOutput) throws {
            for file in RecordFile.allCases {
                if let bytes = output.buffers[file], !bytes.isEmpty { try handles[file]!.write(contentsOf: Data(bytes)) }
                rows[file, default: 0] += output.rows[file] ?? 0
            }
            for (kind, tally) in output.errorTallies {
                tallies[kind, default: ErrorTally()].eligible += tally.eligible
                tallies[kind, default: ErrorTally()].applied += tally.applied
            }
        }
        func report() {
            progress?(GenerationProgress(organisationsDone: organisations.count, personsDone: personsDone,
                                         partyRows: rows[.parties] ?? 0,
                                         elapsedSeconds: Date().timeIntervalSince(started)))
        }

        // Organisations first: persons need their names and group policies.
        let organisationBlocks = (configuration.organisations + configuration.blockSize - 1) / configuration.blockSize
        for waveStart in stride(from: 0, to: organisationBlocks, by: Self.wave) {
            let count = min(Self.wave, organisationBlocks - waveStart)
            let outputs = Self.parallel(count, threads: configuration.threads) { offset in
                let block = waveStart + offset
                let range = block * configuration.blockSize
                    ..< min(configuration.organisations, (block + 1) * configuration.blockSize)
                var generator = BlockGenerator(configuration: configuration, numbering: numbering, variants: variants,
                                               tables: tables, block: Self.organisationBlockOffset + block,
                                               kind: .organisation)
                let summaries = generator.generateOrganisations(range)
                return generator.output(issued: [], organisations: summaries)
            }
            for output in outputs {
                try emit(output)
                organisations += output.organisations
            }
            report()
        }

        // Persons, household by household.
        let personBlocks = (configuration.persons + configuration.blockSize - 1) / configuration.blockSize
        let knownOrganisations = organisations
        for waveStart in stride(from: 0, to: personBlocks, by: Self.wave) {
            let count = min(Self.wave, personBlocks - waveStart)
            let snapshot = issued
            @Sendable func generate(_ block: Int, _ issued: Set<UInt64>) -> BlockOutput {
                let range = block * configuration.blockSize ..< min(configuration.persons, (block + 1) * configuration.blockSize)
                var generator = BlockGenerator(configuration: configuration, numbering: numbering, variants: variants,
                                               tables: tables, block: block, kind: .person)
                let ids = generator.generatePersons(range, issued: issued, organisations: knownOrganisations)
                return generator.output(issued: ids, organisations: [])
            }
            let outputs = Self.parallel(count, threads: configuration.threads) { generate(waveStart + $0, snapshot) }
            for (offset, first) in outputs.enumerated() {
                var output = first
                // A clash with an earlier block of the same wave: make the block again, knowing every earlier ID.
                if output.issuedIDs.contains(where: { issued.contains($0) }) {
                    output = generate(waveStart + offset, issued)
                }
                issued.formUnion(output.issuedIDs)
                try emit(output)
                personsDone += output.rows[.entities] ?? 0
            }
            report()
        }
        return BookSummary(rows: rows, errors: tallies, files: urls, elapsedSeconds: Date().timeIntervalSince(started))
    }

    /// Runs `work` for `0..<count` on up to `threads` threads and returns the results in order.
    static func parallel(_ count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> BlockOutput) -> [BlockOutput] {
        if threads <= 1 || count == 1 { return (0..<count).map(work) }
        let slots = ResultSlots(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, work(index)) }
        return slots.values
    }
}

/// Results of parallel work, one slot per index.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [BlockOutput?]
    private let lock = NSLock()

    init(_ count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: BlockOutput) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [BlockOutput] { slots.map { $0! } }
}
