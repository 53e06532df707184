import ArgumentParser
import Foundation
import Models
import ScoringAPI

/// `clm rules save FILE --comment C`: the file as the next draft version of its rule set id.
struct RulesSaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save", abstract: "Save a rule set file as the next draft version of its id, and show the "
            + "problems validation finds (a draft may have problems; activation refuses errors).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The rule set file (JSON, as clm rules template writes it).")
    var file: String

    @Option(help: "What changed in this version and why; it is kept with the version.")
    var comment: String

    @Option(name: .customLong("operator"), help: "The person saving (default: your login name, $USER).")
    var operatorID: String?

    func run() async throws {
        let ruleSet = try RuleSetFile.read(file)
        let answer = try await global.withService(.scoring) { scoring in
            try await Self.save(ruleSet, comment: comment,
                                operatorID: operatorID ?? loginOperator(fallback: "clm rules save"), on: scoring)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.report(answer).joined(separator: "\n"))
        }
    }

    /// Saves `ruleSet` as a draft.
    static func save(_ ruleSet: RuleSet, comment: String, operatorID: String, on scoring: ServiceConnection)
        async throws -> SaveRuleSetResponse {
        try await scoring.call(ScoringAPI.saveRuleSet,
                               SaveRuleSetRequest(ruleSet: ruleSet, operatorId: operatorID, comment: comment))
    }

    /// `saved book-2025 version 3 (draft) by ops-1`, then the problems.
    static func report(_ answer: SaveRuleSetResponse) -> [String] {
        ["saved \(RuleSetText.name(answer.ruleSet)) (\(answer.ruleSet.status.label)) by \(answer.ruleSet.createdBy)"]
            + RuleSetText.problemLines(answer.problems) + [RuleSetText.problemSummary(answer.problems)]
    }
}

/// `clm rules validate FILE|ID[@VERSION]`: the problems of a rule set; exit 1 when it may not be activated.
struct RulesValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a rule set file or a saved version for overlaps, contradictions, "
            + "gaps, unreachable tiers, weights and assumptions; exit 1 when it has errors.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A rule set file, or ID (the latest version) or ID@VERSION of a saved one.")
    var ruleSet: String

    func run() async throws {
        let source = try RuleSetSource(ruleSet)
        let request = switch source {
        case .file: ValidateRuleSetRequest(ruleSet: try source.fileRuleSet())
        case .stored(let ref): ValidateRuleSetRequest(stored: ref)
        }
        let answer = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.validateRuleSet, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            let name = if case .stored(let ref) = source { RuleSetText.name(ref) } else { ruleSet }
            let lines = ["\(name): \(answer.valid ? "valid" : "not valid")"]
                + RuleSetText.problemLines(answer.problems) + [RuleSetText.problemSummary(answer.problems)]
            print(lines.joined(separator: "\n"))
        }
        if !answer.valid { throw ExitCode(1) }
    }
}
