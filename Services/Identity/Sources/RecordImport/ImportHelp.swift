// `--help` text and the README's field tables, generated from the catalogue.

extension ImportKind {
    /// The `--help` text for `clm import <kind>`: usage, what the key is, and every field
    /// (name, aliases, required, multi-valued, type, meaning), then the file rules.
    public func helpText(command: String = "clm import") -> String {
        var lines: [String] = []
        lines.append("Usage: \(command) \(rawValue) FILE --source SYSTEM --key COLUMN "
            + "(--map field=column,… | --map-file F) [--format csv|tsv|jsonl] [--delimiter C]")
        lines.append("")
        lines.append("Loads \(rawValue) (\(protoMessage)) from a CSV or JSON Lines file. --key names the column "
            + "holding \(sourceKeyMeaning).")
        lines.append("")
        lines.append("Fields (req: * required, + at least one of its group; multi: several columns allowed):")
        let rows = fields.map { field -> (String, String, String, String, String) in
            let names = field.aliases.isEmpty ? field.name : "\(field.name) (\(field.aliases.joined(separator: ", ")))"
            let requirement: String
            switch field.requirement {
            case .required: requirement = "*"
            case .oneOf: requirement = "+"
            case .optional: requirement = ""
            }
            var meaning = field.meaning
            if case .choice(let choices) = field.valueType {
                meaning += "; one of: " + choices.map(\.value).joined(separator: ", ")
            }
            return (names, requirement, field.isMultiValued ? "multi" : "", field.typeName, meaning)
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let typeWidth = rows.map(\.3.count).max() ?? 0
        for row in rows {
            lines.append("  " + row.0.padded(to: nameWidth) + " " + row.1.padded(to: 1) + " "
                + row.2.padded(to: 5) + " " + row.3.padded(to: typeWidth) + "  " + row.4)
        }
        for (group, members) in requiredGroups {
            lines.append("  + \(group): map at least one of \(members.joined(separator: ", ")); "
                + "a row with all of them empty is rejected.")
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
    public static func overview(command: String = "clm import") -> String {
        var lines = ["Usage: \(command) KIND FILE --source SYSTEM --key COLUMN (--map field=column,… | --map-file F)", "",
                     "Kinds:"]
        let width = ImportKind.allCases.map(\.rawValue.count).max() ?? 0
        for kind in ImportKind.allCases {
            lines.append("  \(kind.rawValue.padded(to: width))  \(kind.protoMessage); key: \(kind.sourceKeyMeaning)")
        }
        lines.append("")
        lines.append("'\(command) KIND --help' lists the fields of a kind.")
        lines.append("")
        lines.append(contentsOf: fileRules)
        return lines.joined(separator: "\n")
    }

    /// How files are read and mapped.
    public static let fileRules: [String] = [
        "Files:",
        "  CSV (RFC 4180: quoted fields may hold commas, \"\" for a quote, and line breaks; LF or CRLF; a header row)",
        "  with any one-character delimiter (--delimiter '\\t' for TSV), or JSON Lines (one object per line; nested",
        "  keys as a.b; an array of values feeds a multi-valued field). Files must be UTF-8 (a BOM is skipped).",
        "  A GBK / GB18030 export is converted with: iconv -f GB18030 -t UTF-8 in.csv > in.utf8.csv",
        "Mapping:",
        "  --map field=column,… (repeatable), or --map-file F with one field=column per line and # comments.",
        "  Column names may be Chinese (name=客户姓名). A multi-valued field may take several columns:",
        "  --map phone=手机,phone=电话. Unknown fields, missing required fields and columns not in the header are",
        "  reported before anything is read.",
        "Values:",
        "  Trimmed; empty values and the null markers NULL, null, \\N and - are absent.",
        "Counts:",
        "  Every row is either stored or rejected with its line number and reason; blank lines are skipped and",
        "  counted. Rows read = records stored + rows rejected.",
    ]
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
