/// The four services of the suite, and the names each one goes by in sockets, schemas and protos.
public enum ServiceName: String, CaseIterable, Sendable, Codable, Hashable {
    case identity
    case scoring
    case lifecycle
    case retention

    /// The PostgreSQL schema the service owns, and nothing else.
    public var schema: String { rawValue }

    /// The database role the service connects as; it has rights on its own schema only.
    public var databaseRole: String { "clm_\(rawValue)" }

    /// The executable's name.
    public var executable: String { "clm-\(rawValue)" }

    /// The full name of the service's own API in the protos, e.g. `clm.identity.v1.Identity`.
    public var protoService: String {
        switch self {
        case .identity: "clm.identity.v1.Identity"
        case .scoring: "clm.scoring.v1.Scoring"
        case .lifecycle: "clm.lifecycle.v1.Lifecycle"
        case .retention: "clm.retention.v1.Retention"
        }
    }

    /// The service whose event feed this one consumes, if any (data flows one way, DESIGN.md §1).
    public var upstream: ServiceName? {
        switch self {
        case .identity: nil
        case .scoring: .identity
        case .lifecycle: .scoring
        case .retention: .lifecycle
        }
    }
}
