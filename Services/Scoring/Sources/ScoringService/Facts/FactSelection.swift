import Store

/// Which customers' rows a fact query selects: listed codes (an index probe each) or a range of the book's code
/// order (one index range scan), as a WHERE condition on a code column and its parameters.
struct FactSelection {
    private enum Kind {
        case codes
        case range
    }

    private let kind: Kind
    /// `$1` (and `$2`) of every query the selection is part of.
    let parameters: [PostgresValue]

    /// The customers `codes`.
    init(codes: [String]) {
        kind = .codes
        parameters = [SQLValues.texts(codes)]
    }

    /// Every customer from `first` through `last` in the database's order of codes (its collation, which
    /// `ORDER BY` also follows).
    init(from first: String, through last: String) {
        kind = .range
        parameters = [.text(first), .text(last)]
    }

    /// The condition on `column` (a customer code).
    func matching(_ column: String) -> String {
        switch kind {
        case .codes: "\(column) = ANY($1::text[])"
        case .range: "\(column) BETWEEN $1 AND $2"
        }
    }
}
