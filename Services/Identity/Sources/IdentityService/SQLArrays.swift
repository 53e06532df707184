import Foundation
import Store

/// Array parameters, sent as PostgreSQL array literals in text form (cast in the statement: `$1::bigint[]`).
enum SQLArray {
    static func integers(_ values: some Sequence<Int64>) -> PostgresValue {
        .text("{" + values.map(String.init).joined(separator: ",") + "}")
    }

    /// Reads a `text[]` or `bigint[]` column sent back as text (`{a,"b c"}`); the statement casts it `::text`.
    static func parse(_ literal: String) -> [String] {
        var values: [String] = [], current = "", quoted = false, escaped = false, inValue = false
        for character in literal.dropFirst().dropLast() {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle(); inValue = true
            case "," where !quoted:
                values.append(current); current = ""; inValue = false
            default: current.append(character); inValue = true
            }
        }
        if inValue || !values.isEmpty { values.append(current) }
        return values
    }
}
