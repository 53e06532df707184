/// A ``MatchIndexStorage`` in memory, for tests and for resolving without a database.
public actor InMemoryMatchIndexStorage: MatchIndexStorage {
    private var byKey: [BlockingKey: [Int]] = [:]
    private var stored: [Int: MatchRecord] = [:]
    private var clusterOf: [Int: Int] = [:]
    private var members: [Int: [Int]] = [:]
    private var clusterIdentifiers: [Int: [String: String]] = [:]

    /// Creates an empty store.
    public init() {}

    public func recordIDs(sharing key: BlockingKey, limit: Int) -> [Int]? {
        let ids = byKey[key] ?? []
        return ids.count > limit ? nil : ids
    }

    public func records(_ ids: [Int]) -> [MatchRecord] { ids.compactMap { stored[$0] } }

    public func clusters(of recordIDs: [Int]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for id in recordIDs { if let cluster = clusterOf[id] { result[id] = cluster } }
        return result
    }

    public func identifiers(ofCluster cluster: Int) -> [String: String] { clusterIdentifiers[cluster] ?? [:] }

    public func insert(_ record: MatchRecord, keys: [BlockingKey], cluster: Int) {
        stored[record.id] = record
        for key in keys { byKey[key, default: []].append(record.id) }
        clusterOf[record.id] = cluster
        members[cluster, default: []].append(record.id)
        clusterIdentifiers[cluster, default: [:]].merge(record.identifiers) { kept, _ in kept }
    }

    public func merge(_ absorbed: Int, into survivor: Int) {
        guard absorbed != survivor, let moving = members.removeValue(forKey: absorbed) else { return }
        for id in moving { clusterOf[id] = survivor }
        members[survivor, default: []].append(contentsOf: moving)
        if let ids = clusterIdentifiers.removeValue(forKey: absorbed) {
            clusterIdentifiers[survivor, default: [:]].merge(ids) { kept, _ in kept }
        }
    }

    /// Every stored record's cluster, for evaluation.
    public func allClusters() -> [Int: Int] { clusterOf }
}
