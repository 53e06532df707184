/// Resolves records one at a time against stored ones, with the same matcher (model, frequencies, thresholds and
/// blocking rules) as bulk resolution, so both paths reach the same clusters.
///
/// A new record's blocking keys find its candidates; each is scored; the record joins the cluster of its strongest
/// link, and further linked clusters merge into that one, strongest first, unless a guard rail refuses: exactly
/// what bulk union–find does with the same pairs.
public actor MatchIndex<Storage: MatchIndexStorage> {
    /// The matcher every record is scored with.
    public let matcher: Matcher
    /// Where records, keys and clusters live.
    public let storage: Storage

    /// Creates an index over `storage`.
    public init(matcher: Matcher, storage: Storage) {
        self.matcher = matcher
        self.storage = storage
    }

    /// Scores a record against its candidates without storing it: the pairs at or above the review threshold,
    /// strongest first, and how many candidates were compared.
    /// - Throws: whatever the storage throws.
    public func match(_ record: MatchRecord) async throws -> (pairs: [ScoredPair], candidates: Int) {
        var ids = Set<Int>()
        for key in matcher.blockingKeys(of: record) {
            guard let sharing = try await storage.recordIDs(sharing: key, limit: matcher.settings.blockSizeCap)
            else { continue }
            ids.formUnion(sharing)
        }
        ids.remove(record.id)
        let candidates = try await storage.records(ids.sorted())
        let pairs = matcher.pairs(of: record, against: candidates)
        return (pairs, candidates.count)
    }

    /// Resolves a record and stores it: joins its best cluster, merges further linked clusters into it, or starts
    /// a new cluster named by the record's id.
    /// - Throws: whatever the storage throws.
    public func resolve(_ record: MatchRecord) async throws -> IncrementalResolution {
        let (pairs, compared) = try await match(record)
        let clusterOf = try await storage.clusters(of: pairs.map(\.first))
        var identifiers: [Int: [String: String]] = [:]
        for cluster in Set(clusterOf.values) { identifiers[cluster] = try await storage.identifiers(ofCluster: cluster) }
        let placement = Placement.decide(identifiers: record.identifiers, pairs: pairs, clusterOf: clusterOf) {
            identifiers[$0] ?? [:]
        }
        let cluster = placement.target ?? record.id
        for absorbed in placement.absorbed { try await storage.merge(absorbed, into: cluster) }
        try await storage.insert(record, keys: matcher.blockingKeys(of: record), cluster: cluster)
        return IncrementalResolution(recordID: record.id, cluster: cluster, isNewCluster: placement.target == nil,
                                     absorbedClusters: placement.absorbed, links: placement.links,
                                     reviews: placement.reviews, candidatesCompared: compared)
    }
}

/// What resolving one record did.
public struct IncrementalResolution: Sendable, Hashable {
    /// The record resolved.
    public var recordID: Int
    /// The cluster it is now in.
    public var cluster: Int
    /// True when no stored record linked and the record started its own cluster.
    public var isNewCluster: Bool
    /// Clusters merged into `cluster` because the record linked to them too.
    public var absorbedClusters: [Int]
    /// The links that placed the record, strongest first.
    public var links: [ScoredPair]
    /// Pairs for clerical review: review-band pairs, and links a guard rail refused.
    public var reviews: [ReviewItem]
    /// Stored records the new one was compared with.
    public var candidatesCompared: Int
}
