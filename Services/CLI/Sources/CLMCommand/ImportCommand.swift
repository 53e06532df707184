import ArgumentParser
import Foundation
import IdentityAPI
import IdentityNormalization
import Models
import NIOCore
import RPC
import RecordImport

/// `clm import KIND FILE …`: loads a source file into identity through the ingest RPCs.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load party or business records from a CSV or JSON Lines file into the identity service.",
        discussion: ImportHelp.overview(includingUsage: false)
            + "\n\nPolicy roles (policy-roles) are loaded with their policies: clm import policies FILE --roles ROLES."
            + "\n\n" + ImportOptions.exitStatus,
        subcommands: [ImportPartiesCommand.self, ImportPoliciesCommand.self, ImportPaymentsCommand.self,
                      ImportClaimsCommand.self, ImportServicingCommand.self, ImportServiceUsageCommand.self,
                      ImportInteractionsCommand.self])
}

/// The options every `clm import KIND` takes.
struct ImportOptions: ParsableArguments {
    static let exitStatus = """
        Exit status: 0 when every row was stored; 2 when some rows were rejected (each is in the rejects file with \
        its line and reason); 1 when the import failed (service down, unreadable file, bad mapping).
        """

    @Argument(help: "The file to load: CSV, TSV or JSON Lines (by its extension, or --format); - for standard input.")
    var file: String

    @Option(help: "Source system of the rows, e.g. SALES; with --source-column, the system of rows where it is empty.")
    var source: String?

    @Option(name: .customLong("source-column"),
            help: "Column holding each row's source system, for a file that mixes systems.")
    var sourceColumn: String?

    @Option(help: "Column holding the source key (for business records: the record's number in its system).")
    var key: String

    @Option(name: .customLong("map"), help: "field=column pairs, comma-separated; repeatable.")
    var maps: [String] = []

    @Option(name: .customLong("map-file"), help: "A file of field=column lines (# starts a comment).")
    var mapFile: String?

    @Option(help: "csv, tsv or jsonl (default: from the file's extension, else csv).")
    var format: String?

    @Option(help: "Field delimiter of a CSV file: one character, or \\t for a tab.")
    var delimiter: String?

    @Option(name: .customLong("value-separator"),
            help: "A character that splits one cell of a multi-valued field into several values (e.g. /); repeatable.")
    var valueSeparators: [String] = []

    @Option(name: .customLong("money-unit"),
            help: "auto (columns named *_fen, *_cents, *_minor hold minor units, others major), major (元) or minor (分).")
    var moneyUnit: String = "auto"

    @Option(name: .customLong("date-order"), help: "day-first or month-first: how to read NN/NN/YYYY dates.")
    var dateOrder: String?

    @Option(name: .customLong("time-zone"), help: "UTC offset of times given without one.")
    var timeZone: String = "+08:00"

    @Option(name: .customLong("batch-size"), help: "Records per ingest call (1 to 10000).")
    var batchSize: Int = 1000

    @Option(name: .customLong("batch-timeout"), help: "Seconds to wait for one ingest call.")
    var batchTimeout: Int64 = 300

    @Option(help: "Where to write the rejected rows (CSV: line,source_key,reason_code,reason,row); default <file name>.rejects.csv in the current directory.")
    var rejects: String?

    @Option(name: .customLong("show-rejects"), help: "How many rejected rows to print at the end.")
    var showRejects: Int = 10

    @Flag(name: .customLong("dry-run"), help: "Read, map and convert every row and write the rejects file; send nothing.")
    var dryRun = false

    func validate() throws {
        guard source != nil || sourceColumn != nil else {
            throw ValidationError("give --source SYSTEM, or --source-column COLUMN for a file that mixes systems")
        }
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--source must not be empty")
        }
        guard !maps.isEmpty || mapFile != nil else {
            throw ValidationError("give the mapping: --map field=column,… or --map-file F")
        }
        guard (1...10_000).contains(batchSize) else { throw ValidationError("--batch-size takes 1 to 10000") }
        guard batchTimeout > 0 else { throw ValidationError("--batch-timeout must be positive") }
        guard ValueReadingOptions.MoneyUnit(rawValue: moneyUnit) != nil else {
            throw ValidationError("--money-unit takes auto, major or minor")
        }
        _ = try readingOrder()
        guard ValueReading.utcOffset(timeZone) != nil else {
            throw ValidationError("--time-zone takes an offset such as +08:00, -05:00 or Z")
        }
        for separator in valueSeparators where separator.count != 1 {
            throw ValidationError("--value-separator takes one character, not '\(separator)'")
        }
        if let delimiter, delimiter != "\\t", delimiter.count != 1 {
            throw ValidationError("--delimiter takes one character, or \\t")
        }
    }

    func readingOrder() throws -> BirthDateParser.DayMonthOrder? {
        switch dateOrder {
        case nil: return nil
        case "day-first", "dmy": return .dayFirst
        case "month-first", "mdy": return .monthFirst
        default: throw ValidationError("--date-order takes day-first or month-first")
        }
    }

    /// The file format: --format, else the extension, else CSV.
    func fileFormat(for path: String) throws -> ImportFileFormat {
        var csv = CSVReader.Options.csv
        if let delimiter { csv.delimiter = delimiter == "\\t" ? "\t" : Character(delimiter) }
        switch format?.lowercased() {
        case "csv": return .csv(csv)
        case "tsv": return .csv(delimiter == nil ? .tsv : csv)
        case "jsonl", "ndjson", "json": return .jsonLines(.init())
        case nil:
            if delimiter != nil { return .csv(csv) }
            return ImportFileFormat.inferred(fromPath: path) ?? .csv(csv)
        case let other?: throw CommandFailure("--format takes csv, tsv or jsonl, not '\(other)'")
        }
    }

    /// The mapping of --map-file followed by every --map.
    func mapping() throws -> ColumnMapping {
        try Self.mapping(maps: maps, mapFile: mapFile)
    }

    static func mapping(maps: [String], mapFile: String?) throws -> ColumnMapping {
        var mapping = ColumnMapping(entries: [])
        if let mapFile {
            let text: String
            do {
                text = try String(contentsOfFile: mapFile, encoding: .utf8)
            } catch {
                throw CommandFailure("\(mapFile): cannot be read (\(error.localizedDescription))")
            }
            do { mapping = try ColumnMapping(mapFile: text) } catch { throw CommandFailure("\(mapFile): \(error)") }
        }
        for map in maps {
            do {
                mapping = try mapping.merging(ColumnMapping(parsing: map, allowingRepeatedFields: true))
            } catch {
                throw CommandFailure("--map: \(error)")
            }
        }
        return mapping
    }

    /// Value reading for a validated mapping.
    func valueOptions(for mapping: ResolvedMapping) throws -> ValueReadingOptions {
        ValueReadingOptions(
            minorUnitFields: ValueReadingOptions.minorUnitFields(of: mapping,
                                                                 unit: .init(rawValue: moneyUnit) ?? .auto),
            dayMonthOrder: try readingOrder(), utcOffsetSeconds: ValueReading.utcOffset(timeZone) ?? 8 * 3600)
    }
}

/// The `--help` of one kind: the fields it accepts, and the exit status.
private func importConfiguration(_ kind: ImportKind, abstract: String, extra: String = "") -> CommandConfiguration {
    CommandConfiguration(
        commandName: kind.rawValue, abstract: abstract,
        discussion: kind.helpText(includingUsage: false) + (extra.isEmpty ? "" : "\n\n" + extra) + "\n\n"
            + ImportOptions.exitStatus)
}

struct ImportPartiesCommand: AsyncParsableCommand {
    static let configuration = importConfiguration(
        .parties, abstract: "Load party records (people and organisations).",
        extra: """
            Resolution: --resolve bulk (default) stores every record first and then runs one bulk resolution job \
            over all deferred records, following its progress; online resolves each record as it is stored; later \
            only stores them (start the job yourself). Columns not mapped to a field are kept as the record's other \
            attributes (shown, never matched) unless --ignore-unmapped.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    @Option(help: "bulk, online or later.")
    var resolve: String = "bulk"

    @Flag(name: .customLong("ignore-unmapped"), help: "Do not keep unmapped columns as other attributes.")
    var ignoreUnmapped = false

    @Option(name: .customLong("bulk-stall-timeout"),
            help: "With --resolve bulk: stop following the job when it shows no progress for this many seconds.")
    var bulkStallTimeout: Int64 = 600

    func validate() throws {
        guard ["bulk", "online", "later"].contains(resolve) else {
            throw ValidationError("--resolve takes bulk, online or later")
        }
        guard bulkStallTimeout > 0 else { throw ValidationError("--bulk-stall-timeout must be positive") }
    }

    func run() async throws {
        let run = try ImportRun(global: global, options: options)
        let importer = try run.importer(kind: .parties, keepUnmapped: !ignoreUnmapped)
        let converter = try run.converter(for: importer)
        let deferred = resolve != "online"
        let client = run.client
        let timeout = options.batchTimeout
        let outcomes = try await run.ingest(
            importer, convert: { converter.party($0) },
            send: { records in
                try await client.call(IdentityAPI.ingestParties,
                                      IngestPartiesRequest(records: records, deferResolution: deferred),
                                      timeout: .seconds(timeout)).results
            })
        let summary = try run.finish(importer, kind: .parties, outcomes: outcomes)
        var jobFailed = false
        if resolve == "bulk", !options.dryRun {
            if outcomes.created + outcomes.updated > 0 {
                jobFailed = try await run.followBulkResolution(stallTimeout: bulkStallTimeout)
            } else if !global.json {
                print("no new or changed party records: bulk resolution not started")
            }
        }
        await client.close()
        if jobFailed { throw ExitCode(1) }
        if summary.rejected > 0 { throw ExitCode(2) }
    }
}

struct ImportPoliciesCommand: AsyncParsableCommand {
    static let configuration = importConfiguration(
        .policies, abstract: "Load policy records, with their parties on the row or from a policy-roles file.",
        extra: """
            Parties: on the policy row (policyholder_key, insured_key, beneficiary_key…), or from a policy-roles file \
            given with --roles (one row per party and role; its key column is the policy number, --roles-key, default \
            --key), or both. The roles file is read first and held by policy, so each policy is sent whole. Its fields \
            (--roles-map / --roles-map-file): \(ImportKind.policyRoles.fields.map(\.name).joined(separator: ", ")); \
            its source_version and source_updated_at are not used (the policy row's are). With --roles, \
            policyholder_key need not be mapped, but every policy must get a policyholder from one or the other. \
            A role row whose policy is not in the policies file, or whose policy is rejected, is rejected; its rejects \
            go to <roles file name>.rejects.csv (--roles-rejects).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    @Option(help: "A policy-roles file: the parties of the policies, one row per party and role.")
    var roles: String?

    @Option(name: .customLong("roles-key"), help: "Column of the roles file holding the policy number (default: --key).")
    var rolesKey: String?

    @Option(name: .customLong("roles-source-column"),
            help: "Column of the roles file holding the policy's source system (default: --source-column).")
    var rolesSourceColumn: String?

    @Option(name: .customLong("roles-map"), help: "field=column pairs of the roles file; repeatable.")
    var rolesMaps: [String] = []

    @Option(name: .customLong("roles-map-file"), help: "A mapping file for the roles file.")
    var rolesMapFile: String?

    @Option(name: .customLong("roles-rejects"), help: "Rejects file of the roles file.")
    var rolesRejects: String?

    func validate() throws {
        if roles == nil, !rolesMaps.isEmpty || rolesMapFile != nil || rolesKey != nil || rolesSourceColumn != nil {
            throw ValidationError("--roles-map, --roles-map-file, --roles-key and --roles-source-column need --roles")
        }
        if roles != nil, rolesMaps.isEmpty, rolesMapFile == nil {
            throw ValidationError("give the roles file's mapping: --roles-map field=column,… or --roles-map-file F")
        }
    }

    func run() async throws {
        let run = try ImportRun(global: global, options: options)
        var book = PolicyRoleBook()
        var rolesRun: (importer: RecordImporter, rejects: RejectsFile, shown: [String])?
        if let roles {
            let mapping = try ImportOptions.mapping(maps: rolesMaps, mapFile: rolesMapFile)
            let rolesSource: String? = rolesSourceColumn ?? options.sourceColumn
            let importer = try run.importer(kind: .policyRoles, path: roles, keyColumn: rolesKey ?? options.key,
                                            mapping: mapping, sourceColumn: .some(rolesSource))
            let converter = try run.converter(for: importer)
            let rejects = try run.openRejects(rolesRejects ?? RejectsFile.defaultPath(for: roles))
            var shown: [String] = []
            while let event = try importer.next() {
                switch event {
                case .rejected(let rejection):
                    try run.report(rejection, to: rejects, shown: &shown)
                case .record(let record):
                    if let rejection = book.add(record, converter: converter) {
                        importer.rejectProduced(rejection)
                        try run.report(rejection, to: rejects, shown: &shown)
                    }
                }
            }
            rolesRun = (importer, rejects, shown)
        }

        let importer = try run.importer(kind: .policies, suppliedElsewhere: roles == nil ? [] : ["policyholder_key"])
        let converter = try run.converter(for: importer)
        let client = run.client
        let timeout = options.batchTimeout
        var stored: Set<SourceRef> = []
        var rejectedAt: [SourceRef: Int] = [:]
        let outcomes = try await run.ingest(
            importer,
            convert: { record in
                converter.policy(record, roles: book.parties(of: SourceRef(sourceSystem: record.sourceSystem,
                                                                           sourceKey: record.sourceKey)))
            },
            send: { records in
                try await client.call(IdentityAPI.ingestPolicies, IngestPoliciesRequest(records: records),
                                      timeout: .seconds(timeout)).results
            },
            noteStored: { origin in stored.insert(SourceRef(sourceSystem: origin.sourceSystem, sourceKey: origin.sourceKey)) },
            noteRejected: { origin in
                rejectedAt[SourceRef(sourceSystem: origin.sourceSystem, sourceKey: origin.sourceKey)] = origin.line
            })
        await client.close()
        let summary = try run.finish(importer, kind: .policies, outcomes: outcomes)

        var rolesRejected = 0
        if var rolesRun, let roles {
            // A dry run stores nothing: a role row counts as stored when its policy converted.
            let settled = book.settle(stored: stored, rejectedAt: rejectedAt)
            for rejection in settled.rejections {
                rolesRun.importer.rejectProduced(rejection)
                try run.report(rejection, to: rolesRun.rejects, shown: &rolesRun.shown)
            }
            try rolesRun.rejects.close()
            let tally = rolesRun.importer.tally
            try tally.checkBalanced()
            rolesRejected = tally.rowsRejected
            let g = ProgressText.grouped
            if global.json {
                try printJSON(RolesSummary(file: roles, rowsRead: tally.rowsRead, attached: tally.recordsProduced,
                                           rejected: tally.rowsRejected, rejectedByReason: tally.rejectedByReason,
                                           rejectsFile: rolesRun.rejects.path))
            } else {
                print("\(roles): \(g(tally.rowsRead)) role rows read: \(g(tally.recordsProduced)) "
                    + "\(options.dryRun ? "attached" : "stored with their policies"), \(g(tally.rowsRejected)) rejected"
                    + (tally.rejectedByReason.isEmpty ? "" : " ("
                        + tally.rejectedByReason.sorted { $0.key < $1.key }.map { "\(g($0.value)) \($0.key)" }
                        .joined(separator: ", ") + ")"))
                run.printShown(rolesRun.shown, total: tally.rowsRejected, rejectsFile: rolesRun.rejects.path)
            }
        }
        if summary.rejected > 0 || rolesRejected > 0 { throw ExitCode(2) }
    }

    struct RolesSummary: Encodable {
        var file: String
        var rowsRead: Int
        var attached: Int
        var rejected: Int
        var rejectedByReason: [String: Int]
        var rejectsFile: String
    }
}

/// The business kinds that need nothing but the common options.
protocol SimpleImport: AsyncParsableCommand {
    associatedtype Wire: Sendable
    static var kind: ImportKind { get }
    var global: GlobalOptions { get }
    var options: ImportOptions { get }
    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord) -> Result<Wire, RowRejection>
    static func send(_ client: RPCClient, _ records: [Wire], timeout: Int64) async throws -> [RecordResult]
}

extension SimpleImport {
    func run() async throws {
        let run = try ImportRun(global: global, options: options)
        let importer = try run.importer(kind: Self.kind)
        let converter = try run.converter(for: importer)
        let client = run.client
        let timeout = options.batchTimeout
        let outcomes = try await run.ingest(importer, convert: { Self.convert(converter, $0) },
                                            send: { try await Self.send(client, $0, timeout: timeout) })
        await client.close()
        let summary = try run.finish(importer, kind: Self.kind, outcomes: outcomes)
        if summary.rejected > 0 { throw ExitCode(2) }
    }
}

struct ImportPaymentsCommand: SimpleImport {
    static let configuration = importConfiguration(.payments, abstract: "Load premium payment records.")
    static let kind = ImportKind.payments
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord) -> Result<PaymentRecord, RowRejection> {
        converter.payment(record)
    }

    static func send(_ client: RPCClient, _ records: [PaymentRecord], timeout: Int64) async throws -> [RecordResult] {
        try await client.call(IdentityAPI.ingestPayments, IngestPaymentsRequest(records: records),
                              timeout: .seconds(timeout)).results
    }
}

struct ImportClaimsCommand: SimpleImport {
    static let configuration = importConfiguration(.claims, abstract: "Load claim records.")
    static let kind = ImportKind.claims
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord) -> Result<ClaimRecord, RowRejection> {
        converter.claim(record)
    }

    static func send(_ client: RPCClient, _ records: [ClaimRecord], timeout: Int64) async throws -> [RecordResult] {
        try await client.call(IdentityAPI.ingestClaims, IngestClaimsRequest(records: records),
                              timeout: .seconds(timeout)).results
    }
}

struct ImportServicingCommand: SimpleImport {
    static let configuration = importConfiguration(.servicing, abstract: "Load policy-servicing (保全) records.")
    static let kind = ImportKind.servicing
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord) -> Result<ServicingRecord, RowRejection> {
        converter.servicing(record)
    }

    static func send(_ client: RPCClient, _ records: [ServicingRecord], timeout: Int64) async throws -> [RecordResult] {
        try await client.call(IdentityAPI.ingestServicing, IngestServicingRequest(records: records),
                              timeout: .seconds(timeout)).results
    }
}

struct ImportServiceUsageCommand: SimpleImport {
    static let configuration = importConfiguration(.serviceUsage, abstract: "Load value-added service usage records.")
    static let kind = ImportKind.serviceUsage
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord)
        -> Result<ServiceUsageRecord, RowRejection>
    {
        converter.serviceUsage(record)
    }

    static func send(_ client: RPCClient, _ records: [ServiceUsageRecord], timeout: Int64) async throws -> [RecordResult] {
        try await client.call(IdentityAPI.ingestServiceUsage, IngestServiceUsageRequest(records: records),
                              timeout: .seconds(timeout)).results
    }
}

struct ImportInteractionsCommand: SimpleImport {
    static let configuration = importConfiguration(
        .interactions, abstract: "Load interaction records: logins, contacts, complaints, referrals, responses.")
    static let kind = ImportKind.interactions
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ImportOptions

    static func convert(_ converter: WireRecordConverter, _ record: ImportRecord)
        -> Result<InteractionRecord, RowRejection>
    {
        converter.interaction(record)
    }

    static func send(_ client: RPCClient, _ records: [InteractionRecord], timeout: Int64) async throws -> [RecordResult] {
        try await client.call(IdentityAPI.ingestInteractions, IngestInteractionsRequest(records: records),
                              timeout: .seconds(timeout)).results
    }
}
