/// The files a book is written to, one per record kind, and their columns.
public enum RecordFile: String, Sendable, Hashable, CaseIterable, Codable {
    case parties, policies, policyRoles = "policy_roles", payments, claims, servicing
    case serviceUsage = "service_usage", interactions, truth, entities

    /// The value kinds a column holds; JSON Lines writes integers and booleans unquoted, empty integers as null.
    public enum ColumnKind: Sendable { case text, integer, boolean }

    /// The file's name for a format: `parties.csv`, `parties.jsonl`.
    public func fileName(_ format: OutputFormat) -> String { "\(rawValue).\(format.rawValue)" }

    /// The columns in order, with their kinds.
    public var columns: [(name: String, kind: ColumnKind)] {
        switch self {
        case .parties:
            return [("source_system", .text), ("source_key", .text), ("party_kind", .text), ("full_name", .text),
                    ("family_name", .text), ("given_name", .text), ("sex", .text), ("birth_date", .text),
                    ("id_type", .text), ("id_number", .text), ("phone", .text), ("email", .text),
                    ("province", .text), ("city", .text), ("address_line", .text), ("postcode", .text),
                    ("occupation", .text), ("occupation_class", .integer), ("employer_name", .text),
                    ("employer_source_system", .text), ("employer_source_key", .text), ("updated_at", .text)]
        case .policies:
            return [("source_system", .text), ("policy_number", .text), ("product_line", .text),
                    ("product_code", .text), ("product_name", .text), ("group_policy", .boolean),
                    ("premium_fen", .integer), ("currency", .text), ("payment_mode", .text),
                    ("premium_term_years", .integer), ("sum_insured_fen", .integer), ("application_date", .text),
                    ("issue_date", .text), ("effective_date", .text), ("end_date", .text), ("status", .text),
                    ("status_date", .text), ("renewal_of", .text), ("agent_code", .text), ("branch_code", .text),
                    ("sales_channel", .text)]
        case .policyRoles:
            return [("source_system", .text), ("policy_number", .text), ("party_source_system", .text),
                    ("party_source_key", .text), ("role", .text), ("relation_to_policyholder", .text),
                    ("benefit_share", .text)]
        case .payments:
            return [("source_system", .text), ("payment_key", .text), ("policy_number", .text),
                    ("instalment", .integer), ("due_date", .text), ("paid_date", .text), ("amount_fen", .integer),
                    ("currency", .text), ("status", .text)]
        case .claims:
            return [("source_system", .text), ("claim_number", .text), ("policy_number", .text),
                    ("claimant_source_system", .text), ("claimant_source_key", .text), ("incident_date", .text),
                    ("reported_date", .text), ("closed_date", .text), ("claimed_amount_fen", .integer),
                    ("paid_amount_fen", .integer), ("currency", .text), ("status", .text), ("fraud_flag", .boolean),
                    ("cause", .text)]
        case .servicing:
            return [("source_system", .text), ("servicing_key", .text), ("policy_number", .text),
                    ("requested_by_source_system", .text), ("requested_by_source_key", .text), ("type", .text),
                    ("status", .text), ("requested_date", .text), ("closed_date", .text), ("amount_fen", .integer),
                    ("currency", .text), ("description", .text)]
        case .serviceUsage:
            return [("source_system", .text), ("usage_key", .text), ("party_source_system", .text),
                    ("party_source_key", .text), ("policy_number", .text), ("service_code", .text),
                    ("service_name", .text), ("used_on", .text)]
        case .interactions:
            return [("source_system", .text), ("interaction_key", .text), ("party_source_system", .text),
                    ("party_source_key", .text), ("type", .text), ("channel", .text), ("occurred_at", .text),
                    ("topic", .text), ("campaign_code", .text), ("referred_source_system", .text),
                    ("referred_source_key", .text), ("resolved", .boolean)]
        case .truth:
            return [("source_system", .text), ("source_key", .text), ("entity_id", .text), ("errors", .text)]
        case .entities:
            return [("entity_id", .text), ("party_kind", .text), ("household_id", .text), ("household_role", .text),
                    ("employer_entity_id", .text)]
        }
    }
}

/// How records are written.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// UTF-8, a header row, RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled),
    /// rows ending in LF.
    case csv
    /// One JSON object per line, keys the column names; integers and booleans unquoted, empty integers null.
    case jsonl
}

/// Rows of one file, encoded into bytes as they are added.
struct TableBuffer {
    let format: OutputFormat
    let kinds: [RecordFile.ColumnKind]
    private let keys: [[UInt8]]
    var bytes: [UInt8] = []
    private(set) var rows = 0
    private var column = 0

    init(_ file: RecordFile, format: OutputFormat, capacity: Int = 1 << 16) {
        self.format = format
        let columns = file.columns
        kinds = columns.map(\.kind)
        keys = columns.enumerated().map { index, column in Array(((index == 0 ? "{" : ",") + "\"\(column.name)\":").utf8) }
        bytes.reserveCapacity(capacity)
    }

    /// The header line (CSV) or nothing (JSON Lines).
    static func header(_ file: RecordFile, format: OutputFormat) -> [UInt8] {
        format == .csv ? Array((file.columns.map(\.name).joined(separator: ",") + "\n").utf8) : []
    }

    @inline(__always) private mutating func start() {
        if format == .csv {
            if column > 0 { bytes.append(0x2C) }
        } else {
            bytes.append(contentsOf: keys[column])
        }
        column += 1
    }

    /// A text field; `nil` and "" are both empty.
    mutating func text(_ value: String?) {
        start()
        var value = value ?? ""
        if format == .csv {
            value.withUTF8 { utf8 in
                var plain = true
                for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    plain = false
                    break
                }
                if plain {
                    bytes.append(contentsOf: utf8)
                    return
                }
                bytes.append(0x22)
                for byte in utf8 {
                    if byte == 0x22 { bytes.append(0x22) }
                    bytes.append(byte)
                }
                bytes.append(0x22)
            }
        } else if kinds[column - 1] == .text {
            bytes.append(0x22)
            for byte in value.utf8 {
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                default: bytes.append(byte)
                }
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: value.isEmpty ? Array("null".utf8) : Array(value.utf8))
        }
    }

    /// An integer field; `nil` is empty (null in JSON Lines).
    mutating func integer(_ value: Int?) {
        start()
        if let value {
            bytes.append(contentsOf: String(value).utf8)
        } else if format == .jsonl {
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        }
    }

    /// A date field, `YYYY-MM-DD`, written without an intermediate string; `nil` is empty.
    mutating func date(_ value: Day?) {
        guard let value else { return text(nil) }
        start()
        if format == .jsonl { bytes.append(0x22) }
        let (y, m, d) = value.parts
        bytes.append(UInt8(48 + y / 1000 % 10)); bytes.append(UInt8(48 + y / 100 % 10))
        bytes.append(UInt8(48 + y / 10 % 10)); bytes.append(UInt8(48 + y % 10)); bytes.append(0x2D)
        bytes.append(UInt8(48 + m / 10)); bytes.append(UInt8(48 + m % 10)); bytes.append(0x2D)
        bytes.append(UInt8(48 + d / 10)); bytes.append(UInt8(48 + d % 10))
        if format == .jsonl { bytes.append(0x22) }
    }

    mutating func boolean(_ value: Bool) {
        start()
        bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    mutating func endRow() {
        precondition(column == kinds.count, "row has \(column) fields, expected \(kinds.count)")
        if format == .jsonl { bytes.append(0x7D) }
        bytes.append(0x0A)
        column = 0
        rows += 1
    }
}
