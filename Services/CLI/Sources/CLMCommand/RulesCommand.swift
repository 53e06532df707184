import ArgumentParser
import Foundation
import Models
import ScoringAPI

/// `clm rules …`: scoring's rule sets, from a template to the active version.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Write, save, check, dry-run and activate scoring's rule sets (value score, tiers, layers, risk).",
        discussion: """
            A rule set is edited as a JSON file: start from a template (clm rules template life --output FILE), \
            save it as a draft, validate it, dry-run it over the book, then activate it. Where a command takes \
            FILE|ID[@VERSION], a file is read and sent as it is; ID names the latest version saved, ID@VERSION one \
            version. Rule set ids are lower-case letters, digits, - and _, starting with a letter (book-2025).
            """,
        subcommands: [RulesTemplateCommand.self, RulesListCommand.self, RulesShowCommand.self, RulesSaveCommand.self,
                      RulesValidateCommand.self, RulesDryRunCommand.self, RulesActivateCommand.self])
}

/// `clm rules template LINE [--output FILE]`: the template of a product line, as a rule set file.
struct RulesTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Write the template rule set of a product line (life, health, auto, "
            + "property) as JSON, to start a rule set from.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The product line: life, health, auto or property.")
    var line: String

    @Option(help: "Write the file here instead of printing it.")
    var output: String?

    @Option(help: "Put this rule set id in the file (templates have none; saving needs one).")
    var id: String?

    func validate() throws {
        guard ProductLine(label: line) != nil else {
            throw ValidationError("\(line) is not a product line: one of \(ProductLine.labels)")
        }
    }

    func run() async throws {
        let request = GetRuleSetTemplateRequest(productLine: ProductLine(label: line) ?? .unspecified)
        var template = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.getRuleSetTemplate, request).ruleSet
        }
        if let id { template.ruleSetId = id }
        guard let output else {
            print(String(decoding: try RuleSetFile.encoded(template), as: UTF8.self), terminator: "")
            return
        }
        try RuleSetFile.write(template, to: output)
        print("wrote the \(line) template to \(output)"
            + (id == nil ? "; set its ruleSetId, then: clm rules save \(output) --comment …"
                : "; next: clm rules save \(output) --comment …"))
    }
}

/// `clm rules list [--id ID] [--status S]`: saved versions, newest first.
struct RulesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List saved rule set versions, newest first: status, who saved each and why.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var page: PageOptions

    @Option(help: "Only the versions of this rule set.")
    var id: String?

    @Option(help: "Only versions in this state: \(RuleSetStatus.labels).")
    var status: String?

    func validate() throws {
        if let status, RuleSetStatus(label: status) == nil {
            throw ValidationError("--status \(status): one of \(RuleSetStatus.labels)")
        }
    }

    func run() async throws {
        let request = ListRuleSetsRequest(page: page.request, ruleSetId: id ?? "",
                                          status: status.flatMap { RuleSetStatus(label: $0) } ?? .unspecified)
        let answer = try await global.withService(.scoring) { scoring in try await scoring.call(ScoringAPI.listRuleSets, request) }
        if global.json {
            try printJSON(answer)
            return
        }
        guard !answer.ruleSets.isEmpty else {
            print("no rule set versions" + (id.map { " of \($0)" } ?? "") + (status.map { " in state \($0)" } ?? ""))
            return
        }
        let rows = answer.ruleSets.map { ruleSet in
            [ruleSet.ruleSetId, String(ruleSet.version), ruleSet.status.label,
             ruleSet.createdAt.map(formatTimestamp) ?? "", ruleSet.createdBy,
             ruleSet.comment.isEmpty ? ruleSet.description : ruleSet.comment]
        }
        var lines = formatTable([["rule set", "version", "status", "saved", "by", "comment"]] + rows,
                                rightAligned: [1])
        let total = answer.page.totalCount >= 0 ? " of \(answer.page.totalCount)" : ""
        lines.append("\(answer.ruleSets.count)\(total) version\(answer.ruleSets.count == 1 ? "" : "s")")
        if let hint = page.nextPageHint(answer.page) { lines.append(hint) }
        print(lines.joined(separator: "\n"))
    }
}

/// `clm rules show [ID[@VERSION]]`: one version with all its rules; the active one by default.
struct RulesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a rule set version with all its rules (the active one when no id is "
            + "given); --output writes it as a file to edit and save again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "ID (the latest version) or ID@VERSION; the active rule set when left out.")
    var ruleSet: String?

    @Option(help: "Also write the version as a rule set file here.")
    var output: String?

    func run() async throws {
        var ref = RuleSetRef()
        if let ruleSet {
            guard case .stored(let named) = try RuleSetSource(ruleSet) else {
                throw ValidationError("\(ruleSet): show takes ID or ID@VERSION, not a file")
            }
            ref = named
        }
        let shown = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.getRuleSet, GetRuleSetRequest(ref: ref)).ruleSet
        }
        if let output { try RuleSetFile.write(shown, to: output) }
        if global.json {
            try printJSON(GetRuleSetResponse(ruleSet: shown))
        } else {
            print(RuleSetText.lines(shown).joined(separator: "\n"))
        }
    }
}
