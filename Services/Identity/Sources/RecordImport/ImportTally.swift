/// The counts of one import: nothing is silently dropped, so rows read = records produced + rows
/// rejected. Blank lines are neither, and are reported on their own.
public struct ImportTally: Sendable, Hashable, CustomStringConvertible {
    /// Rows read from the file (header and blank lines not counted).
    public private(set) var rowsRead = 0
    /// Rows that became records.
    public private(set) var recordsProduced = 0
    /// Rows that did not, each with its line and reason (in ``rejections`` when kept).
    public private(set) var rowsRejected = 0
    /// Blank lines skipped.
    public var blankLines = 0
    /// Rejections by ``RejectionReason/code``.
    public private(set) var rejectedByReason: [String: Int] = [:]
    /// Every rejection in file order, when ``keepsRejections``; a caller streaming them to a
    /// rejects file turns this off to keep memory constant.
    public private(set) var rejections: [RowRejection] = []
    public let keepsRejections: Bool

    public init(keepingRejections: Bool = true) {
        self.keepsRejections = keepingRejections
    }

    /// Counts a row that became a record.
    public mutating func countProduced() {
        rowsRead += 1
        recordsProduced += 1
    }

    /// Counts a row that was rejected.
    public mutating func countRejected(_ rejection: RowRejection) {
        rowsRead += 1
        noteRejection(rejection)
    }

    /// Moves a produced record to the rejected (e.g. the ingest RPC refused it), so that the
    /// counts keep adding up: rows in = records stored + rows rejected.
    public mutating func rejectProduced(_ rejection: RowRejection) {
        precondition(recordsProduced > 0, "no produced record to reject")
        recordsProduced -= 1
        noteRejection(rejection)
    }

    private mutating func noteRejection(_ rejection: RowRejection) {
        rowsRejected += 1
        rejectedByReason[rejection.reason.code, default: 0] += 1
        if keepsRejections { rejections.append(rejection) }
    }

    /// Whether rows read = records produced + rows rejected.
    public var isBalanced: Bool { rowsRead == recordsProduced + rowsRejected }

    /// - Throws: `ImportTallyError` when rows read ≠ records produced + rows rejected.
    public func checkBalanced() throws(ImportTallyError) {
        guard isBalanced else { throw ImportTallyError(tally: self) }
    }

    /// `200000 rows read: 199990 records, 10 rejected (7 wrong_field_count, 3 empty_key); 2 blank lines`.
    public var description: String {
        var text = "\(rowsRead) rows read: \(recordsProduced) records, \(rowsRejected) rejected"
        if !rejectedByReason.isEmpty {
            text += " (" + rejectedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        }
        if blankLines > 0 { text += "; \(blankLines) blank line\(blankLines == 1 ? "" : "s") skipped" }
        return text
    }
}

/// The counts of an import do not add up: a row was lost somewhere.
public struct ImportTallyError: Error, Sendable, Hashable, CustomStringConvertible {
    public let tally: ImportTally
    public var description: String {
        "import counts do not add up: \(tally.rowsRead) rows read ≠ \(tally.recordsProduced) records + "
            + "\(tally.rowsRejected) rejected"
    }
}
