/// Quoting for the few places SQL text must carry a name or a value that cannot be a parameter:
/// DDL (`CREATE ROLE`, `CREATE SCHEMA`), `LISTEN`, and passwords in `ALTER ROLE`.
public enum PostgresQuoting {
    /// `name` as a double-quoted identifier, inner quotes doubled: `a"b` → `"a""b"`.
    ///
    /// Quoted identifiers are case-sensitive: `identifier("Identity")` is not `identity`.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `text` as a string literal, inner quotes doubled; with an `E''` prefix and doubled
    /// backslashes when it holds a backslash, so the result does not depend on
    /// `standard_conforming_strings`.
    public static func literal(_ text: String) -> String {
        let quoted = text.replacingAll("'", with: "''")
        guard text.contains("\\") else { return "'" + quoted + "'" }
        return "E'" + quoted.replacingAll("\\", with: "\\\\") + "'"
    }

    /// `text` as a dollar-quoted string whose tag is chosen so that it does not occur in `text`.
    public static func dollarQuoted(_ text: String, tagHint: String = "clm") -> String {
        var tag = "$\(tagHint)$"
        var counter = 0
        // A body ending in the tag minus its last "$" would close early when the tag is appended.
        while text.contains(tag) || text.hasSuffix(String(tag.dropLast())) {
            counter += 1
            tag = "$\(tagHint)\(counter)$"
        }
        return tag + text + tag
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
