import ArgumentParser
import Models
import ScoringAPI

/// `clm tiers [--line L]`: how the book spreads over the tiers, and the customer pyramid.
struct TiersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract: "Show customers and annualised premium per tier, and the customer pyramid.",
        discussion: "Shares are of the customers and premium shown: the whole book, or with --line the holders of an "
            + "in-force policy of that line.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only holders of an in-force policy of this line: \(ProductLine.labels).")
    var line: String?

    func validate() throws { _ = try productLine() }

    func productLine() throws -> ProductLine {
        try line.map { try ScoringText.option($0, "line") } ?? .unspecified
    }

    func run() async throws {
        let request = GetTierDistributionRequest(productLine: try productLine())
        let answer = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.getTierDistribution, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.render(answer, line: request.productLine).joined(separator: "\n"))
        }
    }

    typealias T = ScoringText

    /// The heading, the tier table with its total, and the pyramid.
    static func render(_ answer: GetTierDistributionResponse, line: ProductLine) -> [String] {
        let ruleSet = answer.ruleSet.ruleSetId.isEmpty
            ? "no rule set active" : "rule set \(answer.ruleSet.ruleSetId) v\(answer.ruleSet.version)"
        var lines = [
            "tiers of " + (line == .unspecified ? "the whole book" : "the holders of \(line.label) policies")
                + "; \(ruleSet); computed \(formatTimestamp(answer.computedAt))",
            "\(T.counted(answer.scoredCustomers, "customer")) scored, "
                + "\(T.count(answer.unscoredCustomers)) not scored yet"
                + (line == .unspecified ? "" : " (in the whole book)"),
            "",
        ]
        var table = [["tier", "customers", "share", "potential", "annualised premium", "premium share", "avg score"]]
        for tier in answer.tiers {
            table.append([T.name(tier.tier), T.count(tier.customers), T.percent(tier.customerShare),
                          T.count(tier.potentialCustomers), "\(tier.annualisedPremium)", T.percent(tier.premiumShare),
                          T.score(tier.averageValueScore)])
        }
        let premium = answer.tiers.reduce(0) { $0 + $1.annualisedPremium.minorUnits }
        let currency = answer.tiers.first?.annualisedPremium.currency ?? ""
        table.append(["total", T.count(answer.scoredCustomers), T.percent(answer.scoredCustomers > 0 ? 1 : 0),
                      T.count(answer.tiers.reduce(0) { $0 + $1.potentialCustomers }),
                      "\(Money(minorUnits: premium, currency: currency))", T.percent(premium > 0 ? 1 : 0), ""])
        lines += formatTable(table, rightAligned: Set(1...6))
        return lines + ["", "pyramid:"] + pyramid(answer.pyramid)
    }

    /// The layers top first, each a bar centred under the one above, as wide as its share of customers allows
    /// (the biggest layer the full width), with its customers and premium beside it.
    static func pyramid(_ layers: [LayerCount], width: Int = 36) -> [String] {
        let biggest = layers.map(\.customers).max() ?? 0
        var rows: [[String]] = []
        for layer in layers {
            var bar = "(no layer)"
            if layer.layer != .unspecified {
                // Whole pairs of blocks, so that every bar centres on the same column.
                let fraction = biggest > 0 ? Double(layer.customers) / Double(biggest) : 0
                let half = Int((fraction * Double(width / 2)).rounded())
                let blocks = max(layer.customers > 0 ? 1 : 0, half)
                let margin = String(repeating: " ", count: width / 2 - max(blocks, 1))
                bar = margin + (blocks > 0 ? String(repeating: "#", count: blocks * 2) : "··") + margin
            }
            rows.append(["  " + bar, T.name(layer.layer), T.count(layer.customers), T.percent(layer.customerShare),
                         "\(layer.annualisedPremium)", T.percent(layer.premiumShare)])
        }
        return formatTable(rows, rightAligned: [2, 3, 4, 5])
    }
}
