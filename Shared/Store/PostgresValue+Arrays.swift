extension PostgresValue {
    /// A `text[]` parameter as PostgreSQL's array literal in text form (cast it in the statement: `$1::text[]`):
    /// every value quoted, `\` and `"` escaped by a backslash. Built in one string; values without either character
    /// (nearly all: codes, keys, enum names) are copied in whole.
    public static func textArray(_ values: some Sequence<String>) -> PostgresValue {
        var literal = "{", first = true
        for value in values {
            if !first { literal += "," }
            first = false
            literal += "\""
            if value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
                for scalar in value.unicodeScalars {
                    if scalar == "\\" || scalar == "\"" { literal.unicodeScalars.append("\\") }
                    literal.unicodeScalars.append(scalar)
                }
            } else {
                literal += value
            }
            literal += "\""
        }
        return .text(literal + "}")
    }
}
