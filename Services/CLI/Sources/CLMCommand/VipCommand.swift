import ArgumentParser
import Models
import ScoringAPI

/// `clm vip [--since DATE]`: the VIP list, longest continuous tenure first.
struct VipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vip",
        abstract: "List the VIP customers (continuous tenure of five years or more), longest tenure first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var page: PageOptions

    @Option(help: "Only customers who entered the list on or after this day (YYYY-MM-DD).")
    var since: String?

    func validate() throws { _ = try request() }

    func request() throws -> ListVipCustomersRequest {
        ListVipCustomersRequest(page: page.request, enteredSince: try since.map { try ScoringText.day($0, "since") })
    }

    func run() async throws {
        let request = try request()
        let answer = try await global.withService(.scoring) { scoring in
            try await scoring.call(ScoringAPI.listVipCustomers, request)
        }
        if global.json {
            try printJSON(answer)
        } else {
            print(Self.render(answer, page: page, since: request.enteredSince).joined(separator: "\n"))
        }
    }

    static func render(_ answer: ListVipCustomersResponse, page: PageOptions, since: CalendarDate?) -> [String] {
        guard !answer.customers.isEmpty else {
            return ["no VIP customers" + (since.map { " entered the list since \($0)" } ?? "")]
        }
        var table = [["customer", "VIP since", "continuous tenure", "tier", "annualised premium"]]
        for entry in answer.customers {
            table.append([entry.customerCode, entry.vipSince?.description ?? "",
                          "\(entry.continuousTenureMonths) months",
                          ScoringText.name(entry.tier), "\(entry.annualisedPremium)"])
        }
        var lines = formatTable(table, rightAligned: [2, 4])
        let shown = answer.customers.count
        lines.append("\(shown) VIP customer\(shown == 1 ? "" : "s")"
            + (answer.page.totalCount >= 0 ? " of \(ScoringText.count(answer.page.totalCount))" : ""))
        if let hint = page.nextPageHint(answer.page) { lines.append(hint) }
        return lines
    }
}
