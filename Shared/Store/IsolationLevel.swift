/// The isolation level a ``PostgresPool/transaction(isolation:retries:_:)`` runs at.
public enum IsolationLevel: Sendable, Hashable {
    /// Each statement sees data committed before it began (PostgreSQL's default).
    case readCommitted
    /// The whole transaction sees one snapshot; concurrent updates of the same row fail with 40001.
    case repeatableRead
    /// Like running one at a time; any dangerous overlap fails with 40001.
    case serializable

    /// The `BEGIN` statement that opens a transaction at this level.
    var beginStatement: String {
        switch self {
        case .readCommitted: "BEGIN ISOLATION LEVEL READ COMMITTED"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}
