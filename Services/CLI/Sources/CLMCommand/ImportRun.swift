import ArgumentParser
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import RecordImport

/// One `clm import` run: opens the files, streams records through the converter into batches, sends them, and
/// accounts for every row.
final class ImportRun {
    let global: GlobalOptions
    let options: ImportOptions
    let client: RPCClient
    /// The main file's rejects file, opened when the first record is read (after the mapping is validated).
    private var rejects: RejectsFile!
    private var shown: [String] = []

    init(global: GlobalOptions, options: ImportOptions) throws {
        self.global = global
        self.options = options
        client = RPCClient(.folder(global.layout.folder(for: .identity)))
    }

    func openRejects(_ path: String) throws -> RejectsFile { try Self.openRejects(path) }

    private static func openRejects(_ path: String) throws -> RejectsFile {
        do { return try RejectsFile(path: path) } catch { throw CommandFailure("rejects file \(error)") }
    }

    /// An importer over the main file (or another, for a policy-roles file), with the mapping validated.
    func importer(kind: ImportKind, path: String? = nil, keyColumn: String? = nil, mapping: ColumnMapping? = nil,
                  sourceColumn: String?? = nil, keepUnmapped: Bool = false,
                  suppliedElsewhere: Set<String> = []) throws -> RecordImporter {
        let path = path ?? options.file
        let format = try options.fileFormat(for: path)
        var mapperOptions = RecordMapper.Options()
        mapperOptions.keepUnmappedColumns = keepUnmapped
        mapperOptions.sourceSystemColumn = sourceColumn ?? options.sourceColumn
        mapperOptions.suppliedElsewhere = suppliedElsewhere
        mapperOptions.multiValueSeparators = Set(options.valueSeparators.compactMap(\.first))
        let label = path.split(separator: "/").last.map(String.init) ?? path
        do {
            return try RecordImporter(path: path, format: format, kind: kind, sourceSystem: options.source ?? "",
                                      keyColumn: keyColumn ?? options.key, mapping: mapping ?? options.mapping(),
                                      options: mapperOptions, keepingRejections: false,
                                      progress: StderrProgress(label: label))
        } catch let error as MappingValidationError {
            throw CommandFailure("\(path): \(error)")
        } catch let error as ImportFileError {
            throw CommandFailure("\(error)")
        }
    }

    func converter(for importer: RecordImporter) throws -> WireRecordConverter {
        WireRecordConverter(options: try options.valueOptions(for: importer.mapper.mapping))
    }

    /// Writes a rejection to a rejects file and keeps the first few to print.
    func report(_ rejection: RowRejection, to file: RejectsFile, shown: inout [String]) throws {
        do { try file.write(rejection) } catch { throw CommandFailure("rejects file \(error)") }
        if shown.count < options.showRejects {
            let key = rejection.sourceKey.map { $0.count > 40 ? $0.prefix(39) + "…" : $0 }
            shown.append("  line \(rejection.line)" + (key.map { " (\($0))" } ?? "") + ": \(rejection.reason)")
        }
    }

    /// Streams the file: converts each record, sends full batches (one call in flight while the next batch is read),
    /// counts outcomes, and reports every rejected row.
    /// - Parameters:
    ///   - noteStored: called with each record the service stored (in a dry run, each record converted).
    ///   - noteRejected: called with each record rejected after mapping (by the converter or the service).
    func ingest<Wire: Sendable>(
        _ importer: RecordImporter, convert: (ImportRecord) -> Result<Wire, RowRejection>,
        send: @escaping @Sendable ([Wire]) async throws -> [RecordResult],
        noteStored: (RecordOrigin) -> Void = { _ in }, noteRejected: (RecordOrigin) -> Void = { _ in }
    ) async throws -> IngestOutcomes {
        if rejects == nil { rejects = try openRejects(options.rejects ?? RejectsFile.defaultPath(for: options.file)) }
        var outcomes = IngestOutcomes()
        var batch = IngestBatch<Wire>(capacity: options.batchSize)
        var inFlight: (task: Task<[RecordResult], any Error>, origins: [RecordOrigin])?

        func settle() async throws {
            guard let call = inFlight else { return }
            inFlight = nil
            let results: [RecordResult]
            do {
                results = try await call.task.value
            } catch let error as RPCError {
                throw CommandFailure(explain(error, service: .identity) + "\n" + interruptedNote(outcomes))
            }
            let refused = outcomes.apply(results, origins: call.origins)
            var refusedLines = Set<Int>()
            for refusal in refused {
                refusedLines.insert(refusal.origin.line)
                importer.rejectProduced(refusal.rejection)
                noteRejected(refusal.origin)
                try report(refusal.rejection, to: rejects, shown: &shown)
            }
            for origin in call.origins where !refusedLines.contains(origin.line) { noteStored(origin) }
        }

        func dispatch() async throws {
            let full = batch.take()
            guard !full.isEmpty else { return }
            if options.dryRun {
                for origin in full.origins { noteStored(origin) }
                return
            }
            try await settle()
            let records = full.records
            inFlight = (Task { try await send(records) }, full.origins)
        }

        do {
            while let event = try importer.next() {
                switch event {
                case .rejected(let rejection):
                    try report(rejection, to: rejects, shown: &shown)
                case .record(let record):
                    switch convert(record) {
                    case .success(let wire):
                        batch.append(wire, origin: RecordOrigin(record))
                        if batch.isFull { try await dispatch() }
                    case .failure(let rejection):
                        importer.rejectProduced(rejection)
                        noteRejected(RecordOrigin(record))
                        try report(rejection, to: rejects, shown: &shown)
                    }
                }
            }
            try await dispatch()
            try await settle()
        } catch let error as ImportFileError {
            inFlight?.task.cancel()
            throw CommandFailure("\(error)\n" + interruptedNote(outcomes))
        } catch {
            inFlight?.task.cancel()
            throw error
        }
        return outcomes
    }

    private func interruptedNote(_ outcomes: IngestOutcomes) -> String {
        "the import stopped after \(ProgressText.grouped(outcomes.sent)) records were sent "
            + "(\(ProgressText.grouped(outcomes.stored)) stored); running it again is safe: a record sent twice "
            + "with the same source version changes nothing"
    }

    /// Closes the rejects file, checks the counts add up, and prints the final count.
    func finish(_ importer: RecordImporter, kind: ImportKind, outcomes: IngestOutcomes) throws -> ImportSummary {
        do { try rejects.close() } catch { throw CommandFailure("rejects file \(error)") }
        let tally = importer.tally
        do { try tally.checkBalanced() } catch { throw CommandFailure("\(error)") }
        let summary = ImportSummary(file: options.file, kind: kind, tally: tally, outcomes: outcomes,
                                    dryRun: options.dryRun, rejectsFile: rejects.path)
        guard summary.isBalanced else {
            throw CommandFailure("import counts do not add up: \(summary.rowsRead) rows read ≠ "
                + "\(summary.stored + summary.converted) stored + \(summary.rejected) rejected")
        }
        if global.json {
            try printJSON(summary)
        } else {
            print(summary)
            printShown(shown, total: summary.rejected, rejectsFile: rejects.path)
        }
        return summary
    }

    func printShown(_ shown: [String], total: Int, rejectsFile: String) {
        guard total > 0 else { return }
        print("rejected rows are in \(rejectsFile)" + (shown.isEmpty ? "" : (shown.count < total
            ? "; the first \(shown.count):" : ":")))
        for line in shown { print(line) }
    }

    /// Starts the bulk resolution of the deferred records and follows it to its end.
    /// - Returns: whether the job failed or was cancelled.
    func followBulkResolution(stallTimeout: Int64) async throws -> Bool {
        let operatorID = loginOperator(fallback: "clm import")
        var job: Job
        do {
            job = try await client.call(IdentityAPI.startBulkResolution,
                                        StartBulkResolutionRequest(estimateParameters: true, operatorId: operatorID),
                                        timeout: .seconds(global.timeout)).job
        } catch {
            if error.status == .unimplemented {
                throw CommandFailure("identity does not run bulk resolution yet (StartBulkResolution is not built): "
                    + "the records are stored but stay unresolved until a bulk resolution job runs. Use --resolve "
                    + "online to resolve records as they are stored.")
            }
            throw CommandFailure(explain(error, service: .identity)
                + "\nthe records are stored; start the bulk resolution again with clm import … --resolve bulk on the "
                + "same file (nothing is stored twice)")
        }
        let progress = StderrProgress(label: "bulk resolution")
        var tick = 0
        // A job that shows no change for this long has stalled (its service stopped, say): stop following it.
        let stallLimit = Duration.seconds(stallTimeout)
        let clock = ContinuousClock()
        var lastChange = clock.now
        var lastSeen = (job.state, job.itemsDone, job.itemsFailed)
        while job.state == .queued || job.state == .running || job.state == .unspecified {
            if (job.state, job.itemsDone, job.itemsFailed) != lastSeen {
                lastSeen = (job.state, job.itemsDone, job.itemsFailed)
                lastChange = clock.now
            } else if clock.now - lastChange >= stallLimit {
                progress.draw(ProgressText.jobLine(label: "bulk resolution", done: job.itemsDone, total: job.itemsTotal,
                                                   failed: job.itemsFailed, state: Self.stateName(job.state)),
                              final: true)
                throw CommandFailure("bulk resolution job \(job.jobId) has shown no progress for "
                    + "\(stallTimeout) s; stopped following it. The records are stored; the job may still "
                    + "finish (clm identity stats counts the records not resolved yet).")
            }
            progress.draw(ProgressText.jobLine(label: "bulk resolution", done: job.itemsDone, total: job.itemsTotal,
                                               failed: job.itemsFailed, state: Self.stateName(job.state), tick: tick),
                          final: false)
            tick += 1
            try await Task.sleep(for: .milliseconds(500))
            do {
                job = try await client.call(IdentityAPI.getBulkResolution, GetBulkResolutionRequest(jobId: job.jobId),
                                            timeout: .seconds(global.timeout)).job
            } catch {
                throw CommandFailure(explain(error, service: .identity)
                    + "\nbulk resolution job \(job.jobId) may still be running in the service")
            }
        }
        progress.draw(ProgressText.jobLine(label: "bulk resolution", done: job.itemsDone, total: job.itemsTotal,
                                           failed: job.itemsFailed, state: Self.stateName(job.state)), final: true)
        if global.json {
            try printJSON(job)
        } else {
            print("bulk resolution \(job.jobId): \(Self.stateName(job.state)), "
                + "\(ProgressText.grouped(Int(job.itemsDone))) records resolved"
                + (job.itemsFailed > 0 ? ", \(ProgressText.grouped(Int(job.itemsFailed))) failed" : "")
                + (job.message.isEmpty ? "" : ": \(job.message)"))
        }
        return job.state != .succeeded
    }

    static func stateName(_ state: JobState) -> String {
        String(state.rawValue.dropFirst("JOB_STATE_".count))
    }
}

/// Progress on standard error: a line redrawn in place on a terminal, else a line every five seconds.
final class StderrProgress: ImportProgressReporter {
    let label: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let clock = ContinuousClock()
    private var lastLine: ContinuousClock.Instant?
    private var tick = 0

    init(label: String) { self.label = label }

    func report(_ progress: ImportProgress) {
        tick += 1
        draw(ProgressText.importLine(progress, label: label, tick: tick), final: progress.isFinal)
    }

    func draw(_ line: String, final: Bool) {
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (final ? "\n" : "")).utf8))
            return
        }
        let now = clock.now
        if final || lastLine.map({ now - $0 >= .seconds(5) }) ?? true {
            lastLine = now
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
