import ArgumentParser
import Foundation
import Models
import ScoringAPI

/// `clm rules dry-run FILE|ID[@VERSION] [--examples N]`: the tier migration a candidate would cause, keeping nothing.
struct RulesDryRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run", abstract: "Score the whole book with a rule set file or a saved version, keeping "
            + "nothing, and show the tier migration against the active rule set; exit 1 when it has errors.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A rule set file, or ID (the latest version) or ID@VERSION of a saved one.")
    var ruleSet: String

    @Option(help: "Example customer codes per migration cell (0 to 100).")
    var examples: Int32 = 0

    func run() async throws {
        let source = try RuleSetSource(ruleSet)
        var request = DryRunRuleSetRequest(examplesPerCell: examples)
        switch source {
        case .file: request.ruleSet = try source.fileRuleSet()
        case .stored(let ref): request.stored = ref
        }
        let answer = try await global.withService(.scoring) { scoring in try await scoring.call(ScoringAPI.dryRunRuleSet, request) }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.lines(answer).joined(separator: "\n"))
        }
        if answer.problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The problems; then, unless one is an error, the comparison, the migration matrix and the tiers after.
    static func lines(_ answer: DryRunRuleSetResponse) -> [String] {
        var lines = RuleSetText.problemLines(answer.problems)
        if answer.problems.contains(where: { $0.severity == .error }) {
            return lines + [RuleSetText.problemSummary(answer.problems) + "; nothing was scored"]
        }
        if !answer.problems.isEmpty { lines += [RuleSetText.problemSummary(answer.problems), ""] }
        lines.append("compared with " + (answer.active.ruleSetId.isEmpty ? "no active rule set (no tiers now)"
            : "the active rule set \(answer.active.ruleSetId)@\(answer.active.version)"))
        lines.append("customers scored \(answer.customersScored): \(answer.upgrades) up, \(answer.downgrades) down; "
            + "potential +\(answer.potentialGained) −\(answer.potentialLost); layer changes \(answer.layerChanges); "
            + "VIP +\(answer.vipEntering) −\(answer.vipLeaving)")
        lines += ["", "migration:"]
        let cells = answer.matrix.map { cell in
            [ScoringText.name(cell.fromTier), "→", ScoringText.name(cell.toTier), ScoringText.count(cell.customers), cell.annualisedPremium.description,
             cell.exampleCustomerCodes.joined(separator: " ")]
        }
        lines += formatTable([["now", "", "after", "customers", "annualised premium", "examples"]] + cells,
                             rightAligned: [3, 4]).map { "  " + $0 }
        lines += ["", "tiers after:"]
        let tiers = answer.tiersAfter.map { count in
            [ScoringText.name(count.tier), ScoringText.count(count.customers), ScoringText.percent(count.customerShare),
             count.annualisedPremium.description, ScoringText.percent(count.premiumShare),
             ScoringText.score(count.averageValueScore), ScoringText.count(count.potentialCustomers)]
        }
        lines += formatTable([["tier", "customers", "share", "annualised premium", "share", "average score",
                               "potential"]] + tiers, rightAligned: Set(1...6)).map { "  " + $0 }
        return lines
    }

}

/// `clm rules activate FILE|ID[@VERSION] --reason R [--defer-rescore]`: makes a version the active one.
struct RulesActivateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activate", abstract: "Make a saved version (or a file, saved first as a new draft) the active "
            + "rule set, and start a full rescore unless --defer-rescore.",
        discussion: "The service refuses a rule set with errors: run clm rules validate and dry-run first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A rule set file (saved first as a new draft), or ID (the latest version) or ID@VERSION.")
    var ruleSet: String

    @OptionGroup var change: ChangeOptions

    @Option(help: "The comment a file is saved with (default: the reason).")
    var comment: String?

    @Flag(name: .customLong("defer-rescore"), help: "Leave the rescore to the next scheduled one.")
    var deferRescore = false

    func run() async throws {
        let source = try RuleSetSource(ruleSet)
        let operatorID = change.recordedOperator(command: "rules activate")
        let file = try source.fileRuleSet()
        let (saved, answer) = try await global.withService(.scoring) { scoring in
            var ref = RuleSetRef()
            var saved: SaveRuleSetResponse?
            if let file {
                let draft = try await RulesSaveCommand.save(file, comment: comment ?? change.reason,
                                                            operatorID: operatorID, on: scoring)
                ref = RuleSetRef(ruleSetId: draft.ruleSet.ruleSetId, version: draft.ruleSet.version)
                saved = draft
            } else if case .stored(let named) = source {
                ref = named
            }
            let request = ActivateRuleSetRequest(ref: ref, operatorId: operatorID, reason: change.reason,
                                                 deferRescore: deferRescore)
            do {
                return (saved, try await scoring.call(ScoringAPI.activateRuleSet, request))
            } catch let failure as CommandFailure where saved != nil {
                // The draft stays saved: say so, so that the next attempt names it instead of saving the file again.
                throw CommandFailure("saved \(RuleSetText.name(ref)) as a draft, but did not activate it: \(failure)")
            }
        }
        if global.json {
            try printJSON(answer)
            return
        }
        var lines = saved.map(RulesSaveCommand.report) ?? []
        lines.append("activated \(RuleSetText.name(answer.ruleSet)) by \(answer.ruleSet.activatedBy)")
        if let job = answer.rescore {
            lines.append("full rescore started: job \(job.jobId) (\(job.state.label))")
        } else {
            lines.append("rescore deferred: customers keep their tiers until the next scheduled full rescore")
        }
        print(lines.joined(separator: "\n"))
    }
}
