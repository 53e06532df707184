/// Where a ``MatchIndex`` keeps stored records, their blocking keys and their clusters.
///
/// Small on purpose, so that a PostgreSQL table of (rule, key, record) with an index on (rule, key) and a table of
/// record → cluster can back it; every method may suspend and throw for that reason.
public protocol MatchIndexStorage: Sendable {
    /// The ids of stored records filed under `key`, or nil when more than `limit` are (the block is skipped, as in
    /// bulk).
    func recordIDs(sharing key: BlockingKey, limit: Int) async throws -> [Int]?
    /// The stored records with these ids (unknown ids are left out).
    func records(_ ids: [Int]) async throws -> [MatchRecord]
    /// The cluster of each of these record ids.
    func clusters(of recordIDs: [Int]) async throws -> [Int: Int]
    /// The valid identifiers held by a cluster's records, by type (one value per type, guard rails keep it so).
    func identifiers(ofCluster cluster: Int) async throws -> [String: String]
    /// Stores a record under its keys, in a cluster (a new cluster is named by the record's id).
    func insert(_ record: MatchRecord, keys: [BlockingKey], cluster: Int) async throws
    /// Moves every record of `absorbed` into `survivor`.
    func merge(_ absorbed: Int, into survivor: Int) async throws
}
