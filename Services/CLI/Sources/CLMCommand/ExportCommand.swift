import ArgumentParser
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import RecordImport

/// `clm export …`: data out of the services.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data from the services as files.",
        subcommands: [ExportCrossReferenceCommand.self])
}

/// `clm export xref FILE`: the cross-reference (source system, source key → customer code) as CSV.
struct ExportCrossReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xref",
        abstract: "Write the cross-reference, one row per stored party record, as CSV: "
            + "source_system,source_key,customer_code.",
        discussion: """
            Pages through identity's ExportCrossReference. The customer code is empty for a record whose resolution \
            is deferred. The file is written under FILE.partial and renamed when complete; - writes to standard \
            output (the row count then goes to standard error).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The CSV file to write, or - for standard output.")
    var file: String

    @Option(help: "Only the records of this source system.")
    var source: String?

    @Option(name: .customLong("page-size"), help: "Rows per call (the service allows up to 100000).")
    var pageSize: Int32 = 100_000

    func validate() throws {
        guard (1...100_000).contains(pageSize) else { throw ValidationError("--page-size takes 1 to 100000") }
    }

    struct Summary: Encodable {
        var file: String
        var rows: Int
        var sourceSystem: String?
    }

    func run() async throws {
        let client = RPCClient(.folder(global.layout.folder(for: .identity)))
        let target = file == "-" ? "-" : file + ".partial"
        let writer: TextFileWriter
        do { writer = try TextFileWriter(path: target) } catch { throw CommandFailure("\(error)") }
        var rows = 0
        do {
            try writer.write(line: CrossReferenceCSV.header)
            var token = ""
            repeat {
                let page: ExportCrossReferenceResponse
                do {
                    page = try await client.call(
                        IdentityAPI.exportCrossReference,
                        ExportCrossReferenceRequest(page: PageRequest(pageSize: pageSize, pageToken: token),
                                                    sourceSystem: source ?? ""),
                        timeout: .seconds(max(global.timeout, 60)))
                } catch {
                    throw CommandFailure(explain(error, service: .identity))
                }
                for row in page.rows { try writer.write(line: CrossReferenceCSV.row(row)) }
                rows += page.rows.count
                token = page.page.nextPageToken
            } while !token.isEmpty
            try writer.close()
        } catch {
            try? writer.close()
            if target != "-" { try? FileManager.default.removeItem(atPath: target) }
            await client.close()
            if let failure = error as? TextFileWriter.Failure { throw CommandFailure("\(failure)") }
            throw error
        }
        await client.close()
        if target != "-" {
            do {
                if FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
                try FileManager.default.moveItem(atPath: target, toPath: file)
            } catch {
                throw CommandFailure("\(file): cannot be written (\(error.localizedDescription)); the rows are in \(target)")
            }
        }
        let summary = Summary(file: file, rows: rows, sourceSystem: source)
        if global.json, file != "-" {
            try printJSON(summary)
        } else {
            let text = "\(ProgressText.grouped(rows)) cross-reference rows written to "
                + (file == "-" ? "standard output" : file) + (source.map { " (source system \($0))" } ?? "") + "\n"
            if file == "-" {
                FileHandle.standardError.write(Data(text.utf8))
            } else {
                print(text, terminator: "")
            }
        }
    }
}
