// `--help` text and the README's field tables, generated from the catalogue.

extension ImportKind {
    /// The `--help` text for `clm import <kind>`: usage, what the key is, and every field
    /// (name, aliases, required, multi-valued, type, meaning), then the file rules.
    /// - Parameter includingUsage: start with the usage line (a command-line parser that prints its own leaves it out).
    public func helpText(command: String = "clm import", includingUsage: Bool = true) -> String {
        var lines: [String] = []
        if includingUsage {
            lines += ImportHelp.wrap("Usage: \(command) \(rawValue) FILE --source SYSTEM --key COLUMN "
                + "(--map field=column,… | --map-file F) [--format csv|tsv|jsonl] [--delimiter C]", indent: "  ")
            lines.append("")
        }
        lines += ImportHelp.wrap("Loads \(rawValue) (\(protoMessage)) from a CSV or JSON Lines file. --key names the "
            + "column holding \(sourceKeyMeaning).")
        lines.append("")
        lines.append("Fields (* required; + one of its group; multi: several columns may feed it):")
        for field in fields {
            var head = field.name
            switch field.requirement {
            case .required: head += " *"
            case .oneOf: head += " +"
            case .optional: break
            }
            head += "  " + field.typeName + (field.isMultiValued ? ", multi" : "")
            if !field.aliases.isEmpty { head += "  (also: \(field.aliases.joined(separator: ", ")))" }
            var meaning = field.meaning
            if case .choice(let choices) = field.valueType {
                meaning += "; one of: " + choices.map(\.value).joined(separator: ", ")
            }
            lines += ImportHelp.wrap(head, firstIndent: "  ", indent: "      ")
            lines += ImportHelp.wrap(meaning, firstIndent: "      ", indent: "      ")
        }
        for (group, members) in requiredGroups {
            lines += ImportHelp.wrap("+ \(group): map at least one of \(members.joined(separator: ", ")); a row with "
                + "all of them empty is rejected.", firstIndent: "  ", indent: "    ")
        }
        lines.append("")
        lines.append(contentsOf: ImportHelp.fileRules)
        return lines.joined(separator: "\n")
    }

    /// The fields as a Markdown table, for the README.
    public func markdownFieldTable() -> String {
        var lines = ["| field | aliases | required | multi | type | meaning | proto |", "|---|---|---|---|---|---|---|"]
        for field in fields {
            let requirement: String
            switch field.requirement {
            case .required: requirement = "yes"
            case .oneOf(let group): requirement = "one of \(group)"
            case .optional: requirement = ""
            }
            var meaning = field.meaning
            if case .choice(let choices) = field.valueType {
                meaning += "; one of: " + choices.map { "`\($0.value)`" }.joined(separator: ", ")
            }
            lines.append("| `\(field.name)` | \(field.aliases.map { "`\($0)`" }.joined(separator: ", ")) | "
                + "\(requirement) | \(field.isMultiValued ? "yes" : "") | \(field.typeName) | "
                + "\(meaning.replacing("|", with: "\\|")) | `\(field.protoField)` |")
        }
        return lines.joined(separator: "\n")
    }
}

/// Help shared by every kind.
public enum ImportHelp {
    /// The overview for `clm import --help`: the kinds and the file rules.
    /// - Parameter includingUsage: start with the usage line (a command-line parser that prints its own leaves it out).
    public static func overview(command: String = "clm import", includingUsage: Bool = true) -> String {
        var lines = includingUsage
            ? ["Usage: \(command) KIND FILE --source SYSTEM --key COLUMN (--map field=column,… | --map-file F)", ""]
            : []
        lines.append("Kinds:")
        let width = ImportKind.allCases.map(\.rawValue.count).max() ?? 0
        for kind in ImportKind.allCases {
            lines += wrap("\(kind.protoMessage); key: \(kind.sourceKeyMeaning)",
                          firstIndent: "  \(kind.rawValue.padded(to: width))  ",
                          indent: String(repeating: " ", count: width + 6))
        }
        lines.append("")
        lines.append("'\(command) KIND --help' lists the fields of a kind.")
        lines.append("")
        lines.append(contentsOf: fileRules)
        return lines.joined(separator: "\n")
    }

    /// How files are read and mapped, wrapped to fit 80 columns.
    public static let fileRules: [String] = {
        let sections: [(String, [String])] = [
            ("Files:", [
                "CSV (RFC 4180: quoted fields may hold commas, \"\" for a quote, and line breaks; LF or CRLF; a header "
                    + "row) with any one-character delimiter (--delimiter '\\t' for TSV), or JSON Lines (one object per "
                    + "line; nested keys as a.b; an array of values feeds a multi-valued field). Files must be UTF-8 (a "
                    + "BOM is skipped). A GBK / GB18030 export is converted with:",
                "  iconv -f GB18030 -t UTF-8 in.csv > in.utf8.csv",
            ]),
            ("Mapping:", [
                "--map field=column,… (repeatable), or --map-file F with one field=column per line and # comments. "
                    + "Column names may be Chinese (name=客户姓名). A multi-valued field may take several columns: "
                    + "--map phone=手机,phone=电话. Unknown fields, missing required fields and columns not in the "
                    + "header are reported before anything is read.",
            ]),
            ("Values:", [
                "Trimmed; empty values and the null markers NULL, null, \\N and - are absent.",
                "choice: the value or a listed label (case ignored), or the proto enum's number (resident_id: 1).",
                "integer; decimal (a share may be 50%); yes/no: true/false, 1/0, Y/N, yes/no, 是/否.",
                "money: major units (1234.50, 1,234.50, ¥1234.5) unless the column is named *_fen, *_cents or "
                    + "*_minor, or --money-unit minor says every amount is in minor units (分); the currency is the "
                    + "currency field, else CNY.",
                "date: YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日, or DD/MM/YYYY when unambiguous "
                    + "(--date-order day-first|month-first settles 03/04/2020).",
                "timestamp: ISO 8601 (2024-03-01T09:30:00+08:00, …Z), YYYY-MM-DD HH:MM[:SS] in --time-zone "
                    + "(default +08:00), or a date.",
                "Parties: a birth date that cannot be read, and every ID number, phone and e-mail, are passed on as "
                    + "given for the service to check and flag: they never reject the row. Other values that cannot "
                    + "be read do.",
            ]),
            ("Counts:", [
                "Every row is either stored or rejected with its line number and reason; blank lines are skipped "
                    + "and counted. Rows read = records stored + rows rejected.",
            ]),
        ]
        var lines: [String] = []
        for (heading, paragraphs) in sections {
            lines.append(heading)
            for paragraph in paragraphs {
                let extra = String(paragraph.prefix(while: { $0 == " " }))
                lines += wrap(String(paragraph.dropFirst(extra.count)), firstIndent: "  " + extra, indent: "    " + extra)
            }
        }
        return lines
    }()

    /// Words of `text` in lines of at most `width` characters (a longer word stands alone), the first line starting
    /// with `firstIndent` and the others with `indent`.
    public static func wrap(_ text: String, width: Int = 79, firstIndent: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
