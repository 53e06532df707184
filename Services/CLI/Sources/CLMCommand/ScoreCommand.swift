import ArgumentParser
import Models
import ScoringAPI

/// `clm score …`: customers' score cards in the scoring service.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Show, explain and list customers' score cards; rescore one customer or the whole book.",
        subcommands: [ScoreShowCommand.self, ScoreExplainCommand.self, ScoreListCommand.self,
                      RescoreCommand.self, RescoreAllCommand.self])
}

/// `clm score show CODE`: the customer's card.
struct ScoreShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a customer's score card: value score, tier, layer, risk, loyalty, VIP, premium, CLV, the "
            + "metrics, RFM and CLV assumptions.",
        discussion: "An alias (a code merged into another customer) shows the card of the customer it now belongs to.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    func run() async throws {
        let card = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.getScoreCard, GetScoreCardRequest(customerCode: code)).scoreCard
        }
        if global.json {
            try printJSON(card)
        } else {
            print(ScoreCardText.lines(card).joined(separator: "\n"))
        }
    }
}

/// `clm score explain CODE`: why the customer scored as they did.
struct ScoreExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a customer's score: each component's raw value, normalised value, weight and "
            + "contribution, the rules that fired, and a summary.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    func run() async throws {
        let card = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.getScoreCard,
                                   GetScoreCardRequest(customerCode: code, includeExplanation: true)).scoreCard
        }
        if global.json {
            try printJSON(card.explanation ?? ScoreExplanation())
        } else {
            print(ScoreCardText.explanation(card, card.explanation ?? ScoreExplanation()).joined(separator: "\n"))
        }
    }
}
