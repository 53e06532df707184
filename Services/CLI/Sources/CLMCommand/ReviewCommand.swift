import ArgumentParser
import Foundation
import IdentityAPI
import Models

/// `clm review …`: the clerical review queue.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "List the clerical review queue, and decide its items (link or no link).",
        subcommands: [ReviewListCommand.self, ReviewDecideCommand.self])
}

/// `clm review list`: the records waiting for a person, each with the customer it might belong to and why.
struct ReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List review items, oldest first, each with its candidate and the per-field explanation.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var page: PageOptions

    @Option(help: "Items in this state: \(ReviewStatus.labels) (default pending).")
    var status: String = "pending"

    @Option(help: "Only the items whose candidate is this customer.")
    var customer: String?

    func validate() throws {
        guard ReviewStatus(label: status) != nil else {
            throw ValidationError("--status \(status): one of \(ReviewStatus.labels)")
        }
    }

    func run() async throws {
        let request = ListReviewItemsRequest(page: page.request, status: ReviewStatus(label: status) ?? .pending,
                                             customerCode: customer ?? "")
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.listReviewItems, request)
        }
        if global.json {
            try printJSON(answer)
            return
        }
        guard !answer.items.isEmpty else {
            print("no \(status.replacingOccurrences(of: "_", with: " ")) review items")
            return
        }
        var lines: [String] = []
        for item in answer.items {
            lines.append("review \(item.reviewId)  \(item.status.label)  queued \(formatTimestamp(item.createdAt))")
            lines.append("  record \(item.record.text) might be " + MatchExplanation.lines(item.candidate)[0])
            lines += MatchExplanation.lines(item.candidate).dropFirst().map { "  " + $0 }
            if !item.decidedBy.isEmpty {
                lines.append("  decided by \(item.decidedBy)"
                    + (item.decidedAt.map { " at \(formatTimestamp($0))" } ?? "")
                    + (item.reason.isEmpty ? "" : ": \(item.reason)"))
            }
            lines.append("")
        }
        lines.append("\(answer.items.count) item\(answer.items.count == 1 ? "" : "s")"
            + (answer.personalDataMasked ? " (personal data masked)" : ""))
        if let hint = page.nextPageHint(answer.page) { lines.append(hint) }
        print(lines.joined(separator: "\n"))
    }
}

/// `clm review decide ITEM --link|--no-link --reason TEXT`: a person's decision, audited.
struct ReviewDecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide a review item: --link merges the record's customer into the candidate, --no-link keeps "
            + "them apart.",
        discussion: "A link can be undone with clm undo and the operation id it prints; the item then waits again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The review item's id, as clm review list shows it.")
    var item: String

    @Flag(inversion: .prefixedNo, exclusivity: .exclusive,
          help: "Whether the record and the candidate are the same customer.")
    var link: Bool

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        let request = DecideReviewItemRequest(reviewId: item, decision: link ? .link : .noLink,
                                              operatorId: change.recordedOperator(command: "review decide"),
                                              reason: change.reason)
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.decideReviewItem, request)
        }
        if global.json {
            try printJSON(answer)
            return
        }
        print("review \(answer.item.reviewId): \(answer.item.status.label) by \(answer.item.decidedBy); "
            + "\(answer.item.record.text) belongs to customer \(answer.customerCode)")
        print("operation \(answer.operationId)" + (link ? " (undo: clm undo \(answer.operationId) --reason …)" : ""))
    }
}
