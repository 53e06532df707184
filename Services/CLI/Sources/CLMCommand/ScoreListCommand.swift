import ArgumentParser
import Models
import ScoringAPI

/// `clm score list`: scored customers, filtered and ordered, a page at a time.
struct ScoreListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List scored customers by tier, layer, risk grade, VIP, potential or product line, in an order.",
        discussion: "Options given several values (--tier gold diamond, or --tier gold --tier diamond) match any of "
            + "them; different options must all hold.")

    /// `--order` values: a short name, or the order's full label.
    static let orders: [String: CustomerOrder] = [
        "value": .valueScoreDesc, "clv": .clvDesc, "premium": .annualisedPremiumDesc, "risk": .riskScoreDesc,
        "code": .customerCode,
    ]

    @OptionGroup var global: GlobalOptions
    @OptionGroup var page: PageOptions

    @Option(parsing: .upToNextOption, help: "Only these tiers: \(CustomerTier.labels).")
    var tier: [String] = []

    @Option(parsing: .upToNextOption, help: "Only these pyramid layers: \(PyramidLayer.labels).")
    var layer: [String] = []

    @Option(parsing: .upToNextOption, help: "Only these risk grades: \(RiskGrade.labels).")
    var risk: [String] = []

    @Option(parsing: .upToNextOption, help: "Only holders of an in-force policy of these lines: \(ProductLine.labels).")
    var line: [String] = []

    @Flag(help: "Only customers on the VIP list.")
    var vip = false

    @Flag(help: "Only customers flagged potential.")
    var potential = false

    @Option(help: "value (highest value score first, the default), clv, premium, risk or code.")
    var order: String = "value"

    func validate() throws { _ = try request() }

    func request() throws -> ListCustomersRequest {
        guard let sort = Self.orders[order.lowercased()] ?? CustomerOrder(label: order) else {
            throw ValidationError("--order \(order): one of value, clv, premium, risk, code")
        }
        return ListCustomersRequest(
            page: page.request, tiers: try tier.map { try ScoringText.option($0, "tier") },
            layers: try layer.map { try ScoringText.option($0, "layer") },
            riskGrades: try risk.map { try ScoringText.option($0, "risk") }, potential: potential ? true : nil,
            vip: vip ? true : nil, productLines: try line.map { try ScoringText.option($0, "line") }, order: sort)
    }

    func run() async throws {
        let request = try request()
        let answer = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.listCustomers, request)
        }
        if global.json {
            try printJSON(answer)
            return
        }
        print(Self.render(answer, page: page).joined(separator: "\n"))
    }

    static func render(_ answer: ListCustomersResponse, page: PageOptions) -> [String] {
        guard !answer.customers.isEmpty else { return ["no customers match"] }
        typealias T = ScoringText
        var table = [["customer", "tier", "layer", "value score", "risk", "VIP", "potential", "annualised premium",
                      "CLV"]]
        for c in answer.customers {
            table.append([c.customerCode, T.name(c.tier), T.name(c.layer), T.score(c.valueScore), T.name(c.riskGrade),
                          c.vip ? "yes" : "", c.potential ? "yes" : "", "\(c.annualisedPremium)", "\(c.clv)"])
        }
        var lines = formatTable(table, rightAligned: [3, 7, 8])
        let shown = answer.customers.count
        lines.append("\(shown) customer\(shown == 1 ? "" : "s")"
            + (answer.page.totalCount >= 0 ? " of \(T.count(answer.page.totalCount))" : ""))
        if let hint = page.nextPageHint(answer.page) { lines.append(hint) }
        return lines
    }
}
