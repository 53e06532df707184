import ArgumentParser
import Foundation
import RecordImport

/// `clm eval`: how well identity's clustering matches a ground truth.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Pairwise precision, recall and F1 of a cross-reference (clm export xref) against a ground truth.",
        discussion: """
            Records are grouped by customer_code in the cross-reference and by entity in the truth; a pair of \
            records is predicted when both have one customer code, and true when both have one entity. Only records \
            present in both files (and resolved) are evaluated; how many are in only one is reported.

            The generated book: clm eval --truth book/truth.csv --xref xref.csv (truth.csv has source_system, \
            source_key, entity_id).
            FEBRL, whose record ids carry the truth (rec-12-org, rec-12-dup-0): clm eval --xref xref.csv \
            --truth-from-key-pattern 'rec-(\\d+)-', or with --truth febrl3.csv --truth-key rec_id to evaluate over \
            the file's records. A one-column --truth-key matches the cross-reference's source_key alone.
            """)

    @Option(help: "The cross-reference CSV: source_system,source_key,customer_code.")
    var xref: String

    @Option(help: "The truth CSV (or JSON Lines).")
    var truth: String?

    @Option(name: .customLong("truth-key"), help: "The truth's key columns: source_system,source_key, or one column.")
    var truthKey: String = "source_system,source_key"

    @Option(name: .customLong("truth-entity"), help: "The truth's entity column.")
    var truthEntity: String = "entity_id"

    @Option(name: .customLong("truth-from-key-pattern"),
            help: "A regular expression whose first group, found in each record's key, is its entity.")
    var keyPattern: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard truth != nil || keyPattern != nil else {
            throw ValidationError("give --truth FILE, or --truth-from-key-pattern REGEX when the keys carry the truth")
        }
        let columns = truthKey.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(columns.count), !columns.contains(where: \.isEmpty) else {
            throw ValidationError("--truth-key takes one or two column names, comma-separated")
        }
    }

    struct Report: Encodable {
        var precision: Double
        var recall: Double
        var f1: Double
        var truePositivePairs: Int
        var predictedPairs: Int
        var truePairs: Int
        var counts: CrossReferenceEvaluation.Counts
    }

    func run() throws {
        var pattern: Regex<AnyRegexOutput>?
        if let keyPattern {
            do { pattern = try Regex(keyPattern) } catch {
                throw CommandFailure("--truth-from-key-pattern: not a regular expression: \(error)")
            }
        }
        let evaluation: CrossReferenceEvaluation
        do {
            let crossReference = try Self.reader(xref)
            var file: TruthSource.File?
            if let truth {
                file = TruthSource.File(
                    reader: try Self.reader(truth),
                    keyColumns: truthKey.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                    entityColumn: truthEntity)
            }
            let source = pattern.map { TruthSource.keyPattern($0, file: file) } ?? TruthSource.file(file!)
            evaluation = try CrossReferenceEvaluation.evaluate(crossReference: crossReference, truth: source)
        } catch let error as ImportFileError {
            throw CommandFailure("\(error)")
        } catch let error as EvaluationError {
            throw CommandFailure("\(error)")
        }
        if json {
            let e = evaluation
            try printJSON(Report(precision: e.precision, recall: e.recall, f1: e.f1, truePositivePairs: e.truePositivePairs,
                                 predictedPairs: e.predictedPairs, truePairs: e.truePairs, counts: e.counts))
        } else {
            print(evaluation)
        }
        if evaluation.counts.inBoth == 0 {
            throw CommandFailure("no record is in both files: are the keys the same (see --truth-key)?")
        }
    }

    static func reader(_ path: String) throws -> any SourceRowReader {
        let format = ImportFileFormat.inferred(fromPath: path) ?? .csv(.csv)
        return try format.reader(for: try FileByteSource(path: path))
    }
}
