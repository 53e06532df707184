import ArgumentParser
import IdentityAPI
import Models

/// `clm audit CODE`: the operations that touched a customer or its aliases, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List a customer's audit trail, newest first: who changed what, when and why.",
        discussion: "An alias lists its survivor's trail. The operation ids are those clm undo takes.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var page: PageOptions

    @Argument(help: "A customer code or an alias.")
    var code: String

    func run() async throws {
        let answer = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.listAuditTrail,
                                    ListAuditTrailRequest(customerCode: code, page: page.request))
        }
        if global.json {
            try printJSON(answer)
            return
        }
        guard !answer.entries.isEmpty else {
            print("\(code): no audit entries")
            return
        }
        var lines: [String] = []
        for entry in answer.entries {
            lines += Self.lines(entry) + [""]
        }
        lines.append("\(answer.entries.count) entr\(answer.entries.count == 1 ? "y" : "ies")")
        if let hint = page.nextPageHint(answer.page) { lines.append(hint) }
        print(lines.joined(separator: "\n"))
    }

    /// `2025-06-30T08:15:00Z  merge  <operation id>  by ops-1 (uid 1000)`, then the reason, customers, records,
    /// detail and whether it was undone.
    static func lines(_ entry: AuditEntry) -> [String] {
        var lines = ["\(formatTimestamp(entry.occurredAt))  \(entry.type.label)  \(entry.operationId)  "
            + "by \(entry.operatorId)" + (entry.caller.isEmpty ? "" : " (uid \(entry.caller))")]
        if !entry.reason.isEmpty { lines.append("  reason: \(entry.reason)") }
        if !entry.customerCodes.isEmpty { lines.append("  customers: " + entry.customerCodes.joined(separator: ", ")) }
        if !entry.records.isEmpty { lines.append("  records: " + entry.records.map(\.text).joined(separator: ", ")) }
        if !entry.detail.isEmpty { lines.append("  " + entry.detail) }
        if !entry.undoneBy.isEmpty { lines.append("  undone by \(entry.undoneBy)") }
        return lines
    }
}
