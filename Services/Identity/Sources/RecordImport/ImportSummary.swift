/// The final count of one `clm import` file: rows in = rows stored + rows rejected.
public struct ImportSummary: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var kind: String
    public var rowsRead: Int
    /// By the service's outcome; all zero in a dry run.
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var stale: Int
    /// Rows that became records ready to send, in a dry run.
    public var converted: Int
    public var rejected: Int
    /// Rejections by ``RejectionReason/code``.
    public var rejectedByReason: [String: Int]
    public var blankLines: Int
    public var sentToReview: Int
    public var withPendingParties: Int
    public var rejectsFile: String?
    public var dryRun: Bool

    public init(file: String, kind: ImportKind, tally: ImportTally, outcomes: IngestOutcomes, dryRun: Bool,
                rejectsFile: String?) {
        self.file = file
        self.kind = kind.rawValue
        rowsRead = tally.rowsRead
        created = outcomes.created
        updated = outcomes.updated
        unchanged = outcomes.unchanged
        stale = outcomes.stale
        converted = dryRun ? tally.recordsProduced : 0
        rejected = tally.rowsRejected
        rejectedByReason = tally.rejectedByReason
        blankLines = tally.blankLines
        sentToReview = outcomes.sentToReview
        withPendingParties = outcomes.withPendingParties
        self.rejectsFile = rejectsFile
        self.dryRun = dryRun
    }

    public var stored: Int { created + updated + unchanged + stale }

    /// Rows read = rows stored (or converted, in a dry run) + rows rejected.
    public var isBalanced: Bool { rowsRead == stored + converted + rejected }

    /// `parties.csv: 1,000 rows read: 990 stored (980 created, 10 unchanged), 10 rejected (7 invalid_value, …)`.
    public var description: String {
        let g = ProgressText.grouped
        var text = "\(file): \(g(rowsRead)) row\(rowsRead == 1 ? "" : "s") read: "
        if dryRun {
            text += "\(g(converted)) ready to send (dry run, nothing sent)"
        } else {
            let parts = [(created, "created"), (updated, "updated"), (unchanged, "unchanged"), (stale, "stale")]
                .filter { $0.0 > 0 }.map { "\(g($0.0)) \($0.1)" }
            text += "\(g(stored)) stored" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        }
        text += ", \(g(rejected)) rejected"
        if !rejectedByReason.isEmpty {
            text += " (" + rejectedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\(g($0.value)) \($0.key)" }.joined(separator: ", ") + ")"
        }
        if blankLines > 0 { text += "; \(g(blankLines)) blank line\(blankLines == 1 ? "" : "s") skipped" }
        if sentToReview > 0 { text += "; \(g(sentToReview)) sent to clerical review" }
        if withPendingParties > 0 { text += "; \(g(withPendingParties)) waiting for parties not loaded yet" }
        return text
    }
}
