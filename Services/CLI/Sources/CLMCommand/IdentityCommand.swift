import ArgumentParser
import Foundation
import IdentityAPI
import Models
import NIOCore
import RPC
import RecordImport

/// `clm identity …`: the identity service as a whole.
struct IdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity", abstract: "Ask the identity service about its records and customers.",
        subcommands: [IdentityStatsCommand.self])
}

/// `clm identity stats`: records, customers, links, review backlog.
struct IdentityStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show counts: party records, customers, links, aliases, review backlog, "
            + "and the records held per source system.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let stats = try await global.withIdentity { identity in
            try await identity.call(IdentityAPI.getStatistics, GetStatisticsRequest())
        }
        if global.json {
            try printJSON(stats)
            return
        }
        print(Self.render(stats))
    }

    static func render(_ stats: GetStatisticsResponse) -> String {
        let g = { (n: Int64) in ProgressText.grouped(Int(n)) }
        var rows: [(String, String)] = [
            ("party records", g(stats.partyRecords)),
            ("customers", g(stats.customers)
                + " (\(g(stats.individualCustomers)) individuals, \(g(stats.organisationCustomers)) organisations)"),
            ("links", g(stats.links)),
            ("aliases", g(stats.aliases)),
            ("review backlog", g(stats.reviewBacklog)
                + (stats.oldestPendingReview.map { " (oldest since \(formatTimestamp($0)))" } ?? "")),
            ("unresolved records", g(stats.unresolvedRecords)),
            ("waiting for parties", g(stats.recordsPendingParties)),
        ]
        if stats.erasedCustomers > 0 { rows.append(("erased customers", g(stats.erasedCustomers))) }
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        if !stats.bySourceSystem.isEmpty {
            lines.append("")
            let header = ["source", "parties", "policies", "payments", "claims", "servicing", "services", "interactions"]
            let table = [header] + stats.bySourceSystem.map { count in
                [count.sourceSystem, g(count.partyRecords), g(count.policies), g(count.payments), g(count.claims),
                 g(count.servicing), g(count.serviceUsage), g(count.interactions)]
            }
            lines += formatTable(table, rightAligned: Set(1..<header.count))
        }
        return lines.joined(separator: "\n")
    }
}

/// Rows of cells as aligned columns, two spaces apart.
func formatTable(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    let widths = (0..<columns).map { column in
        rows.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 0
    }
    return rows.map { row in
        row.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - displayWidth(cell))
            return rightAligned.contains(column) ? pad + cell : cell + pad
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }
}

/// Columns a text takes on a terminal: East Asian wide and full-width characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F: width
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            width + 2
        default: width + 1
        }
    }
}

/// An instant as ISO 8601 in UTC, to the second: `2025-06-30T08:15:00Z`.
func formatTimestamp(_ timestamp: Timestamp) -> String {
    let seconds = timestamp.unixMicros >= 0 ? timestamp.unixMicros / 1_000_000 : (timestamp.unixMicros - 999_999) / 1_000_000
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
